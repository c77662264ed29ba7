import { MANAGED_BY, PART_OF, prometheusSelected } from './conventions.js';
/**
 * `severity` of each level: P0 and P1 page, P2 warns, P3 is a ticket. The restore drill's alerts
 * (render/data/restore-drill.ts) carry the same pair.
 */
const SEVERITY = { P0: 'critical', P1: 'critical', P2: 'warning', P3: 'info' };
const RUNBOOKS = 'https://git.suoke-life.com/platform/suoke-life-gitops/-/blob/main/docs/monitoring.md';
/**
 * An alert at `priority`, for `service` when it is one service's (Alertmanager inhibits a P2 by a
 * P0 of the same `namespace` and `service`). Annotations are plain text, no templates: what is
 * rendered is what the receiver reads, and what the promtool suite compares.
 */
export function alertRule(alert, expr, priority, text, options = {}) {
    return {
        alert,
        expr,
        ...(options.for !== undefined ? { for: options.for } : {}),
        labels: { priority, severity: SEVERITY[priority], ...(options.service !== undefined ? { service: options.service } : {}) },
        annotations: { summary: text.summary, description: text.description, runbook_url: `${RUNBOOKS}#${text.anchor}` },
    };
}
/** The PrometheusRule `alerts-<topic>` of an environment, labelled for the cluster's Prometheus. */
export function prometheusRule(e, group) {
    return {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'PrometheusRule',
        metadata: {
            name: group.name,
            namespace: e.env.namespace,
            labels: {
                'app.kubernetes.io/part-of': PART_OF,
                'app.kubernetes.io/managed-by': MANAGED_BY,
                'suoke-life.com/environment': e.env.name,
                ...prometheusSelected(e.cluster.monitoringLabels),
            },
        },
        spec: { groups: [group] },
    };
}
/** A PromQL `=~` alternation of service names (DNS-1123 labels: nothing in them needs escaping; `=~` anchors). */
export function oneOf(names) {
    return names.join('|');
}
