import { cmp } from '../../core/finding.js';
import { amounts, resources } from '../shared/resources.js';
import { buildWaivers } from '../shared/waivers.js';
import { buildDataServices } from './data-services.js';
import { buildNodePools } from './node-pools.js';
import { buildChangeWindows } from './windows.js';
export function buildCluster(f, v) {
    const { environments, nodePools, waivers, ...rest } = v;
    const lineOf = (...path) => f.source.lineOf(path, 'value');
    return {
        file: f.source.file,
        ...rest,
        environments: Object.entries(environments)
            .map(([env, e]) => buildEnvironment(env, v.name, e, f.source.lineOf(['environments', env, 'quota'], 'key'), (...p) => f.source.lineOf(['environments', env, 'dataServices', ...p], 'key')))
            .sort((a, b) => cmp(a.name, b.name)),
        ...(nodePools !== undefined ? { nodePools: buildNodePools(nodePools, (i) => lineOf('nodePools', i)) } : {}),
        ...(waivers !== undefined ? { waivers: buildWaivers(waivers, (i) => lineOf('waivers', i)) } : {}),
    };
}
function buildEnvironment(name, cluster, e, quotaLine, dataLine) {
    const { quota, limitRange, sidecar, changeWindows, dataServices, ...rest } = e;
    return {
        name,
        cluster,
        ...rest,
        quota: { requests: amounts(quota.requests), limits: amounts(quota.limits), pods: quota.pods, line: quotaLine },
        limitRange: { default: amounts(limitRange.default), defaultRequest: amounts(limitRange.defaultRequest) },
        sidecar: resources(sidecar),
        ...(changeWindows !== undefined ? { changeWindows: buildChangeWindows(changeWindows) } : {}),
        ...(dataServices !== undefined ? { dataServices: buildDataServices(dataServices, name, dataLine) } : {}),
    };
}
