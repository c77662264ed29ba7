/**
 * The health checks Argo CD ships for the ECK kinds the platform renders, re-expressed (as simulate/health.ts
 * does for the others). Argo CD v3.5.1 ships none for `kibana.k8s.elastic.co/Kibana`: a Kibana has no
 * health, and does not hold its Application's.
 */
import { list, rec, str, type Health, type Obj } from './objects.js';

type Check = (obj: Obj, spec: Obj, status: Obj) => Health;

const unknown = (what: string): Health => ({ status: 'Unknown', message: `${what} status is unknown. Ensure your ArgoCD is current and then check for/file a bug report: https://github.com/argoproj/argo-cd/issues` });

/**
 * argo-cd resource_customizations/elasticsearch.k8s.elastic.co/Elasticsearch/health.lua:1-48 @ v3.5.1: fewer
 * available nodes than the nodeSets' counts is Progressing; then phase Ready with green Healthy, yellow
 * Progressing, red Degraded; ApplyingChanges and MigratingData Progressing, Invalid Degraded; else Unknown.
 */
const elasticsearch: Check = (_obj, spec, status) => {
  if (status['availableNodes'] === undefined) return unknown('Elasticsearch Cluster');
  const want = list(spec['nodeSets']).reduce<number>((n, s) => n + Number(rec(s)['count'] ?? 0), 0);
  const available = Number(status['availableNodes']);
  if (available < want) return { status: 'Progressing', message: `The desired amount of availableNodes is ${want} but the current amount is ${available}` };
  if (available === want) {
    const [phase, health] = [str(status['phase']), str(status['health'])];
    if (phase === 'Ready' && health === 'green') return { status: 'Healthy', message: 'Elasticsearch Cluster status is Green' };
    if (phase === 'Ready' && health === 'yellow') return { status: 'Progressing', message: 'Elasticsearch Cluster status is Yellow. Check the status of indices, replicas and shards' };
    if (phase === 'Ready' && health === 'red') return { status: 'Degraded', message: 'Elasticsearch Cluster status is Red. Check the status of indices, replicas and shards' };
    if (phase === 'ApplyingChanges' || phase === 'MigratingData') return { status: 'Progressing', message: `Elasticsearch phase is ${phase}` };
    if (phase === 'Invalid') return { status: 'Degraded', message: 'Elasticsearch phase is Invalid' };
  }
  return unknown('Elasticsearch Cluster');
};

/** argo-cd resource_customizations/beat.k8s.elastic.co/Beat/health.lua:1-31 @ v3.5.1: red Degraded, green Healthy, yellow or none Progressing. */
const beat: Check = (_obj, _spec, status) => {
  if (status['health'] === undefined && status['expectedNodes'] === undefined) return unknown('Elastic Beat');
  const health = str(status['health']);
  if (health === 'red') return { status: 'Degraded', message: 'Elastic Beat status is Red' };
  if (health === 'green') return { status: 'Healthy', message: 'Elastic Beat status is Green' };
  if (health === 'yellow' && status['availableNodes'] !== undefined && status['expectedNodes'] !== undefined) {
    return { status: 'Progressing', message: `Elastic Beat status is deploying, there is ${String(status['availableNodes'])} instance(s) on ${String(status['expectedNodes'])} expected` };
  }
  if (health === 'yellow' || health === undefined) return { status: 'Progressing', message: 'Elastic Beat phase is progressing' };
  return unknown('Elastic Beat');
};

/** The ECK checks by `group/Kind`. */
export const ECK_HEALTH: readonly [string, Check][] = [
  ['elasticsearch.k8s.elastic.co/Elasticsearch', elasticsearch],
  ['beat.k8s.elastic.co/Beat', beat],
];
