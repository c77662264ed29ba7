/**
 * Which rendered alerts can fire for one service (its runbook, render/runbooks.ts), read from the
 * PrometheusRules of its environment as rendered (render/alerts.ts), not from a list kept by hand:
 * a new alert shows up in every runbook it concerns without touching this file.
 *
 * How an alert names the services it fires for follows the label contract of render/alerts-rule.ts
 * and render/alerts-services.ts: a `service` label fixed on the rule (one service's alert), else a
 * selector on the workload or container (`destination_workload`, `container`, exact or an `=~`
 * alternation of names), else a `label_replace` that copies the workload's or container's name into
 * `service` (every workload of the namespace: the SLO and latency alerts).
 */
import { cmp } from '../core/finding.js';
import type { ClusterConfig } from '../config/types.js';
import { ALERT_LEVELS, type AlertLevel } from '../config/shared/vocabulary.js';
import type { PrometheusRule } from './kinds.js';

/** One alerting rule as the PrometheusRule carries it. */
interface RenderedAlert {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** An alert that can fire for a service, with what the runbook says of it. */
export interface ServiceAlert {
  alert: string;
  /** P0–P3, the label Alertmanager routes on. */
  level: string;
  /** The PrometheusRule that carries it. */
  rule: string;
  for?: string;
  summary: string;
  /** The metrics (and recorded series) its expression reads, sorted. */
  reads: string[];
  /** Anchor of its `runbook_url` in docs/monitoring.md, e.g. `service-unavailable`. */
  anchor?: string;
}

const SELECTOR = /\b(container|destination_workload)(=~?)"([^"]*)"/g;
const PER_WORKLOAD = /"service", "\$1", "(container|destination_workload)"/;

/** Whether `a` can fire with `service` as its service (see the file comment). */
export function selectsService(a: RenderedAlert, service: string): boolean {
  const fixed = a.labels?.['service'];
  if (fixed !== undefined) return fixed === service;
  const selectors = [...a.expr.matchAll(SELECTOR)];
  if (selectors.length > 0) return selectors.some((m) => (m[2] === '=' ? m[3] === service : m[3]!.split('|').includes(service)));
  return PER_WORKLOAD.test(a.expr);
}

/** The alerting rules of `rules` in rendering order. */
function alertsOf(rules: readonly PrometheusRule[]): { rule: string; alert: RenderedAlert }[] {
  return rules.flatMap((r) =>
    (r.spec?.groups ?? []).flatMap((g) => (g.rules ?? []).flatMap((a) => (typeof a.alert === 'string' ? [{ rule: r.metadata.name, alert: a as RenderedAlert }] : []))),
  );
}

/** Metric and series names an expression reads: identifiers followed by `{`, or taken as a range. */
function metricsRead(expr: string): string[] {
  const names = [...expr.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\{/g)].map((m) => m[1]!).filter((n) => !['by', 'on', 'without', 'absent'].includes(n));
  return [...new Set(names)].sort();
}

/** The alerts of `rules` that can fire for `service`, sorted by level, then name, then rule: what pages first is read first. */
export function alertsFor(rules: readonly PrometheusRule[], service: string): ServiceAlert[] {
  return described(rules, (a) => selectsService(a, service));
}

/**
 * The alerts on the data services `names` (PostgreSQL backups, WAL archiving): those carry the data
 * service's name as their fixed `service` label (render/alerts-platform.ts). Sorted as {@link alertsFor}.
 */
export function dataAlertsFor(rules: readonly PrometheusRule[], names: readonly string[]): ServiceAlert[] {
  return described(rules, (a) => names.includes(a.labels?.['service'] ?? ''));
}

function described(rules: readonly PrometheusRule[], keep: (a: RenderedAlert) => boolean): ServiceAlert[] {
  const out = alertsOf(rules)
    .filter(({ alert }) => keep(alert))
    .map(({ rule, alert }): ServiceAlert => {
      const anchor = /#([a-z0-9-]+)$/.exec(alert.annotations?.['runbook_url'] ?? '')?.[1];
      return {
        alert: alert.alert,
        level: alert.labels?.['priority'] ?? '',
        rule,
        ...(alert.for !== undefined ? { for: alert.for } : {}),
        summary: alert.annotations?.['summary'] ?? '',
        reads: metricsRead(alert.expr),
        ...(anchor !== undefined ? { anchor } : {}),
      };
    });
  const rank = (l: string) => (ALERT_LEVELS as readonly string[]).indexOf(l);
  return out.sort((a, b) => rank(a.level) - rank(b.level) || cmp(a.alert, b.alert) || cmp(a.rule, b.rule));
}

/** Where a level is routed in `cluster`: its receivers as `name (channel)` (the name alone when it is the channel's), in notification order; empty without `alerting`. */
export function routeOf(cluster: ClusterConfig, level: AlertLevel): string[] {
  const a = cluster.alerting;
  if (!a) return [];
  return a.levels[level].receivers.map((r) => {
    const channel = a.receivers[r]?.channel ?? 'unknown';
    return channel === r ? r : `${r} (${channel})`;
  });
}
