/** A service's configuration objects: the ConfigMap of its settings and the ExternalSecret of its secrets. */
import { serviceDatabase } from '../model/postgres.js';
import { PORTS, secretName, serviceMeta } from './conventions.js';
/** The ConfigMap's data: the resolved settings and the platform's variables, sorted by key. */
export function configData(i) {
    const data = {
        ...i.settings,
        ENVIRONMENT: i.env.name,
        HTTP_PORT: String(PORTS.http),
        SERVICE_NAME: i.service.name,
    };
    if (i.service.grpc)
        data['GRPC_PORT'] = String(PORTS.grpc);
    if (i.service.metrics)
        data['METRICS_PORT'] = String(PORTS.metrics);
    return Object.fromEntries(Object.entries(data).sort(([a], [b]) => (a < b ? -1 : 1)));
}
export function configMap(i) {
    return { apiVersion: 'v1', kind: 'ConfigMap', metadata: serviceMeta(i), data: configData(i) };
}
/**
 * The variables the service's Secret holds for its container, in order: its `secrets`, then
 * `DATABASE_URL` when it depends on postgres and does not declare it (the loader refuses a declared one
 * where the environment renders its PostgreSQL).
 */
export function secretVariables(i) {
    const own = i.service.secrets.map((s) => s.env);
    return [...own, ...(serviceDatabase(i) && !own.includes(DATABASE_URL) ? [DATABASE_URL] : [])];
}
const DATABASE_URL = 'DATABASE_URL';
/**
 * Materialises the service's secrets from the environment's store (`{env}` in a key names the
 * environment). Where the environment renders its PostgreSQL, `DATABASE_URL` is composed by the
 * ExternalSecret's template from the role's credentials (the key the data layer's role Secret reads
 * too) and the pooler, database and port that are rendered; the password is URL-encoded (`urlquery`,
 * a Go text/template builtin). `mergePolicy: Merge` keeps the other keys beside it.
 */
export function externalSecret(i) {
    const db = serviceDatabase(i);
    const fromStore = i.service.secrets.map((s) => ({
        secretKey: s.env,
        remoteRef: { key: s.key.replaceAll('{env}', i.env.name), ...(s.property ? { property: s.property } : {}) },
    }));
    const database = db?.kind === 'rendered'
        ? [
            { secretKey: 'database_username', remoteRef: { key: db.credentialsKey, property: 'username' } },
            { secretKey: 'database_password', remoteRef: { key: db.credentialsKey, property: 'password' } },
        ]
        : db?.kind === 'external' && !i.service.secrets.some((s) => s.env === DATABASE_URL)
            ? [{ secretKey: DATABASE_URL, remoteRef: { key: db.key, property: 'database-url' } }]
            : [];
    const template = db?.kind === 'rendered'
        ? {
            template: {
                engineVersion: 'v2',
                mergePolicy: 'Merge',
                data: {
                    [DATABASE_URL]: `postgresql://{{ .database_username | urlquery }}:{{ .database_password | urlquery }}@${db.host}:${db.port}/${db.database}`,
                },
            },
        }
        : {};
    return {
        apiVersion: 'external-secrets.io/v1',
        kind: 'ExternalSecret',
        metadata: serviceMeta(i),
        spec: {
            refreshInterval: '1h',
            secretStoreRef: { kind: i.env.secretStore.kind, name: i.env.secretStore.name },
            target: { name: secretName(i.service.name), creationPolicy: 'Owner', deletionPolicy: 'Retain', ...template },
            data: [...fromStore, ...database],
        },
    };
}
