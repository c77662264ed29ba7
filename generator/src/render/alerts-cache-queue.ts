/**
 * The alerts on the environment's Redis and RabbitMQ (docs/monitoring.md), from the exporters their
 * ServiceMonitors scrape (render/data/redis.ts, render/data/rabbitmq.ts):
 * - Redis, the operator's `redis-exporter:v1.44.0` sidecar (oliver006/redis_exporter @ v1.44.0):
 *   `redis_up`, 0 when the exporter cannot reach Redis (exporter/exporter.go:404, :474);
 *   `redis_memory_used_bytes` and `redis_memory_max_bytes` from INFO's `used_memory` and `maxmemory`
 *   (:141, :150), the latter 0 without a limit.
 * - RabbitMQ's built-in Prometheus endpoint (rabbitmq-server deps/rabbitmq_prometheus @ v4.2.6):
 *   `rabbitmq_queue_messages_ready`, summed over the node's queues unless per-object metrics are
 *   switched on, which they are not (src/collectors/prometheus_rabbitmq_core_metrics_collector.erl:123,
 *   :320-330, :703-720); `rabbitmq_alarms_memory_used_watermark` and
 *   `rabbitmq_alarms_free_disk_space_watermark`, 1 while the alarm blocks every publisher
 *   (src/collectors/prometheus_rabbitmq_alarm_metrics_collector.erl:18, :53-58).
 */
import type { EnvironmentConfig } from '../config/types.js';
import type { EnvironmentModel } from '../model/types.js';
import { alertRule, type AlertRule, type RuleGroup } from './alerts-rule.js';

type AlertsConfig = EnvironmentConfig['alerts'];

/** P1 and P2 alerts of the environment's Redis and RabbitMQ, when it renders them. */
export function cacheQueueGroup(e: EnvironmentModel, a: AlertsConfig): RuleGroup | undefined {
  const d = e.env.dataServices;
  if (!d) return undefined;
  const rules = [...(d.services.redis ? redisRules(d.namespace, d.services.redis.name, a) : []), ...(d.services.mq ? mqRules(d.namespace, d.services.mq.name, a) : [])];
  return rules.length === 0 ? undefined : { name: 'alerts-cache-queue', rules };
}

function redisRules(namespace: string, name: string, a: AlertsConfig): AlertRule[] {
  // The replication's pods `<name>-<n>`: its StatefulSet is named after it (redis-operator
  // internal/k8sutils/redis-replication.go:80 @ v0.26.0); the Sentinels' are not matched.
  const pods = `namespace="${namespace}", pod=~"${name}-[0-9]+"`;
  const percent = Math.round(a.data.redisMemoryRatio * 100);
  return [
    alertRule('RedisDown', `max by (namespace, pod) (redis_up{${pods}}) == 0`, 'P1', {
      summary: `A Redis pod of ${name} does not answer`,
      description: 'Its exporter has not reached Redis for 5m: the services that cache or keep sessions there slow down or fail; with the master down, Sentinel promotes a replica.',
      anchor: 'redis-down',
    }, { for: '5m', service: name }),
    alertRule('RedisMemoryNearLimit', `max by (namespace, pod) (redis_memory_used_bytes{${pods}} / (redis_memory_max_bytes{${pods}} > 0)) > ${a.data.redisMemoryRatio}`, 'P2', {
      summary: `A Redis pod of ${name} uses over ${percent}% of its maxmemory`,
      description: `Used memory has stayed above ${percent}% of \`maxmemory\` for ${a.data.pressureFor}: at the limit Redis evicts keys by its policy, or refuses writes under \`noeviction\`.`,
      anchor: 'redis-memory-near-the-limit',
    }, { for: a.data.pressureFor, service: name }),
  ];
}

function mqRules(namespace: string, name: string, a: AlertsConfig): AlertRule[] {
  // The cluster's pods `<name>-server-<n>`: its StatefulSet is `<name>-server` (cluster-operator
  // internal/resource/statefulset.go:39, :63 and api/v1beta1/rabbitmqcluster_types.go:529 @ v2.22.3).
  const pods = `namespace="${namespace}", pod=~"${name}-server-[0-9]+"`;
  return [
    // One selector for both alarms: `a or b` would keep only `a` where their labels are equal.
    alertRule('RabbitmqResourceAlarm', `max by (namespace, pod) ({__name__=~"rabbitmq_alarms_(memory_used|free_disk_space)_watermark", ${pods}}) == 1`, 'P1', {
      summary: `A memory or disk alarm of ${name} blocks publishers`,
      description: 'A RabbitMQ node has raised its memory or free-disk alarm for 2m: every connection that publishes is blocked until it clears, so events and notifications stop.',
      anchor: 'rabbitmq-resource-alarm',
    }, { for: '2m', service: name }),
    alertRule('RabbitmqMessagesPilingUp', `sum by (namespace) (rabbitmq_queue_messages_ready{${pods}}) > ${a.data.mqMessagesReady}`, 'P2', {
      summary: `More than ${a.data.mqMessagesReady} messages wait in ${name}`,
      description: `Messages ready for delivery have stayed above ${a.data.mqMessagesReady} for ${a.data.pressureFor}: consumers are down or too slow, and the backlog takes memory until the alarm blocks publishers.`,
      anchor: 'rabbitmq-messages-piling-up',
    }, { for: a.data.pressureFor, service: name }),
  ];
}
