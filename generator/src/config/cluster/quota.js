import { isRaw } from '../shared/checks.js';
import { checkAmounts, checkNotAbove, checkResources } from '../shared/resources.js';
/** Quota, LimitRange and sidecar of one environment: valid quantities, and requests never above their limits. */
export function checkNamespaceSizes(r, env, e) {
    const at = (...p) => ['environments', env, ...p];
    const quota = isRaw(e.quota) ? e.quota : {};
    const limitRange = isRaw(e.limitRange) ? e.limitRange : {};
    const requests = checkAmounts(r, at('quota', 'requests'), quota.requests);
    const limits = checkAmounts(r, at('quota', 'limits'), quota.limits);
    const def = checkAmounts(r, at('limitRange', 'default'), limitRange.default);
    const defReq = checkAmounts(r, at('limitRange', 'defaultRequest'), limitRange.defaultRequest);
    checkNotAbove(r, at('quota', 'requests'), requests, at('quota', 'limits'), limits, { small: quota.requests, large: quota.limits }, 'the namespace can never use more requests than limits: lower the requests quota or raise the limits quota');
    checkNotAbove(r, at('limitRange', 'defaultRequest'), defReq, at('limitRange', 'default'), def, { small: limitRange.defaultRequest, large: limitRange.default }, 'a default request may not exceed the default limit');
    checkNotAbove(r, at('limitRange', 'default'), def, at('quota', 'limits'), limits, { small: limitRange.default, large: quota.limits }, 'one container with the default limits would not fit the namespace quota: lower the default or raise the quota');
    // Sidecar sizes are quantities like any container's; whether the pods with them fit is policy/quota's.
    checkResources(r, at('sidecar'), e.sidecar);
}
