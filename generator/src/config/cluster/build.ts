/**
 * The typed {@link ClusterConfig} of a cluster file that passed every check. It receives the file
 * with the declared defaults already filled in (by ajv); what is left is the shape the later stages
 * want: environments as a sorted list that knows its name and cluster, quantities as strings, the
 * lines findings point at.
 */
import type { Static } from '@sinclair/typebox';
import { cmp } from '../../core/finding.js';
import type { ParsedFile } from '../shared/checks.js';
import { amounts, resources } from '../shared/resources.js';
import { buildWaivers } from '../shared/waivers.js';
import type { ClusterConfig, EnvironmentConfig } from '../types.js';
import { buildDataServices } from './data-services.js';
import { buildNodePools } from './node-pools.js';
import type { ClusterFile, Environment } from './schema.js';
import { buildChangeWindows } from './windows.js';

export function buildCluster(f: ParsedFile, v: ClusterFile): ClusterConfig {
  const { environments, nodePools, waivers, ...rest } = v;
  const lineOf = (...path: (string | number)[]) => f.source.lineOf(path, 'value');
  return {
    file: f.source.file,
    ...rest,
    environments: Object.entries(environments)
      .map(([env, e]) =>
        buildEnvironment(env, v.name, e, f.source.lineOf(['environments', env, 'quota'], 'key'), (...p) => f.source.lineOf(['environments', env, 'dataServices', ...p], 'key')),
      )
      .sort((a, b) => cmp(a.name, b.name)),
    ...(nodePools !== undefined ? { nodePools: buildNodePools(nodePools, (i) => lineOf('nodePools', i)) } : {}),
    ...(waivers !== undefined ? { waivers: buildWaivers(waivers, (i) => lineOf('waivers', i)) } : {}),
  };
}

function buildEnvironment(
  name: string,
  cluster: string,
  e: Static<typeof Environment>,
  quotaLine: number,
  dataLine: (...path: (string | number)[]) => number,
): EnvironmentConfig {
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
