/**
 * Business anomalies (P2, the plan's 业务异常; docs/monitoring.md). The services export no business
 * metrics of their own yet (用户活跃度, 交易量 and 转化率 need their code: docs/deployment-plan.md, line
 * 145), so the anomaly is read where the platform sees the business: the requests each business
 * service (`alerts.business.services`) serves, as its sidecar counts them, against the same time
 * `compareWith` earlier (a week: weekdays, weekends and the daily rhythm are the norm). Fewer than
 * `dropRatio` of them, or more than `surgeRatio` times as many, for `for`, is P2.
 *
 * Metric: Istio's `istio_requests_total` with `reporter="destination"`, `destination_workload` and
 * `destination_workload_namespace`, as for the SLO alerts (render/alerts-services.ts, where the source
 * is cited). A service that served nothing at all in the window has no rate now (its sidecar's
 * counter may be gone with its pods), so "now" falls back to 0 where it had traffic before: a drop
 * to nothing is the drop that matters most. Earlier rates under `minRequestsPerSecond` are not
 * compared (quiet hours, a new service, an environment without users).
 */
import type { EnvironmentConfig } from '../config/types.js';
import type { EnvironmentModel } from '../model/types.js';
import { alertRule, type RuleGroup } from './alerts-rule.js';

type AlertsConfig = EnvironmentConfig['alerts'];

const BY_WORKLOAD = 'sum by (destination_workload_namespace, destination_workload)';

/** The rule group of the environment's business services that run there; `undefined` when none is listed or runs. */
export function businessGroup(e: EnvironmentModel, a: AlertsConfig): RuleGroup | undefined {
  const b = a.business;
  const running = new Set(e.instances.map((i) => i.service.name));
  const watched = b.services.filter((s) => running.has(s)).sort();
  if (watched.length === 0) return undefined;
  const selector = `reporter="destination", destination_workload_namespace="${e.env.namespace}", destination_workload=~"${watched.join('|')}"`;
  const now = `${BY_WORKLOAD} (rate(istio_requests_total{${selector}}[${b.window}]))`;
  const before = `${BY_WORKLOAD} (rate(istio_requests_total{${selector}}[${b.window}] offset ${b.compareWith}))`;
  const compared = `${before} >= ${b.minRequestsPerSecond}`;
  const asService = (expr: string) => `label_replace(\n${expr},\n"service", "$1", "destination_workload", "(.*)")`;
  const percent = Math.round(b.dropRatio * 100);
  return {
    name: 'alerts-business',
    rules: [
      alertRule(
        'BusinessTrafficDrop',
        asService(`(\n(${now} or ${before} * 0)\n< ${b.dropRatio} * ${before}\n)\nand\n${compared}`),
        'P2',
        {
          summary: `A business service serves under ${percent}% of its requests of ${b.compareWith} ago`,
          description: `Over ${b.window} it served fewer than ${b.dropRatio} × the requests of the same time ${b.compareWith} earlier, for ${b.for}: users do not reach it (the gateway, the app, DNS or a caller failing quietly), or a release broke a flow without errors.`,
          anchor: 'business-anomalies',
        },
        { for: b.for },
      ),
      alertRule(
        'BusinessTrafficSurge',
        asService(`${now}\n> ${b.surgeRatio} * ${before}\nand\n${compared}`),
        'P2',
        {
          summary: `A business service serves over ${b.surgeRatio}× its requests of ${b.compareWith} ago`,
          description: `Over ${b.window} it served more than ${b.surgeRatio} × the requests of the same time ${b.compareWith} earlier, for ${b.for}: a retry storm, a scraper or abuse, or a campaign nobody announced; check the callers and the gateway's rate limits.`,
          anchor: 'business-anomalies',
        },
        { for: b.for },
      ),
    ],
  };
}
