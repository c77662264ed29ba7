/**
 * One Argo CD sync operation, stepped as gitops-engine steps it [pkg/sync/sync_context.go @ 4c6e03c]:
 * each {@link step} is one `Sync()` call. The first call dry-runs every task (:394-413); later
 * calls refresh running tasks from the live object's health, where only Healthy (→ Succeeded) and
 * Degraded (→ Failed) move a task and no health means Succeeded (:416-448); a multi-step sync with
 * a running task waits (:449-457); then the lowest pending phase and wave is applied, and the
 * operation succeeds right away when that was the last wave with no hooks left, "EVEN if those
 * objects subsequently degraded" (:509-549). PruneLast moves prune tasks to the sync phase's last
 * wave + 1, at least wave 1 (:791-808).
 */
import { describe, hasSyncOption, kindOf } from './objects.js';
/** PreSync, Sync, PostSync. */
const PHASES = { PreSync: 0, Sync: 1, PostSync: 2 };
/** Kind order inside a wave [gitops-engine pkg/sync/sync_tasks.go:22-68 @ 4c6e03c]; unknown kinds last. */
const KIND_ORDER = [
    'Namespace', 'NetworkPolicy', 'ResourceQuota', 'LimitRange', 'PodSecurityPolicy', 'PodDisruptionBudget', 'ServiceAccount', 'Secret', 'SecretList',
    'ConfigMap', 'StorageClass', 'PersistentVolume', 'PersistentVolumeClaim', 'CustomResourceDefinition', 'ClusterRole', 'ClusterRoleList',
    'ClusterRoleBinding', 'ClusterRoleBindingList', 'Role', 'RoleList', 'RoleBinding', 'RoleBindingList', 'Service', 'DaemonSet', 'Pod',
    'ReplicationController', 'ReplicaSet', 'Deployment', 'HorizontalPodAutoscaler', 'StatefulSet', 'Job', 'CronJob', 'IngressClass', 'Ingress', 'APIService',
];
const order = (o) => {
    const i = KIND_ORDER.indexOf(kindOf(o));
    return i < 0 ? 0 : i - KIND_ORDER.length;
};
/** Tasks of a sync: every target object (hooks in their phase), and what is to be pruned. */
export function planTasks(targets, prunes, pruneLast) {
    const tasks = targets.map((t) => ({
        key: t.key,
        obj: t.obj,
        prune: false,
        hook: t.hook !== undefined,
        phase: PHASES[(t.hook ?? 'Sync')] ?? PHASES.Sync,
        wave: waveOf(t.obj),
        state: 'pending',
        message: '',
    }));
    const lastSyncWave = Math.max(0, ...tasks.filter((t) => t.phase === PHASES.Sync).map((t) => t.wave)) + 1;
    for (const p of prunes) {
        if (hasSyncOption(p.obj, 'Prune=false'))
            continue;
        const last = pruneLast || hasSyncOption(p.obj, 'PruneLast=true');
        tasks.push({ key: p.key, obj: p.obj, prune: true, hook: false, phase: PHASES.Sync, wave: last ? lastSyncWave : waveOf(p.obj), state: 'pending', message: '' });
    }
    return tasks.sort((a, b) => a.phase - b.phase || a.wave - b.wave || Number(b.prune) - Number(a.prune) || order(a.obj) - order(b.obj) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
function waveOf(o) {
    const n = Number.parseInt(String(o['metadata']?.annotations?.['argocd.argoproj.io/sync-wave'] ?? '0'), 10);
    return Number.isFinite(n) ? n : 0;
}
/** One `Sync()` call on `tasks` (mutated). `started`: whether the dry run already ran. */
export function step(tasks, started, env) {
    if (!started) {
        const crds = new Set(tasks.filter((t) => kindOf(t.obj) === 'CustomResourceDefinition').map((t) => crdKind(t.obj)));
        const refused = tasks.filter((t) => !t.prune).map((t) => [t, env.dryRun(t.obj, crds)]).filter(([, r]) => r !== undefined);
        if (refused.length > 0) {
            for (const [t, r] of refused)
                Object.assign(t, { state: 'failed', message: r });
            return { phase: 'Failed', message: `one or more objects failed to apply (dry run): ${refused.map(([t, r]) => `${describe(t.obj)}: ${r}`).join('; ')}` };
        }
    }
    for (const t of tasks.filter((x) => x.state === 'running')) {
        const h = env.health(t.key);
        if (t.hook) {
            if (h?.status === 'Healthy' || h === undefined)
                t.state = 'succeeded';
            else if (h.status === 'Degraded' || h.status === 'Unknown')
                Object.assign(t, { state: 'failed', message: h.message });
        }
        else if (h === undefined || h.status === 'Healthy')
            t.state = 'succeeded';
        else if (h.status === 'Degraded')
            Object.assign(t, { state: 'failed', message: h.message });
    }
    const keyOf = (t) => `${t.phase}/${t.wave}`;
    const multiStep = new Set(tasks.map(keyOf)).size > 1;
    const running = tasks.filter((t) => t.state === 'running' && (multiStep || t.hook));
    if (running.length > 0)
        return { phase: 'Running', message: `waiting for healthy state of ${running.map((t) => describe(t.obj)).join(', ')}`, waitingOn: running };
    const failed = tasks.filter((t) => t.state === 'failed');
    if (failed.length > 0)
        return { phase: 'Failed', message: `one or more synchronization tasks completed unsuccessfully: ${failed.map((t) => `${describe(t.obj)}: ${t.message}`).join('; ')}` };
    const pending = tasks.filter((t) => t.state === 'pending');
    if (pending.length === 0)
        return { phase: 'Succeeded', message: 'successfully synced (no more tasks)' };
    const first = pending[0];
    const wave = pending.filter((t) => t.phase === first.phase && t.wave === first.wave);
    const remaining = pending.filter((t) => !wave.includes(t) || t.hook);
    for (const t of wave) {
        if (t.prune) {
            env.prune(t.key);
            Object.assign(t, { state: 'succeeded', message: 'pruned' });
            continue;
        }
        const err = env.apply(t.obj);
        Object.assign(t, err ? { state: 'failed', message: err } : { state: 'running', message: '' });
    }
    const bad = wave.filter((t) => t.state === 'failed');
    if (bad.length > 0)
        return { phase: 'Failed', message: `one or more objects failed to apply: ${bad.map((t) => `${describe(t.obj)}: ${t.message}`).join('; ')}` };
    if (remaining.length === 0)
        return { phase: 'Succeeded', message: 'successfully synced (all tasks run)' };
    return { phase: 'Running', message: 'one or more tasks are running' };
}
function crdKind(o) {
    const spec = (o['spec'] ?? {});
    return `${spec.group ?? ''}/${spec.names?.kind ?? ''}`;
}
