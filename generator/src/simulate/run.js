/**
 * The discrete-event loop: from an empty cluster with only Argo CD installed, a person applies the
 * bootstrap file, then the simulated clock jumps from event to event (a retry's backoff expiring,
 * a pod becoming ready, a progress deadline, a sync window opening) and every controller
 * reconciles until nothing changes, up to a horizon.
 */
import { applications, reconcileApplication, reconcileApplicationSets } from './controller.js';
import { explain } from './explain.js';
import { nameOf, rec, str } from './objects.js';
import { matching, nextChange, projectWindows } from './windows.js';
import { World } from './world.js';
const DEFAULT_HORIZON_MS = 21 * 86_400_000;
const MAX_ROUNDS = 200;
const MAX_EVENTS = 20_000;
/** Plays `input` (optionally after `before` converged, a change from one revision to the next). */
export function simulate(input, opts, expected) {
    const start = opts.at.getTime();
    const world = new World(opts.previous ?? input);
    for (const e of expected)
        world.expected.set(e.name, { project: e.project, via: e.via });
    for (const obj of (opts.previous ?? input).bootstrap)
        world.argocd.apply(obj, undefined, start);
    let t = start;
    let end = start + (opts.horizonMs ?? DEFAULT_HORIZON_MS);
    if (opts.previous) {
        for (let events = 0; events < MAX_EVENTS; events++) {
            settle(world, t);
            const next = nextEvent(world, t, end);
            if (next === undefined)
                break;
            t = next;
        }
        world.change(input);
        end = t + (opts.horizonMs ?? DEFAULT_HORIZON_MS);
    }
    const begin = t;
    const since = new Map();
    const stalls = new Map();
    for (let events = 0; events < MAX_EVENTS; events++) {
        settle(world, t);
        const states = observe(world, expected);
        for (const s of states) {
            const key = `${s.sync}/${s.health}`;
            if (since.get(s.name)?.state !== key)
                since.set(s.name, { state: key, at: t });
            if (s.blocker?.window && s.blocker.window.project !== s.project && !holdsOnlyItsOwn(world, s.name, s.blocker.window.project)) {
                const id = `${s.name}|${s.blocker.window.project}`;
                const st = stalls.get(id);
                if (st)
                    st.to = t;
                else
                    stalls.set(id, { app: s.name, project: s.project, windowProject: s.blocker.window.project, from: t, to: t, reason: s.blocker.text });
            }
        }
        const next = nextEvent(world, t, end);
        if (next === undefined)
            break;
        for (const st of stalls.values())
            if (st.to === t)
                st.to = next;
        t = next;
    }
    const apps = observe(world, expected).map((s) => ({ ...s, since: since.get(s.name)?.at ?? t }));
    return { start: begin, end: t, apps, stalls: [...stalls.values()], rejections: [...world.workloads.values()].flatMap((w) => w.rejections) };
}
/**
 * Whether everything Application `app` deploys is Applications of project `windowProject` (directly
 * or through ApplicationSets): an environment's root held by its own environment's window holds
 * nothing else, so the wait is the window doing its job, not a stall of other environments.
 */
function holdsOnlyItsOwn(world, app, windowProject) {
    const targets = world.targets.get(app);
    if (!targets || targets.size === 0)
        return false;
    const argo = [...targets].every((k) => k.startsWith('argoproj.io/Application/') || k.startsWith('argoproj.io/ApplicationSet/'));
    const children = [...world.expected.values()].filter((e) => targets.has(e.via));
    return argo && children.length > 0 && children.every((e) => e.project === windowProject);
}
function settle(world, t) {
    world.now = t;
    for (let round = 0; round < MAX_ROUNDS; round++) {
        let changed = reconcileApplicationSets(world, t);
        for (const w of world.workloads.values())
            changed = w.reconcile(t) || changed;
        for (const app of applications(world))
            changed = reconcileApplication(world, app, t) || changed;
        if (!changed)
            return;
    }
}
function observe(world, expected) {
    const live = new Map(applications(world).map((a) => [nameOf(a.manifest), a]));
    const names = [...new Set([...expected.map((e) => e.name), ...live.keys()])].sort();
    const projects = new Map(expected.map((e) => [e.name, e.project]));
    return names.map((name) => {
        const a = live.get(name);
        const project = a ? (str(rec(a.manifest['spec'])['project']) ?? '') : (projects.get(name) ?? '');
        const sync = a ? String(rec(a.status['sync'])['status'] ?? 'Unknown') : 'Absent';
        const health = a ? String(rec(a.status['health'])['status'] ?? 'Unknown') : 'Missing';
        const done = sync === 'Synced' && health === 'Healthy' && !a?.operation;
        return { name, project, sync, health, ...(done ? {} : { blocker: explain(world, name) }) };
    });
}
/** The next instant anything can change, within the horizon. */
function nextEvent(world, t, end) {
    let next = Infinity;
    for (const ctx of world.operations.values())
        if (ctx.retryAt !== undefined && ctx.retryAt > t)
            next = Math.min(next, ctx.retryAt);
    for (const w of world.workloads.values())
        next = Math.min(next, w.nextEvent(t) ?? Infinity);
    for (const app of applications(world)) {
        const name = nameOf(app.manifest);
        if (!world.windowDenied.has(name) && !world.operations.get(name)?.blockedByWindow)
            continue;
        const project = world.argocd.get(`argoproj.io/AppProject/${world.namespace}/${String(rec(app.manifest['spec'])['project'])}`)?.manifest;
        next = Math.min(next, nextChange(matching(projectWindows(project), app.manifest), t, end) ?? Infinity);
    }
    return next <= end ? next : undefined;
}
