/**
 * Storage classes: every volume the rendered objects claim names a StorageClass the cluster has. A
 * claim naming a class that does not exist is never bound (the PersistentVolume controller finds no
 * provisioner for it and the claim stays Pending), so the database, cache or queue never starts and
 * nothing in a schema says so. The classes a cluster has are the ones its platform Application renders
 * (`platform.storageClass` of clusters/<cluster>/cluster.yaml, docs/addons.md). Pure.
 */
import { formatPath } from '../core/finding.js';
import { groupKind, list, nameOf, namespaceOf, rec, valueAt } from './rules/pod.js';
/** Per `group/kind`, where its spec names the storage class of the volumes its pods claim (the pinned CRDs' fields). */
const CLAIMS = {
    // CloudNativePG: the data volume and, when separate, the WAL volume.
    'postgresql.cnpg.io/Cluster': (s) => [['spec', 'storage', 'storageClass'], ...(s.walStorage ? [['spec', 'walStorage', 'storageClass']] : [])],
    'redis.redis.opstreelabs.in/Redis': () => [['spec', 'storage', 'volumeClaimTemplate', 'spec', 'storageClassName']],
    'redis.redis.opstreelabs.in/RedisReplication': () => [['spec', 'storage', 'volumeClaimTemplate', 'spec', 'storageClassName']],
    'rabbitmq.com/RabbitmqCluster': () => [['spec', 'persistence', 'storageClassName']],
    '/PersistentVolumeClaim': () => [['spec', 'storageClassName']],
    'apps/StatefulSet': (s) => list(s.volumeClaimTemplates).map((_, i) => ['spec', 'volumeClaimTemplates', i, 'spec', 'storageClassName']),
};
/**
 * Findings for every named storage class of `scopes` that is not among `provided`, the StorageClasses
 * of the cluster `cluster` (`file`: its cluster file, named in the hint). A claim without a class takes
 * the cluster's default class and is not judged; nor is any claim of a cluster whose platform renders no
 * StorageClass.
 */
export function checkStorageClasses(cluster, file, provided, scopes) {
    // A cluster whose platform renders no StorageClass has its classes installed outside this
    // repository: which exist is not known here, so nothing is judged.
    if (provided.length === 0)
        return [];
    const findings = [];
    for (const scope of scopes) {
        for (const o of scope.objects) {
            const claims = CLAIMS[groupKind(o)];
            if (!claims)
                continue;
            for (const path of claims(rec(o.spec))) {
                const name = valueAt(o, path);
                if (typeof name !== 'string' || name === '' || provided.includes(name))
                    continue;
                const has = `renders ${provided.map((p) => `\`${p}\``).join(', ')}`;
                findings.push({
                    check: 'policy/data-storage-class',
                    severity: 'error',
                    file: scope.path,
                    object: `${String(o.apiVersion)}/${String(o.kind)} ${namespaceOf(o)}/${nameOf(o)}`,
                    path: formatPath(path),
                    message: `${String(o.kind)} "${nameOf(o)}" claims its volumes from storage class \`${name}\`, which cluster ${cluster} does not have (its platform ${has}): the claims are never bound and its pods stay Pending`,
                    hint: `use a class the cluster has, or declare \`${name}\` as \`platform.storageClass\` in ${file}`,
                });
            }
        }
    }
    return findings;
}
