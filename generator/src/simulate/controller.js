/**
 * Argo CD's application controller and ApplicationSet controller, one reconcile at a time.
 *
 * Per Application: compare the target (its path's objects) with the live objects it tracks; its
 * health is the worst of its resources' [argo-cd controller/health.go:20-80 @ v2.13.9]; a running
 * operation takes one sync step, unless a window blocks it ("Sync operation blocked by sync
 * window", controller/sync.go:172-189); without an operation, auto-sync starts one when the app is
 * OutOfSync, a window of its own project allows it (appcontroller.go:1697-1714) and it has not
 * already tried this revision (appcontroller.go:1936-2010). A failed sync is retried with backoff
 * `duration·factor^n`, capped (types.go:1293-1320, appcontroller.go:1412-1423); `.operation` is
 * cleared only when the operation completes (appcontroller.go:1444-1463).
 */
import { expandApplications } from '../argo/expand.js';
import { addonOf, addonRelease, createNamespace, serveAddonKinds } from './addons.js';
import { destinationPermitted, globMatch } from '../argo/glob.js';
import { parseDuration } from '../time/duration.js';
import { resourceHealth } from './health.js';
import { annotation, groupKind, groupOf, hasSyncOption, isClusterScoped, isWorse, keyOf, kindOf, list, meta, nameOf, namespaceOf, rec, str } from './objects.js';
import { planTasks, step } from './sync.js';
import { canSync, matching, projectWindows } from './windows.js';
const APP = 'argoproj.io/Application';
/** The live view Argo CD's health checks see: manifest, status, `.operation`, deletion. */
function view(live) {
    return {
        ...live.manifest,
        metadata: { ...meta(live.manifest), generation: live.generation, ...(live.deleting ? { deletionTimestamp: 'now' } : {}) },
        status: live.status,
        ...(live.operation ? { operation: live.operation } : {}),
    };
}
const healthCache = new WeakMap();
/** {@link resourceHealth} of a live object, computed again only when something it reads changed. */
function healthOf(live, overrides) {
    const hit = healthCache.get(live);
    if (hit && hit.manifest === live.manifest && hit.status === live.status && hit.operation === live.operation && hit.deleting === live.deleting && hit.generation === live.generation && hit.overrides === overrides)
        return hit.health;
    const health = resourceHealth(view(live), overrides);
    healthCache.set(live, { manifest: live.manifest, status: live.status, operation: live.operation, deleting: live.deleting, generation: live.generation, overrides, health });
    return health;
}
const appLists = new WeakMap();
/** The live Applications by name; listed again only when an object was created or deleted. */
export function applications(world) {
    const hit = appLists.get(world);
    if (hit?.version === world.argocd.version)
        return hit.apps;
    const apps = world.argocd.list(APP, world.namespace).sort((a, b) => (nameOf(a.manifest) < nameOf(b.manifest) ? -1 : 1));
    appLists.set(world, { version: world.argocd.version, apps });
    return apps;
}
/** The ApplicationSet controller: generated Applications created, updated, and deleted when no longer generated. */
export function reconcileApplicationSets(world, now) {
    let changed = false;
    const wanted = new Set();
    for (const set of world.argocd.list('argoproj.io/ApplicationSet', world.namespace)) {
        const owner = `appset:${nameOf(set.manifest)}`;
        const { apps, status } = generated(set.manifest, world.namespace);
        if (set.status !== status)
            set.status = status;
        for (const obj of apps) {
            const key = keyOf(obj);
            wanted.add(key);
            const before = world.argocd.get(key);
            // The controller's last write is still live: nothing to apply.
            if (before && world.generatedFrom.get(before) === obj)
                continue;
            const gen = before?.generation;
            world.argocd.apply(obj, owner, now);
            world.generatedFrom.set(world.argocd.get(key), obj);
            if (!before || before.generation !== gen)
                changed = true;
        }
    }
    for (const app of applications(world)) {
        if (app.owner?.startsWith('appset:') && !wanted.has(keyOf(app.manifest)) && !app.deleting) {
            app.deleting = true;
            changed = true;
        }
    }
    return changed;
}
const generations = new WeakMap();
/** The Applications an ApplicationSet generates, once per manifest. */
function generated(set, namespace) {
    const hit = generations.get(set);
    if (hit?.namespace === namespace)
        return hit;
    const { applications: apps, findings } = expandApplications([{ file: '', object: set }]);
    const status = findings.length > 0 ? { conditions: [{ type: 'ErrorOccurred', status: 'True', message: findings[0].message }] } : { conditions: [{ type: 'ResourcesUpToDate', status: 'True' }] };
    const value = { namespace, apps: apps.map((a) => ({ ...a.application, metadata: { ...meta(a.application), namespace } })), status };
    generations.set(set, value);
    return value;
}
/** Compare and health of one Application. */
function compare(world, app) {
    const spec = rec(app.manifest['spec']);
    const dst = rec(spec['destination']);
    const name = nameOf(app.manifest);
    // An add-on's upstream release is stood in for by its operator (simulate/addons.ts).
    const built = addonOf(app.manifest) !== undefined ? addonRelease(app.manifest) : world.source(str(rec(spec['source'])['path']) ?? '');
    if ('error' in built)
        return { targets: [], prunes: [], sync: 'Unknown', health: { status: 'Unknown', message: built.error }, error: `ComparisonError: ${built.error}` };
    const cluster = world.cluster(str(dst['server']) ?? '');
    const { targets, keys } = targetsOf(built, str(dst['namespace']));
    world.targets.set(name, keys);
    const prunes = [...cluster.owned(name)].filter((k) => !keys.has(k)).sort().map((key) => ({ key, obj: cluster.get(key).manifest }));
    const outOfSync = prunes.length > 0 || targets.some((t) => {
        if (t.hook)
            return false;
        const live = cluster.get(t.key);
        return !live || live.owner !== name || json(live.manifest) !== json(t.obj);
    });
    const overrides = world.overrides();
    let health = { status: 'Healthy', message: '' };
    let anyLive = false;
    for (const t of targets) {
        if (t.hook)
            continue;
        const live = cluster.get(t.key);
        if (!live)
            continue; // Missing resources do not affect the app's health (controller/health.go:75-78 @ v3.5.1).
        anyLive = true;
        if (annotation(live.manifest, 'argocd.argoproj.io/ignore-healthcheck') === 'true')
            continue;
        // An Application that manages itself is left out of its own health (controller/health.go:51-54).
        if (groupKind(t.obj) === APP && cluster === world.argocd && nameOf(t.obj) === name)
            continue;
        const h = healthOf(live, overrides);
        if (!h)
            continue;
        // A child Application that is Missing or Unknown does not affect its parent (controller/health.go:80-83).
        if (groupKind(t.obj) === APP && (h.status === 'Missing' || h.status === 'Unknown'))
            continue;
        if (isWorse(health.status, h.status))
            health = { status: h.status, message: h.message ? `${kindOf(t.obj)} ${nameOf(t.obj)}: ${h.message}` : '' };
    }
    // Resources expected but none live: Missing (controller/health.go:90-93 @ v3.5.1).
    if (targets.some((t) => !t.hook) && !anyLive && isWorse(health.status, 'Missing'))
        health = { status: 'Missing', message: 'no resource of the Application exists yet' };
    return { targets, prunes, sync: outOfSync ? 'OutOfSync' : 'Synced', health };
}
const targetCache = new WeakMap();
/** The objects of a path as an Application with this destination namespace syncs them; the same objects every reconcile. */
function targetsOf(built, ns) {
    let byNs = targetCache.get(built);
    if (!byNs)
        targetCache.set(built, (byNs = new Map()));
    let hit = byNs.get(ns ?? '');
    if (hit)
        return hit;
    const targets = built.map((o) => {
        // Argo CD puts namespaced objects without a namespace into the destination namespace.
        const obj = !isClusterScoped(groupKind(o)) && namespaceOf(o) === undefined && ns ? { ...o, metadata: { ...meta(o), namespace: ns } } : o;
        const hook = annotation(obj, 'argocd.argoproj.io/hook');
        return { key: keyOf(obj), obj, ...(hook ? { hook: hook.split(',')[0].trim() } : {}) };
    });
    hit = { targets, keys: new Set(targets.map((t) => t.key)) };
    byNs.set(ns ?? '', hit);
    return hit;
}
const serialized = new WeakMap();
/** What Argo CD's diff looks at: the manifest (status is not in Git), serialized once per object. */
function json(o) {
    let s = serialized.get(o);
    if (s === undefined) {
        const { status: _s, ...rest } = o;
        serialized.set(o, (s = JSON.stringify(rest)));
    }
    return s;
}
/** Reconciles one Application at `now`; returns whether anything changed. */
export function reconcileApplication(world, app, now) {
    const original = app.status;
    const before = JSON.stringify([app.status, app.operation ?? null]);
    const name = nameOf(app.manifest);
    if (app.deleting)
        return finalize(world, app);
    const spec = rec(app.manifest['spec']);
    const project = world.argocd.get(`argoproj.io/AppProject/${world.namespace}/${str(spec['project']) ?? ''}`)?.manifest;
    const windows = matching(projectWindows(project), app.manifest);
    let c = compare(world, app);
    const automated = rec(rec(spec['syncPolicy'])['automated']);
    world.windowDenied.delete(name);
    const opState = rec(app.status['operationState']);
    let stepped = false;
    if (!project) {
        c = { ...c, sync: 'Unknown', health: { status: 'Unknown', message: `Application referencing project ${String(spec['project'])} which does not exist` } };
    }
    else if (app.operation) {
        const ctx = world.operations.get(name) ?? { tasks: [], started: false };
        world.operations.set(name, ctx);
        ctx.blockedByWindow = !canSync(windows, now, rec(app.operation['initiatedBy'])['automated'] !== true);
        if (!ctx.blockedByWindow && !(ctx.retryAt !== undefined && ctx.retryAt > now)) {
            if (!ctx.started) {
                createNamespace(world.cluster(str(rec(spec['destination'])['server']) ?? ''), app.manifest, now);
                ctx.tasks = planTasks(c.targets, c.prunes, hasSyncOption({ metadata: { annotations: { 'argocd.argoproj.io/sync-options': list(rec(spec['syncPolicy'])['syncOptions']).join(',') } } }, 'PruneLast=true'));
                ctx.retryAt = undefined;
            }
            const states = ctx.tasks.map((t) => t.state).join();
            const r = step(ctx.tasks, ctx.started, syncEnv(world, app, project, now));
            // A step that applied a wave or moved a task is progress even when the phase and message read
            // the same ("one or more tasks are running" twice): the next reconcile must step again.
            if (!ctx.started || ctx.tasks.map((t) => t.state).join() !== states)
                stepped = true;
            ctx.started = true;
            ctx.waitingOn = r.phase === 'Running' ? ('waitingOn' in r ? r.waitingOn : undefined) : undefined;
            if (r.phase === 'Running')
                app.status = { ...app.status, operationState: { ...opState, phase: 'Running', message: r.message } };
            else
                complete(world, app, r.phase, r.message, now);
            c = compare(world, app);
        }
        else if (ctx.blockedByWindow) {
            app.status = { ...app.status, operationState: { ...opState, phase: 'Running', message: 'Sync operation blocked by sync window' } };
        }
    }
    else if (rec(spec['syncPolicy'])['automated'] !== undefined && automated['enabled'] !== false && c.sync === 'OutOfSync') {
        // `automated: {}` enables auto-sync: only `enabled: false` turns it off (types.go:1531-1535 @ v3.5.1).
        const attempted = opState['revision'] === world.input.revision;
        const succeeded = opState['phase'] === 'Succeeded';
        if (!canSync(windows, now))
            world.windowDenied.add(name);
        else if (!attempted || (automated['selfHeal'] === true && succeeded)) {
            app.operation = { sync: { revision: world.input.revision, prune: automated['prune'] === true }, initiatedBy: { automated: true }, retry: rec(rec(spec['syncPolicy'])['retry']) };
            app.status = { ...app.status, operationState: { phase: 'Running', message: 'auto-sync started', revision: world.input.revision, retryCount: 0, startedAt: now } };
            world.operations.set(name, { tasks: [], started: false });
            return reconcileApplication(world, app, now) || true;
        }
    }
    app.status = { ...app.status, sync: { status: c.sync, revision: world.input.revision }, health: c.health };
    const addon = addonOf(app.manifest);
    // The operator runs and its CRDs are established: custom resources of its kinds are served from now on.
    const served = addon !== undefined && c.sync === 'Synced' && c.health.status === 'Healthy' && !app.operation
        ? serveAddonKinds(world.cluster(str(rec(spec['destination'])['server']) ?? ''), world.input.addonKinds?.get(addon) ?? [])
        : false;
    const same = JSON.stringify([app.status, app.operation ?? null]) === before;
    // An unchanged status keeps its identity, so the health computed from it stays cached.
    if (same)
        app.status = original;
    return stepped || served || !same;
}
/** A completed step: Succeeded clears `.operation`; Failed is retried while the retry limit allows. */
function complete(world, app, phase, message, now) {
    const name = nameOf(app.manifest);
    const opState = rec(app.status['operationState']);
    const retry = rec(app.operation?.['retry']);
    const count = Number(opState['retryCount'] ?? 0);
    const limit = Number(retry['limit'] ?? 0);
    if (phase === 'Failed' && (limit < 0 || count < limit)) {
        const backoff = rec(retry['backoff']);
        const duration = parseDuration(str(backoff['duration']) ?? '5s');
        const max = parseDuration(str(backoff['maxDuration']) ?? '3m');
        const wait = Math.min(typeof max === 'number' ? max : 180_000, (typeof duration === 'number' ? duration : 5_000) * Number(backoff['factor'] ?? 2) ** count);
        world.operations.set(name, { tasks: [], started: false, retryAt: now + wait });
        app.status = { ...app.status, operationState: { ...opState, phase: 'Running', retryCount: count + 1, message: `Retrying attempt #${count + 1} at ${new Date(now + wait).toISOString()}: ${message}` } };
        return;
    }
    world.operations.delete(name);
    delete app.operation;
    app.status = { ...app.status, operationState: { ...opState, phase, message, finishedAt: now } };
}
/** Deleting an Application: with the resources finalizer its resources go first (cascade). */
function finalize(world, app) {
    const name = nameOf(app.manifest);
    const finalizers = list(meta(app.manifest)['finalizers']);
    if (finalizers.includes('resources-finalizer.argocd.argoproj.io')) {
        const cluster = world.cluster(str(rec(rec(app.manifest['spec'])['destination'])['server']) ?? '');
        for (const k of [...cluster.owned(name)])
            cluster.delete(k);
    }
    world.argocd.delete(keyOf(app.manifest));
    world.operations.delete(name);
    return true;
}
function syncEnv(world, app, project, now) {
    const name = nameOf(app.manifest);
    const dst = rec(rec(app.manifest['spec'])['destination']);
    const server = str(dst['server']) ?? '';
    const cluster = world.cluster(server);
    return {
        dryRun: (obj, crds) => notPermitted(project, obj, server) ?? cluster.refusal(obj, { dryRun: true, crdsInSync: crds }),
        apply: (obj) => cluster.apply(obj, name, now, hasSyncOption(obj, 'ServerSideApply=true')),
        prune: (key) => {
            const live = cluster.get(key);
            if (live && groupKind(live.manifest) === APP)
                live.deleting = true;
            else
                cluster.delete(key);
        },
        health: (key) => {
            const live = cluster.get(key);
            return live ? healthOf(live, world.overrides()) : undefined;
        },
    };
}
/** Project whitelists and destinations for one resource [argo-cd pkg/apis/application/v1alpha1/app_project_types.go IsGroupKindPermitted, IsDestinationPermitted]. */
function notPermitted(project, obj, server) {
    const spec = rec(project['spec']);
    const gk = groupKind(obj);
    const matches = (entries) => list(entries).map(rec).some((e) => globMatch(String(e['group'] ?? ''), groupOf(obj)) && globMatch(String(e['kind'] ?? ''), kindOf(obj)));
    const cluster = isClusterScoped(gk);
    const allowed = cluster
        ? matches(spec['clusterResourceWhitelist']) && !matches(spec['clusterResourceBlacklist'])
        : (spec['namespaceResourceWhitelist'] === undefined || matches(spec['namespaceResourceWhitelist'])) && !matches(spec['namespaceResourceBlacklist']);
    const projectName = nameOf(project);
    if (!allowed)
        return `resource ${groupOf(obj)}:${kindOf(obj)} is not permitted in project ${projectName}`;
    if (!cluster && !destinationPermitted(list(spec['destinations']), { server, namespace: namespaceOf(obj) ?? '' })) {
        return `namespace ${namespaceOf(obj) ?? ''} is not permitted in project '${projectName}'`;
    }
    return undefined;
}
