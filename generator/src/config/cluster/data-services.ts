/**
 * Where an environment's data services run (`environments.<env>.dataServices` in
 * `clusters/<cluster>/cluster.yaml`): their namespace and, per data kind, the name of the custom
 * resource that runs them (its operator labels the pods after it; `model/data-services.ts`), the
 * client port and the operator's namespace. The NetworkPolicies are derived from it, both ways
 * (docs/networking.md). The checks and the builder; the declaration is ./data-services-schema.ts.
 */
import type { Finding } from '../../core/finding.js';
import type { ParsedFile, Raw } from '../shared/checks.js';
import { Reporter, isRaw } from '../shared/checks.js';
import { checkName } from '../shared/names.js';
import { DEFAULT_OPERATOR_NAMESPACES, dataKinds, type DataKind } from '../shared/vocabulary.js';
import type { DataServiceConfig, DataServicesFile, MqServiceConfig, RedisServiceConfig } from './data-services-schema.js';
import { checkPerfTests, checkRedisMq } from './redis-mq.js';

/** `environments.<env>.dataServices`: the data namespace, and the declared data services by kind. */
export interface DataServicesConfig {
  /** Namespace the data services run in, its own (not the services' namespace), e.g. `suoke-prod-data`. */
  namespace: string;
  /** A kind some service depends on must be declared. Redis and RabbitMQ carry what the data layer renders. */
  services: Partial<Record<DataKind, DataServiceConfig>> & { redis?: RedisServiceConfig; mq?: MqServiceConfig };
}

/**
 * Checks every `dataServices` of one cluster file: names are DNS-1123 labels; the data namespace is
 * none of the cluster's other namespaces (an environment's, the ingress or monitoring namespace, or
 * another environment's data namespace), since its NetworkPolicies are rendered for it alone.
 */
export function checkDataServicesFile(f: ParsedFile, out: Finding[]): void {
  const d = f.data;
  if (!isRaw(d.environments)) return;
  const r = new Reporter(f.source, out);
  const taken = new Map<string, string>();
  for (const [key, what] of [['ingressNamespace', '`ingressNamespace`'], ['monitoringNamespace', '`monitoringNamespace`']] as const) {
    if (typeof d[key] === 'string') taken.set(d[key] as string, what);
  }
  for (const [env, e] of Object.entries(d.environments)) {
    if (isRaw(e) && typeof e.namespace === 'string' && !taken.has(e.namespace)) taken.set(e.namespace, `environment \`${env}\``);
  }
  const pools = Array.isArray(d.nodePools) ? d.nodePools.flatMap((p) => (isRaw(p) && typeof p.name === 'string' ? [p.name] : [])) : [];
  for (const [env, e] of Object.entries(d.environments)) {
    if (isRaw(e)) checkPerfTests(r, env, e);
    if (!isRaw(e) || !isRaw(e.dataServices)) continue;
    const at = (...p: (string | number)[]) => ['environments', env, 'dataServices', ...p];
    const ds = e.dataServices;
    if (checkName(r, at('namespace'), ds.namespace, `suoke-${env}-data`)) {
      const ns = ds.namespace as string;
      const owner = taken.get(ns);
      if (owner) {
        r.report(
          'duplicate',
          at('namespace'),
          `data namespace \`${ns}\` is already the namespace of ${owner} in this cluster`,
          `give the data services of \`${env}\` a namespace of their own, e.g. \`suoke-${env}-data\`: the services' quota and default-deny are not for them, and their NetworkPolicies are rendered for it alone`,
        );
      } else taken.set(ns, `the data services of \`${env}\``);
    }
    for (const kind of dataKinds) {
      const s = ds[kind];
      if (!isRaw(s)) continue;
      checkName(r, at(kind, 'name'), s.name, kind === 'mq' ? 'rabbitmq' : kind);
      checkName(r, at(kind, 'operatorNamespace'), s.operatorNamespace, DEFAULT_OPERATOR_NAMESPACES[kind]);
      if (typeof s.nodePool === 'string' && !pools.includes(s.nodePool)) {
        r.report(
          'unknown-pool',
          at(kind, 'nodePool'),
          `\`environments.${env}.dataServices.${kind}.nodePool\` is \`${s.nodePool}\`, which is not a node pool of this cluster`,
          pools.length > 0 ? `name one of ${pools.map((p) => `\`${p}\``).join(', ')}` : 'declare the pool under `nodePools`',
        );
      }
    }
    checkRedisMq(r, at, ds);
  }
}

/**
 * Every environment declares where the data services its services depend on run: a missing one is
 * reported at the environment (its `dataServices`, else its key), naming the services that need it.
 */
export function checkDataDependencies(services: readonly ParsedFile[], clusters: readonly ParsedFile[], out: Finding[]): void {
  for (const f of clusters) {
    if (!isRaw(f.data.environments)) continue;
    const r = new Reporter(f.source, out);
    for (const [env, e] of Object.entries(f.data.environments)) {
      if (!isRaw(e)) continue;
      const declared = isRaw(e.dataServices) ? e.dataServices : undefined;
      for (const kind of dataKinds) {
        if (declared && declared[kind] !== undefined) continue;
        const users = services.filter((s) => runsIn(s.data, env) && dependsOn(s.data, kind)).map((s) => String(s.data.name)).sort();
        if (users.length === 0) continue;
        const at = declared ? ['environments', env, 'dataServices'] : ['environments', env];
        const example = declared ? `\`${kind}: {name: ${kind === 'mq' ? 'rabbitmq' : kind}}\` under it` : `\`dataServices: {namespace: suoke-${env}-data, ${kind}: {name: ${kind === 'mq' ? 'rabbitmq' : kind}}}\``;
        r.report(
          'data-service',
          at,
          `environment \`${env}\` runs ${users.join(', ')}, which depend${users.length === 1 ? 's' : ''} on ${kind}, but \`environments.${env}.dataServices.${kind}\` does not say where it runs`,
          `declare it, e.g. ${example} (docs/networking.md); without it no NetworkPolicy can reach it`,
          'key',
        );
      }
    }
  }
}

function runsIn(d: Raw, env: string): boolean {
  const o = isRaw(d.environments) ? d.environments[env] : undefined;
  return !(isRaw(o) && o.enabled === false);
}

function dependsOn(d: Raw, kind: DataKind): boolean {
  return isRaw(d.dependsOn) && Array.isArray(d.dependsOn.data) && d.dependsOn.data.includes(kind);
}

/** The checked `dataServices`, defaults filled in, with the services grouped by kind (in the order of `dataKinds`). */
export function buildDataServices(v: DataServicesFile): DataServicesConfig {
  const services: DataServicesConfig['services'] = {};
  for (const kind of dataKinds) {
    const s = v[kind];
    if (s) Object.assign(services, { [kind]: s });
  }
  return { namespace: v.namespace, services };
}
