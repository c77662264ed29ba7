/**
 * Why an Application is not Synced and Healthy, followed down the chain of what it waits on: a
 * wave waiting on a child Application explains the child, a child held by a window names the
 * window and when it opens. A wait on itself is named as such (issue 9, defect 1).
 */
import { applications } from './controller.js';
import { describe, groupKind, nameOf, rec, str } from './objects.js';
import { canSync, formatInstant, matching, nextChange, projectWindows } from './windows.js';
const YEARS_5 = 5 * 366 * 86_400_000;
export function explain(world, name, now = currentTime(world), seen = []) {
    const apps = new Map(applications(world).map((a) => [nameOf(a.manifest), a]));
    const app = apps.get(name);
    if (!app) {
        // Who would create it: the Application whose target holds it or its ApplicationSet.
        const via = world.expected.get(name)?.via;
        for (const [parent, keys] of world.targets) {
            if (via === undefined || !keys.has(via) || !apps.has(parent) || parent === name || seen.includes(parent))
                continue;
            const inner = explain(world, parent, now, [...seen, name]);
            return { ...inner, text: `not created: ${parent} has not applied ${via.split('/').slice(1, 2).join('')} ${via.split('/').pop() ?? ''}; ${parent} ${inner.text}` };
        }
        return { text: 'not created' };
    }
    const spec = rec(app.manifest['spec']);
    const projectName = str(spec['project']) ?? '';
    const project = world.argocd.get(`argoproj.io/AppProject/${world.namespace}/${projectName}`)?.manifest;
    const windows = matching(projectWindows(project), app.manifest);
    const until = () => nextChange(windows, now, now + YEARS_5);
    const held = (what) => {
        const u = until();
        return { text: `${what} by a window of project ${projectName}${u !== undefined ? ` until ${formatInstant(windows, u)}` : ''}`, window: { project: projectName, ...(u !== undefined ? { until: u } : {}) } };
    };
    const ctx = world.operations.get(name);
    if (app.operation && ctx?.blockedByWindow)
        return held('sync operation blocked');
    if (world.windowDenied.has(name) || (!app.operation && !canSync(windows, now) && rec(app.status['sync'])['status'] === 'OutOfSync'))
        return held('auto-sync denied');
    if (app.operation && ctx?.retryAt !== undefined && ctx.retryAt > now)
        return { text: `retrying: ${String(rec(app.status['operationState'])['message'] ?? '')}` };
    if (app.operation && ctx?.waitingOn && ctx.waitingOn.length > 0) {
        const t = ctx.waitingOn[0];
        const head = `waits on wave ${t.wave}: ${describe(t.obj)}`;
        if (groupKind(t.obj) === 'argoproj.io/Application') {
            const child = nameOf(t.obj);
            if (child === name || seen.includes(child)) {
                return { text: `${head} is its own Application: its health check returns Progressing while its .operation is set, and the controller clears .operation only when this very operation completes`, selfWait: true };
            }
            const inner = explain(world, child, now, [...seen, name]);
            const ch = apps.get(child);
            const status = ch ? String(rec(ch.status['health'])['status'] ?? 'not reported') : 'absent';
            return { ...inner, text: `${head} is ${status} (${child}: ${inner.text})` };
        }
        return { text: `${head} is not Healthy` };
    }
    const opState = rec(app.status['operationState']);
    if (!app.operation && opState['phase'] === 'Failed')
        return { text: `sync failed and auto-sync does not retry revision ${world.input.revision}: ${String(opState['message'] ?? '')}` };
    const health = rec(app.status['health']);
    return { text: `${String(rec(app.status['sync'])['status'] ?? 'Unknown')}, ${String(health['status'] ?? 'Unknown')}${health['message'] ? `: ${String(health['message'])}` : ''}` };
}
function currentTime(world) {
    return world.now;
}
