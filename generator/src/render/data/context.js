import { MANAGED_BY, PART_OF, prometheusSelected } from '../conventions.js';
/** The context of an environment that declares `dataServices`. */
export function dataContext(e) {
    const d = e.env.dataServices;
    if (!d)
        return undefined;
    return {
        env: e.env.name,
        namespace: d.namespace,
        labels: { 'app.kubernetes.io/part-of': PART_OF, 'app.kubernetes.io/managed-by': MANAGED_BY, 'suoke-life.com/environment': e.env.name },
        monitorLabels: prometheusSelected(e.cluster.monitoringLabels),
        secretStore: { kind: e.env.secretStore.kind, name: e.env.secretStore.name },
        scheduling: {},
    };
}
/**
 * An ExternalSecret of the data namespace reading `data` (`[secretKey, store key, property]`) from the
 * environment's store into the Secret of the same name, kept when the ExternalSecret goes.
 */
export function storeSecret(ctx, metadata, data, template) {
    return {
        apiVersion: 'external-secrets.io/v1',
        kind: 'ExternalSecret',
        metadata,
        spec: {
            refreshInterval: '1h',
            secretStoreRef: ctx.secretStore,
            target: { name: metadata.name, creationPolicy: 'Owner', deletionPolicy: 'Retain', ...(template ? { template } : {}) },
            data: data.map(([secretKey, key, property]) => ({ secretKey, remoteRef: { key, property } })),
        },
    };
}
