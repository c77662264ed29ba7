import { formatDuration } from '../time/duration.js';
import { formatLocal } from '../time/zone.js';
/** The zone instants are printed in. */
const ZONE = 'Asia/Shanghai';
const fmt = (ms) => formatLocal(ZONE, ms);
const HINT_WINDOW = 'an environment must converge on its own: give each environment its own root Application in its own project, so a closed window holds only that environment';
export function simulationFindings(r, files) {
    const out = [];
    const fileOf = (app) => files.get(app) ?? 'argocd';
    const object = (app) => `argoproj.io/v1alpha1/Application argocd/${app}`;
    for (const a of r.apps) {
        if (!a.blocker)
            continue;
        if (a.blocker.selfWait) {
            out.push({ check: 'simulate/self-wait', severity: 'error', file: fileOf(a.name), object: object(a.name), message: `${a.name} never finishes its sync: ${a.blocker.text}`, hint: 'the Application health check must not report Progressing for the Application that runs the sync (exempt it), or keep it out of a health-gated wave' });
        }
        out.push({
            check: 'simulate/not-converged',
            severity: 'error',
            file: fileOf(a.name),
            object: object(a.name),
            message: `${a.name} is ${a.sync}/${a.health} at the end of the simulation (${fmt(r.end)}): ${a.blocker.text}`,
            hint: 'run `npm run simulate -- --at <instant>` to see each Application and what it waits on (docs/simulation.md)',
        });
    }
    const stalls = new Map();
    for (const s of r.stalls) {
        const k = `${s.project}|${s.windowProject}`;
        const g = stalls.get(k) ?? { apps: [], from: s.from, to: s.to, reason: s.reason, project: s.project, windowProject: s.windowProject };
        g.apps.push(s.app);
        g.from = Math.min(g.from, s.from);
        g.to = Math.max(g.to, s.to);
        stalls.set(k, g);
    }
    for (const g of stalls.values()) {
        const first = g.apps[0];
        out.push({
            check: 'simulate/window-stall',
            severity: 'error',
            file: fileOf(first),
            object: object(first),
            message: `${g.apps.length} Application${g.apps.length > 1 ? 's' : ''} of project ${g.project} (${g.apps.slice(0, 3).join(', ')}${g.apps.length > 3 ? ', …' : ''}) waited ${formatDuration(g.to - g.from)} (${fmt(g.from)} to ${fmt(g.to)}) on a window of project ${g.windowProject}: ${g.reason}`,
            hint: HINT_WINDOW,
        });
    }
    const seen = new Set();
    for (const j of r.rejections) {
        const k = `${j.cluster}|${j.workload}`;
        if (seen.has(k))
            continue;
        seen.add(k);
        out.push({
            check: j.reason === 'quota' ? 'simulate/quota-rejected' : 'simulate/pod-security',
            severity: 'error',
            file: j.cluster,
            object: j.workload,
            message: `at ${fmt(j.at)}: ${j.message}`,
            hint: j.reason === 'quota' ? 'size the quota for every container the pods run (Istio sidecars included) at the replicas the workloads start with, or lower the requests and limits' : 'set the pod and container securityContext that Pod Security "restricted" requires',
        });
    }
    return out;
}
/** One result per Application: valid when Synced and Healthy, with an info finding saying when. */
export function applicationResults(r, files) {
    return r.apps.map((a, index) => ({
        file: files.get(a.name) ?? 'argocd',
        index,
        object: `argoproj.io/v1alpha1/Application argocd/${a.name}`,
        kind: 'Application',
        status: a.blocker ? 'invalid' : 'valid',
        findings: a.blocker
            ? []
            : [{ check: 'simulate/converged', severity: 'info', file: files.get(a.name) ?? 'argocd', message: `${a.name}: Synced and Healthy from ${fmt(a.since)} (+${formatDuration(Math.max(0, a.since - r.start))})` }],
    }));
}
/** The per-Application table of the text output. */
export function outcomeTable(r) {
    const rows = r.apps.map((a) => [a.name, a.sync, a.health, `${fmt(a.since)} (+${formatDuration(Math.max(0, a.since - r.start))})`, a.blocker?.text ?? '']);
    const head = ['APPLICATION', 'SYNC', 'HEALTH', 'SINCE', 'BLOCKED BY'];
    const width = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
    const line = (cells) => cells.map((c, i) => (i < cells.length - 1 ? c.padEnd(width[i]) : c)).join('  ').trimEnd();
    return [`simulated from ${fmt(r.start)} to ${fmt(r.end)}`, line(head), ...rows.map(line)].join('\n') + '\n';
}
