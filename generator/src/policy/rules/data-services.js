import { list, namespaceOf, rec, selects, showSelector, str } from './pod.js';
import { isPlainObject } from '../../core/objects.js';
const NS = 'kubernetes.io/metadata.name';
/** Whether a rule's `ports` let TCP `port` through (no ports: every port). */
function allowsPort(ports, port) {
    const all = list(ports);
    return all.length === 0 || all.some((p) => (rec(p).protocol ?? 'TCP') === 'TCP' && (rec(p).port === undefined || rec(p).port === port));
}
/** Whether `peer` (of a policy in `own`) selects pods labelled `labels` in namespace `ns`. */
function peerSelects(peer, own, ns, labels) {
    if (peer.ipBlock !== undefined)
        return false;
    const nsOk = peer.namespaceSelector === undefined ? own === ns : selects(peer.namespaceSelector, { [NS]: ns });
    return nsOk && (peer.podSelector === undefined || selects(peer.podSelector, labels));
}
/** What a peer selects, for messages. */
function describePeer(peer, own) {
    const pods = peer.podSelector === undefined ? 'all pods' : `pods ${showSelector(peer.podSelector) || '(all)'}`;
    const where = peer.namespaceSelector === undefined ? `in the policy's own namespace ${own}` : `in namespaces ${showSelector(peer.namespaceSelector) || '(all)'}`;
    return `${pods} ${where}`;
}
/** Whether one peer is meant for `d`: it names its labels, or its rule opens `d`'s port to pods (not to addresses). */
function meantFor(peer, rule, d) {
    if (peer.ipBlock !== undefined)
        return false;
    const named = isPlainObject(peer.podSelector) && Object.entries(d.podLabels).every(([k, v]) => rec(rec(peer.podSelector).matchLabels)[k] === v);
    return named || list(rule.ports).some((p) => (rec(p).protocol ?? 'TCP') === 'TCP' && rec(p).port === d.port);
}
/** The ingress policies of `d`'s pods, and whether one admits pods `labels` of namespace `ns` on its port. */
function admitted(d, neighbours, ns, labels) {
    const isolated = [];
    let ok = false;
    for (const np of neighbours) {
        if (np.kind !== 'NetworkPolicy' || namespaceOf(np) !== d.namespace)
            continue;
        const spec = rec(np.spec);
        const types = list(spec.policyTypes);
        if (!selects(spec.podSelector, d.podLabels) || (types.length > 0 && !types.includes('Ingress')))
            continue;
        isolated.push(str(rec(np.metadata).name) ?? '');
        for (const r of list(spec.ingress).map(rec)) {
            if (!allowsPort(r.ports, d.port))
                continue;
            const from = list(r.from).map(rec);
            if (from.length === 0 || from.some((p) => peerSelects(p, d.namespace, ns, labels)))
                ok = true;
        }
    }
    return { isolated, ok };
}
export const dataServiceReach = {
    id: 'data-service-reach',
    description: 'Egress to a data service selects its configured namespace and pod labels in one peer, and a NetworkPolicy of its namespace admits it on the port.',
    severity: { development: 'error', production: 'error' },
    applies: (o) => o.kind === 'NetworkPolicy' && Array.isArray(rec(o.spec).egress),
    check(obj, ctx) {
        const own = namespaceOf(obj);
        const sources = rec(rec(rec(obj.spec).podSelector).matchLabels);
        const out = [];
        for (const [i, rule] of list(rec(obj.spec).egress).map(rec).entries()) {
            for (const d of ctx.dataServices) {
                const where = `${d.kind} (${d.resource} "${d.name}": pods ${showSelector({ matchLabels: d.podLabels })} in namespace ${d.namespace}, TCP ${d.port})`;
                for (const [j, peer] of list(rule.to).map(rec).entries()) {
                    if (!meantFor(peer, rule, d))
                        continue;
                    if (!peerSelects(peer, own, d.namespace, d.podLabels) || !allowsPort(rule.ports, d.port)) {
                        out.push(ctx.report(['spec', 'egress', i, 'to', j], `egress to ${where} selects ${describePeer(peer, own)}${allowsPort(rule.ports, d.port) ? '' : ` on other ports than ${d.port}`}, so it never reaches ${d.kind}`, `select both in one peer: namespaceSelector ${NS}=${d.namespace} and podSelector ${showSelector({ matchLabels: d.podLabels })}, with TCP port ${d.port} (\`dataServices\` in the cluster file; docs/networking.md)`));
                        continue;
                    }
                    const a = admitted(d, ctx.neighbours, own, sources);
                    if (a.isolated.length > 0 && !a.ok) {
                        out.push(ctx.report(['spec', 'egress', i, 'to', j], `egress to ${where} is refused there: NetworkPolicy ${a.isolated.join(', ')} in ${d.namespace} isolates its pods and admits no pods ${showSelector({ matchLabels: sources })} of namespace ${own} on ${d.port}`, `add the service to \`dependsOn.data\` so the data namespace's policy admits it, or render an ingress rule for it in ${d.namespace}`));
                    }
                }
            }
        }
        return out;
    },
};
