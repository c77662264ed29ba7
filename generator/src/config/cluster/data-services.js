import { Reporter, isRaw } from '../shared/checks.js';
import { checkName } from '../shared/names.js';
import { DEFAULT_OPERATOR_NAMESPACES, dataKinds } from '../shared/vocabulary.js';
import { buildPostgresCluster, checkPostgresCluster } from './postgres.js';
import { checkPerfTests, checkRedisMq } from './redis-mq.js';
/**
 * Checks every `dataServices` of one cluster file: names are DNS-1123 labels; the data namespace is
 * none of the cluster's other namespaces (an environment's, the ingress or monitoring namespace, or
 * another environment's data namespace), since its NetworkPolicies are rendered for it alone.
 */
export function checkDataServicesFile(f, out) {
    const d = f.data;
    if (!isRaw(d.environments))
        return;
    const r = new Reporter(f.source, out);
    const taken = new Map();
    for (const [key, what] of [['ingressNamespace', '`ingressNamespace`'], ['monitoringNamespace', '`monitoringNamespace`']]) {
        if (typeof d[key] === 'string')
            taken.set(d[key], what);
    }
    for (const [env, e] of Object.entries(d.environments)) {
        if (isRaw(e) && typeof e.namespace === 'string' && !taken.has(e.namespace))
            taken.set(e.namespace, `environment \`${env}\``);
    }
    const pools = Array.isArray(d.nodePools) ? d.nodePools.flatMap((p) => (isRaw(p) && typeof p.name === 'string' ? [p.name] : [])) : [];
    for (const [env, e] of Object.entries(d.environments)) {
        if (isRaw(e))
            checkPerfTests(r, env, e);
        if (!isRaw(e) || !isRaw(e.dataServices))
            continue;
        const at = (...p) => ['environments', env, 'dataServices', ...p];
        const ds = e.dataServices;
        if (checkName(r, at('namespace'), ds.namespace, `suoke-${env}-data`)) {
            const ns = ds.namespace;
            const owner = taken.get(ns);
            if (owner) {
                r.report('duplicate', at('namespace'), `data namespace \`${ns}\` is already the namespace of ${owner} in this cluster`, `give the data services of \`${env}\` a namespace of their own, e.g. \`suoke-${env}-data\`: the services' quota and default-deny are not for them, and their NetworkPolicies are rendered for it alone`);
            }
            else
                taken.set(ns, `the data services of \`${env}\``);
        }
        for (const kind of dataKinds) {
            const s = ds[kind];
            if (!isRaw(s))
                continue;
            checkName(r, at(kind, 'name'), s.name, kind === 'mq' ? 'rabbitmq' : kind);
            checkName(r, at(kind, 'operatorNamespace'), s.operatorNamespace, DEFAULT_OPERATOR_NAMESPACES[kind]);
            if (typeof s.nodePool === 'string' && !pools.includes(s.nodePool)) {
                r.report('unknown-pool', at(kind, 'nodePool'), `\`environments.${env}.dataServices.${kind}.nodePool\` is \`${s.nodePool}\`, which is not a node pool of this cluster`, pools.length > 0 ? `name one of ${pools.map((p) => `\`${p}\``).join(', ')}` : 'declare the pool under `nodePools`');
            }
        }
        if (isRaw(ds.postgres) && isRaw(ds.postgres.cluster)) {
            checkPostgresCluster(r, (...p) => at('postgres', 'cluster', ...p), ds.postgres.cluster, env, isRaw(d.platform) ? d.platform.region : undefined);
        }
        checkRedisMq(r, at, ds);
    }
}
/**
 * Every environment declares where the data services its services depend on run: a missing one is
 * reported at the environment (its `dataServices`, else its key), naming the services that need it.
 */
export function checkDataDependencies(services, clusters, out) {
    for (const f of clusters) {
        if (!isRaw(f.data.environments))
            continue;
        const r = new Reporter(f.source, out);
        for (const [env, e] of Object.entries(f.data.environments)) {
            if (!isRaw(e))
                continue;
            const declared = isRaw(e.dataServices) ? e.dataServices : undefined;
            for (const kind of dataKinds) {
                if (declared && declared[kind] !== undefined)
                    continue;
                const users = services.filter((s) => runsIn(s.data, env) && dependsOn(s.data, kind)).map((s) => String(s.data.name)).sort();
                if (users.length === 0)
                    continue;
                const at = declared ? ['environments', env, 'dataServices'] : ['environments', env];
                const example = declared ? `\`${kind}: {name: ${kind === 'mq' ? 'rabbitmq' : kind}}\` under it` : `\`dataServices: {namespace: suoke-${env}-data, ${kind}: {name: ${kind === 'mq' ? 'rabbitmq' : kind}}}\``;
                r.report('data-service', at, `environment \`${env}\` runs ${users.join(', ')}, which depend${users.length === 1 ? 's' : ''} on ${kind}, but \`environments.${env}.dataServices.${kind}\` does not say where it runs`, `declare it, e.g. ${example} (docs/networking.md); without it no NetworkPolicy can reach it`, 'key');
            }
        }
    }
}
/**
 * Where an environment renders its PostgreSQL (`postgres.cluster`), a service that depends on it gets
 * `DATABASE_URL` composed from the rendered role, pooler and database (render/config.ts), so it may not
 * declare one of its own: the two would disagree.
 */
export function checkDatabaseUrl(services, clusters, out) {
    const rendered = [];
    for (const f of clusters) {
        if (!isRaw(f.data.environments))
            continue;
        for (const [env, e] of Object.entries(f.data.environments)) {
            if (isRaw(e) && isRaw(e.dataServices) && isRaw(e.dataServices.postgres) && e.dataServices.postgres.cluster !== undefined)
                rendered.push(env);
        }
    }
    for (const s of services) {
        if (!dependsOn(s.data, 'postgres') || !Array.isArray(s.data.secrets))
            continue;
        const envs = rendered.filter((env) => runsIn(s.data, env)).sort();
        if (envs.length === 0)
            continue;
        const r = new Reporter(s.source, out);
        s.data.secrets.forEach((x, i) => {
            if (!isRaw(x) || x.env !== 'DATABASE_URL')
                return;
            r.report('database-url', ['secrets', i], `\`DATABASE_URL\` is composed by the generator in ${envs.join(', ')}, where the environment renders its PostgreSQL: from the role, pooler and database that are rendered`, 'remove this entry; where postgres runs outside the repository the URL is read from `suoke/<env>/<service>` property `database-url` (docs/data-layer.md#how-a-service-reaches-its-database)');
        });
    }
}
/**
 * A restore drill restores another environment's backups: `from` must name an environment that
 * renders its PostgreSQL with backups, and not the drill's own.
 */
export function checkRestoreDrills(clusters, out) {
    const backedUp = new Set();
    const all = new Set();
    for (const f of clusters) {
        if (!isRaw(f.data.environments))
            continue;
        for (const [env, e] of Object.entries(f.data.environments)) {
            all.add(env);
            const pg = isRaw(e) && isRaw(e.dataServices) && isRaw(e.dataServices.postgres) && isRaw(e.dataServices.postgres.cluster) ? e.dataServices.postgres.cluster : undefined;
            if (pg && isRaw(pg.backup))
                backedUp.add(env);
        }
    }
    for (const f of clusters) {
        if (!isRaw(f.data.environments))
            continue;
        const r = new Reporter(f.source, out);
        for (const [env, e] of Object.entries(f.data.environments)) {
            const pg = isRaw(e) && isRaw(e.dataServices) && isRaw(e.dataServices.postgres) && isRaw(e.dataServices.postgres.cluster) ? e.dataServices.postgres.cluster : undefined;
            const drill = pg && isRaw(pg.restoreDrill) ? pg.restoreDrill : undefined;
            if (!drill || typeof drill.from !== 'string')
                continue;
            const path = ['environments', env, 'dataServices', 'postgres', 'cluster', 'restoreDrill', 'from'];
            const candidates = [...backedUp].filter((x) => x !== env).sort();
            if (drill.from === env) {
                r.report('restore-drill', path, `\`${env}\` cannot drill restoring its own backups into itself`, `name the environment whose backups are rehearsed, e.g. \`${candidates[0] ?? 'prod'}\``);
            }
            else if (!backedUp.has(drill.from)) {
                r.report('restore-drill', path, all.has(drill.from) ? `environment \`${drill.from}\` has no PostgreSQL backups to restore` : `no environment is called \`${drill.from}\``, candidates.length > 0 ? `environments with backups: ${candidates.join(', ')}` : 'give the source environment `postgres.cluster.backup` first');
            }
        }
    }
}
function runsIn(d, env) {
    const o = isRaw(d.environments) ? d.environments[env] : undefined;
    return !(isRaw(o) && o.enabled === false);
}
function dependsOn(d, kind) {
    return isRaw(d.dependsOn) && Array.isArray(d.dependsOn.data) && d.dependsOn.data.includes(kind);
}
/** The checked `dataServices`, defaults filled in, with the services grouped by kind (in the order of `dataKinds`). */
export function buildDataServices(v, env, lineOf) {
    const services = {};
    for (const kind of dataKinds) {
        const s = v[kind];
        if (s) {
            // `postgres.cluster` is built into `postgres` below; the rest is kept as declared.
            const { cluster: _c, ...rest } = s;
            Object.assign(services, { [kind]: rest });
        }
    }
    const pg = v.postgres?.cluster;
    return {
        namespace: v.namespace,
        services,
        ...(pg ? { postgres: buildPostgresCluster(pg, env, lineOf('postgres', 'cluster')) } : {}),
    };
}
