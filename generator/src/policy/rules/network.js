import { isWorkload, list, namespaceOf, podTemplate, rec, selectorCandidates } from './pod.js';
import { selects } from './pod.js';
/** The directions a NetworkPolicy isolates, as the API server defaults `policyTypes`. */
function directions(np) {
    const spec = rec(np.spec);
    const types = list(spec.policyTypes).filter((t) => typeof t === 'string');
    if (types.length > 0)
        return new Set(types);
    return new Set(['Ingress', ...(spec.egress !== undefined ? ['Egress'] : [])]);
}
export const networkPolicyCoverage = {
    id: 'network-policy-coverage',
    description: "Every workload's pods are selected by NetworkPolicies for both ingress and egress (a default deny counts).",
    severity: { development: 'warning', production: 'error' },
    applies: isWorkload,
    check(obj, ctx) {
        const pod = podTemplate(obj);
        const covered = new Set();
        for (const np of selectorCandidates(ctx.neighbours, namespaceOf(obj), 'NetworkPolicy', 'podSelector', (o) => rec(o.spec).podSelector, pod.labels)) {
            if (!selects(rec(np.spec).podSelector, pod.labels))
                continue;
            for (const d of directions(np))
                covered.add(d);
        }
        const missing = ['Ingress', 'Egress'].filter((d) => !covered.has(d));
        if (missing.length === 0)
            return [];
        return [
            ctx.report([...pod.at.slice(0, -1), 'metadata', 'labels'], `the pods of ${String(obj.kind)} "${String(rec(obj.metadata).name)}" are not isolated for ${missing.map((d) => d.toLowerCase()).join(' and ')}: no NetworkPolicy in the same environment selects them`, 'render a NetworkPolicy for the workload (and the namespace default-deny)'),
        ];
    },
};
