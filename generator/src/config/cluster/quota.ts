/**
 * The sizes of an environment's namespace (`environments.<env>` in `clusters/<cluster>/cluster.yaml`):
 * its ResourceQuota, its LimitRange, and the Istio sidecar every meshed pod carries, which the quota
 * and capacity checks count. Declarations and the checks that relate them.
 */
import { Type } from '../shared/typebox.js';
import type { Raw, Reporter } from '../shared/checks.js';
import { isRaw } from '../shared/checks.js';
import { Struct } from '../shared/declare.js';
import { Amounts, checkAmounts, checkNotAbove, checkResources, type ResourcesConfig } from '../shared/resources.js';

export const Quota = Struct(
  { requests: Amounts('8', '16Gi'), limits: Amounts('16', '32Gi'), pods: Type.Integer({ minimum: 1, examples: [60] }) },
  { examples: [{ requests: { cpu: '8', memory: '16Gi' }, limits: { cpu: '16', memory: '32Gi' }, pods: 60 }] },
);

export const LimitRange = Struct(
  { default: Amounts('500m', '1Gi'), defaultRequest: Amounts('50m', '64Mi') },
  { examples: [{ default: { cpu: '500m', memory: '1Gi' }, defaultRequest: { cpu: '50m', memory: '64Mi' } }] },
);

/**
 * Istio's `global.proxy.resources`, which injection uses when a pod sets none of the
 * `sidecar.istio.io/proxy*` annotations (manifests/charts/istio-control/istio-discovery/values.yaml:357-364
 * @ 1.22.8, unchanged @ 1.28.10).
 */
const ISTIO_SIDECAR_DEFAULT: ResourcesConfig = { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '2000m', memory: '1024Mi' } };

/**
 * `environments.<env>.sidecar`: the Istio sidecar of every pod where the namespace is in the mesh,
 * rendered as the `sidecar.istio.io/proxy*` pod annotations. The default is what Istio injects
 * without them.
 */
export const Sidecar = Struct(
  { requests: Amounts('100m', '128Mi'), limits: Amounts('500m', '256Mi') },
  {
    description:
      'Requests and limits of the Istio sidecar (istio-proxy) in every pod of a meshed namespace; the quota counts them. ' +
      "Default Istio's own: requests `{cpu: 100m, memory: 128Mi}`, limits `{cpu: 2000m, memory: 1024Mi}`.",
    default: ISTIO_SIDECAR_DEFAULT,
    examples: [{ requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } }],
  },
);

/** Quota, LimitRange and sidecar of one environment: valid quantities, and requests never above their limits. */
export function checkNamespaceSizes(r: Reporter, env: string, e: Raw): void {
  const at = (...p: string[]) => ['environments', env, ...p];
  const quota = isRaw(e.quota) ? e.quota : {};
  const limitRange = isRaw(e.limitRange) ? e.limitRange : {};
  const requests = checkAmounts(r, at('quota', 'requests'), quota.requests);
  const limits = checkAmounts(r, at('quota', 'limits'), quota.limits);
  const def = checkAmounts(r, at('limitRange', 'default'), limitRange.default);
  const defReq = checkAmounts(r, at('limitRange', 'defaultRequest'), limitRange.defaultRequest);
  checkNotAbove(r, at('quota', 'requests'), requests, at('quota', 'limits'), limits, { small: quota.requests, large: quota.limits },
    'the namespace can never use more requests than limits: lower the requests quota or raise the limits quota');
  checkNotAbove(r, at('limitRange', 'defaultRequest'), defReq, at('limitRange', 'default'), def, { small: limitRange.defaultRequest, large: limitRange.default },
    'a default request may not exceed the default limit');
  checkNotAbove(r, at('limitRange', 'default'), def, at('quota', 'limits'), limits, { small: limitRange.default, large: quota.limits },
    'one container with the default limits would not fit the namespace quota: lower the default or raise the quota');
  // Sidecar sizes are quantities like any container's; whether the pods with them fit is policy/quota's.
  checkResources(r, at('sidecar'), e.sidecar);
}
