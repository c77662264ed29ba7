/**
 * Which Applications a sync waits on, and whether such a wait can hold what it should not
 * (issue 9, defects 1 and 2; docs/argocd.md, "Sync waves").
 *
 * A sync applies its objects wave by wave and, between waves, waits until each applied Application is
 * Healthy or Degraded by the argocd-cm health check (gitops-engine pkg/sync/sync_context.go:416-457
 * @ 4c6e03c). Any wave can be such a gate: pruned objects keep or swap their waves, and `PruneLast`
 * adds a wave after the last (sync_context.go:761-808). While a sync waits, its Application keeps
 * `.operation` set and Argo CD skips its auto-sync (argo-cd controller/appcontroller.go:1936-1938
 * @ v2.13.9), so one held child holds everything that Application delivers, now and on later commits.
 * Two things can hold a child without end:
 * - the child is the Application itself: the check reports it Progressing while `.operation` is set,
 *   which lasts until the very sync that waits on it ends;
 * - a change window of the child's project denies its auto-sync (appcontroller.go:1697-1714), so it
 *   stays Missing or keeps a blocked operation; an Application whose own sync waits on such a child
 *   is held by that window too.
 * Applications labelled `suoke-life.com/health-gate: none` are Healthy to the check and hold nothing.
 */
import { cmp } from '../core/finding.js';
import { HEALTH_GATE } from '../render/argocd-health.js';
import { globMatch } from '../argo/glob.js';
const meta = (a) => (a.application['metadata'] ?? {});
const spec = (a) => (a.application['spec'] ?? {});
const nameOf = (a) => String(meta(a).name ?? '');
const exempt = (a) => meta(a).labels?.[HEALTH_GATE.label] === HEALTH_GATE.none;
const wave = (a) => (a.application['metadata']?.annotations?.['argocd.argoproj.io/sync-wave'] ?? '0');
/** Proves that no sync can wait on itself, nor on a window that does not govern everything it delivers. */
export function checkWaveGates(input) {
    const byName = new Map(input.applications.map((a) => [nameOf(a), a]));
    const findings = [];
    const bad = (check, app, message) => findings.push({ check: `argocd/${check}`, severity: 'error', file: app.file, object: `argoproj.io/v1alpha1/Application ${nameOf(app)}`, path: `metadata.labels["${HEALTH_GATE.label}"]`, message, hint: input.hint });
    /** The Applications an Application's sync applies itself (its gates), and those its ApplicationSets generate. */
    const children = (p) => {
        const built = input.builds.get(spec(p).source?.path ?? '') ?? [];
        const applied = built.filter((o) => o.kind === 'Application').flatMap((o) => byName.get(o.name) ?? []);
        const sets = new Set(built.filter((o) => o.kind === 'ApplicationSet').map((o) => `ApplicationSet ${o.name} element `));
        const generated = input.applications.filter((a) => [...sets].some((s) => a.origin.startsWith(s)));
        return { applied, generated };
    };
    /** Window keys (`<project>#<index>`) matching an Application, by Argo CD's rules. */
    const windows = (a) => {
        const project = spec(a).project ?? '';
        const list = ((input.projects.get(project)?.['spec'] ?? {}).syncWindows ?? []);
        return list.flatMap((w, i) => (windowMatches(w, nameOf(a), spec(a).destination ?? {}) ? [`${project}#${i}`] : []));
    };
    /** Windows that can hold an Application's health: its own, and those of every child its sync waits on. */
    const holds = (a, seen = new Set()) => {
        const out = new Set(exempt(a) ? [] : windows(a));
        if (exempt(a) || seen.has(nameOf(a)))
            return out;
        seen.add(nameOf(a));
        for (const c of children(a).applied)
            if (c !== a)
                for (const k of holds(c, seen))
                    out.add(k);
        return out;
    };
    for (const p of input.applications) {
        const { applied, generated } = children(p);
        for (const c of applied) {
            if (exempt(c))
                continue;
            if (c === p) {
                bad('waits-on-itself', p, `Application ${nameOf(p)} syncs itself (wave ${wave(p)}) and is not labelled ${HEALTH_GATE.label}: ${HEALTH_GATE.none}: during that sync its .operation is set, so the argocd-cm health check reports it Progressing until the sync ends, and a wave that waits on it never does (any wave waits once something is pruned)`);
                continue;
            }
            const held = [...holds(c)].sort(cmp);
            if (held.length === 0)
                continue;
            const others = [...applied, ...generated].filter((d) => d !== c && d !== p && !sameSet(windows(d), held));
            if (others.length === 0)
                continue;
            const names = others.map(nameOf).sort(cmp);
            const listed = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
            bad('waits-on-window', c, `Application ${nameOf(c)} (wave ${wave(c)} of ${nameOf(p)}'s sync) can be held by ${describe(held, input.projects)}; while it is, ${nameOf(p)}'s sync waits on it and its auto-sync is skipped, so ${listed}, which those windows do not govern alike, wait too`);
        }
    }
    return findings;
}
/** Argo CD's `SyncWindows.Matches`: any application, cluster or namespace glob of the window matches (types.go:2554-2591 @ v2.13.9). */
function windowMatches(w, app, dst) {
    return ((w.applications ?? []).some((g) => globMatch(g, app)) ||
        (w.clusters ?? []).some((g) => (dst.name !== undefined && dst.name !== '' && globMatch(g, dst.name)) || (dst.server !== undefined && dst.server !== '' && globMatch(g, dst.server))) ||
        (w.namespaces ?? []).some((g) => globMatch(g, dst.namespace ?? '')));
}
function sameSet(a, b) {
    return a.length === b.length && a.every((x) => b.includes(x));
}
/** `the change windows of project suoke-prod (allow "0 22 * * 2,4" for 2h, deny "0 0 3 2 *" for 288h)`. */
function describe(keys, projects) {
    const byProject = new Map();
    for (const k of keys) {
        const [project, index] = k.split('#');
        const w = ((projects.get(project)?.['spec'] ?? {}).syncWindows ?? [])[Number(index)] ?? {};
        (byProject.get(project) ?? byProject.set(project, []).get(project)).push(`${w.kind ?? '?'} ${JSON.stringify(w.schedule ?? '')} for ${w.duration ?? '?'}`);
    }
    return [...byProject].map(([project, ws]) => `the change windows of project ${project} (${ws.join(', ')})`).join(' and ');
}
