/**
 * The shape every rendered alert shares (render/alerts.ts): the label contract Alertmanager routes
 * and inhibits on (docs/monitoring.md#labels), and the PrometheusRule that carries a group.
 */
import type { EnvironmentModel } from '../model/types.js';
import { MANAGED_BY, PART_OF, prometheusSelected } from './conventions.js';
import type { PrometheusRule } from './kinds.js';

/** Alert levels of the plan (监控和告警). */
type Priority = 'P0' | 'P1' | 'P2' | 'P3';

/**
 * `severity` of each level: P0 and P1 page, P2 warns, P3 is a ticket. The restore drill's alerts
 * (render/data/restore-drill.ts) carry the same pair.
 */
const SEVERITY: Readonly<Record<Priority, string>> = { P0: 'critical', P1: 'critical', P2: 'warning', P3: 'info' };

/** One alerting rule as prometheus-operator's PrometheusRule `spec.groups[].rules[]` declares it. */
export interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** A recording rule: a query evaluated once per interval and stored as a series of its own. */
export interface RecordingRule {
  record: string;
  expr: string;
}

/** A rule group: evaluated together, in order, at the Prometheus's evaluation interval. */
export interface RuleGroup {
  name: string;
  rules: (AlertRule | RecordingRule)[];
}

/** What an alert says to the person it reaches: one line, what it means, where the runbook is. */
interface AlertText {
  summary: string;
  description: string;
  /** Anchor in docs/monitoring.md. */
  anchor: string;
}

const RUNBOOKS = 'https://git.suoke-life.com/platform/suoke-life-gitops/-/blob/main/docs/monitoring.md';

/**
 * An alert at `priority`, for `service` when it is one service's (Alertmanager inhibits a P2 by a
 * P0 of the same `namespace` and `service`). Annotations are plain text, no templates: what is
 * rendered is what the receiver reads, and what the promtool suite compares.
 */
export function alertRule(alert: string, expr: string, priority: Priority, text: AlertText, options: { for?: string; service?: string } = {}): AlertRule {
  return {
    alert,
    expr,
    ...(options.for !== undefined ? { for: options.for } : {}),
    labels: { priority, severity: SEVERITY[priority], ...(options.service !== undefined ? { service: options.service } : {}) },
    annotations: { summary: text.summary, description: text.description, runbook_url: `${RUNBOOKS}#${text.anchor}` },
  };
}

/** The PrometheusRule `alerts-<topic>` of an environment, labelled for the cluster's Prometheus. */
export function prometheusRule(e: EnvironmentModel, group: RuleGroup): PrometheusRule {
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
export function oneOf(names: readonly string[]): string {
  return names.join('|');
}
