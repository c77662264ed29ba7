/** Which rendered alerts a runbook lists for a service (render/runbook-alerts.ts), one case per way an alert names its services. */
import { describe, expect, it } from 'vitest';
import { selectsService } from '../../src/render/runbook-alerts.js';

const perWorkload = 'label_replace(\nworkload:istio_request_errors:ratio_rate1h{destination_workload_namespace="suoke-prod"} > 0.0144,\n"service", "$1", "destination_workload", "(.*)")';

describe('selectsService', () => {
  it.each<[string, { expr: string; labels?: Record<string, string> }, string, boolean]>([
    ['a fixed service label: its own service', { expr: 'x == 0', labels: { priority: 'P0', service: 'xiaoke' } }, 'xiaoke', true],
    ['a fixed service label: another service', { expr: 'x{container="xiaoke"} == 0', labels: { priority: 'P0', service: 'look' } }, 'xiaoke', false],
    ['an alternation of containers that lists it', { expr: 'rate(c{namespace="suoke-prod", container=~"look|xiaoke|web"}[5m]) > 1' }, 'xiaoke', true],
    ['an alternation that lists a longer name only', { expr: 'rate(c{container=~"xiaoke-worker|web"}[5m]) > 1' }, 'xiaoke', false],
    ['an exact workload selector', { expr: 'r{destination_workload="api-gateway", response_code=~"401|403"} > 5' }, 'api-gateway', true],
    ['an exact workload selector of another', { expr: 'r{destination_workload="api-gateway"} > 5' }, 'xiaoke', false],
    ['every workload of the namespace (SLO burn)', { expr: perWorkload }, 'xiaoke', true],
    ['a platform alert naming no service (Argo CD sync)', { expr: 'argocd_app_info{project="suoke-prod", sync_status="OutOfSync"} == 1' }, 'xiaoke', false],
  ])('%s', (_name, alert, service, expected) => {
    expect(selectsService({ alert: 'A', ...alert }, service)).toBe(expected);
  });
});
