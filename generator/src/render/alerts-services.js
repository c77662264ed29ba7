import { prometheusSeconds } from '../time/duration.js';
import { alertRule, oneOf } from './alerts-rule.js';
/** `service` from the label a query keeps: the workload's or the container's name is the service's. */
const asService = (expr, label) => `label_replace(\n${expr},\n"service", "$1", "${label}", "(.*)")`;
/** Requests served in the environment's namespace, as the serving sidecars report them. */
function requests(e, extra = '') {
    return `reporter="destination", destination_workload_namespace="${e.env.namespace}"${extra}`;
}
const BY_WORKLOAD = 'sum by (destination_workload_namespace, destination_workload)';
/** Name of the recorded error ratio over `window` (`level:metric:operations`, Prometheus's naming of recording rules). */
const ratioRecord = (window) => `workload:istio_request_errors:ratio_rate${window}`;
/**
 * Share of requests that failed over `window`: all minus the good ones (neither 5xx nor a gRPC
 * error). `or … * 0` keeps a workload whose every request failed: it has no good series at all.
 */
function errorRatio(e, window) {
    const all = `${BY_WORKLOAD} (rate(istio_requests_total{${requests(e)}}[${window}]))`;
    const good = `${BY_WORKLOAD} (rate(istio_requests_total{${requests(e, ', response_code!~"5..", grpc_response_status=~"|0"')}}[${window}]))`;
    return { record: ratioRecord(window), expr: `(\n${all}\n-\n(${good} or ${all} * 0)\n)\n/\n${all}` };
}
/**
 * Multi-window, multi-burn-rate alerts on the availability SLO (Google SRE workbook, "Alerting on
 * SLOs", table 5-8): both windows must burn faster than the factor. No `for:` — the short window is
 * the delay, and waiting longer only spends more budget. The error ratio of each window is recorded
 * first (one evaluation of the 3-day range per interval, not one per alert); rules of a group run in
 * order, so the alerts read this evaluation's values.
 */
export function availabilityGroup(e, a) {
    const budget = (100 - a.availability.objective) / 100;
    const windows = [...new Set(a.availability.burnRates.flatMap((b) => [b.long, b.short]))].sort((x, y) => (prometheusSeconds(x) ?? 0) - (prometheusSeconds(y) ?? 0));
    const records = windows.map((w) => errorRatio(e, w));
    const ns = `{destination_workload_namespace="${e.env.namespace}"}`;
    const rules = a.availability.burnRates.map((b) => {
        const threshold = Number((b.factor * budget).toPrecision(12));
        return alertRule(`ErrorBudgetBurn${b.long}`, asService(`${ratioRecord(b.long)}${ns} > ${threshold}\nand\n${ratioRecord(b.short)}${ns} > ${threshold}`, 'destination_workload'), b.priority, {
            summary: `A service burns its error budget ${b.factor}× too fast over ${b.long} and ${b.short}`,
            description: `More than ${Number((threshold * 100).toPrecision(12))} % of its requests failed (5xx or gRPC error) over both windows; the SLO is ${a.availability.objective} %.`,
            anchor: 'error-budget-burn',
        });
    });
    const { averageSeconds, window } = a.latency;
    const average = `${BY_WORKLOAD} (rate(istio_request_duration_milliseconds_sum{${requests(e)}}[${window}]))\n/\n${BY_WORKLOAD} (rate(istio_request_duration_milliseconds_count{${requests(e)}}[${window}]))`;
    rules.push(alertRule('ServiceSlowResponses', asService(`(${average}) > ${averageSeconds * 1000}`, 'destination_workload'), 'P1', {
        summary: `A service answers in more than ${averageSeconds} s on average`,
        description: `Its average response time over ${window} exceeded ${averageSeconds} s (the plan: < 2 s) for ${a.latency.for}.`,
        anchor: 'slow-responses',
    }, { for: a.latency.for }));
    return { name: 'alerts-availability', rules: [...records, ...rules] };
}
/** Authentication and authorisation failures answered by the gateway, above the configured rate. */
export function securityGroup(e, a) {
    const s = a.security;
    const failures = `${BY_WORKLOAD} (rate(istio_requests_total{${requests(e, `, destination_workload="${s.gateway}", response_code=~"401|403"`)}}[${s.window}]))`;
    return {
        name: 'alerts-security',
        rules: [
            alertRule('GatewayAuthFailures', asService(`${failures} > ${s.authFailuresPerSecond}`, 'destination_workload'), 'P1', {
                summary: `${s.gateway} rejects more than ${s.authFailuresPerSecond} requests per second as unauthorised`,
                description: `401 and 403 responses of ${s.gateway} over ${s.window} stayed above ${s.authFailuresPerSecond}/s for ${s.for}: credential stuffing, a leaked or expired client credential, or a broken identity provider.`,
                anchor: 'gateway-auth-failures',
            }, { for: s.for, service: s.gateway }),
        ],
    };
}
/**
 * The services' pods: no ready container of a service at all (P0, one rule per service so that a
 * service without pods is seen too), containers near their limits, restarting or crash-looping (P2).
 */
export function workloadsGroup(e, a) {
    const ns = e.env.namespace;
    const names = oneOf(e.instances.map((i) => i.service.name));
    const containers = `namespace="${ns}", container=~"${names}"`;
    const byContainer = 'sum by (namespace, pod, container)';
    const unavailable = e.instances.map((i) => {
        const ready = `kube_pod_container_status_ready{namespace="${ns}", container="${i.service.name}"}`;
        return alertRule('ServiceUnavailable', `sum by (namespace) (${ready}) == 0\nor\nsum by (namespace) (absent(${ready}))`, 'P0', {
            summary: `${i.service.name} has no ready pod`,
            description: `No container of ${i.service.name} in ${ns} has been ready for ${a.unavailable.for} (or it has no pod at all): the service is down.`,
            anchor: 'service-unavailable',
        }, { for: a.unavailable.for, service: i.service.name });
    });
    const r = a.resources;
    const limit = (resource) => `${byContainer} (kube_pod_container_resource_limits{${containers}, resource="${resource}"})`;
    const cpu = `${byContainer} (rate(container_cpu_usage_seconds_total{${containers}}[${r.window}]))\n/ on (namespace, pod, container)\n${limit('cpu')}`;
    const memory = `${byContainer} (container_memory_working_set_bytes{${containers}})\n/ on (namespace, pod, container)\n${limit('memory')}`;
    const x = a.restarts;
    return {
        name: 'alerts-workloads',
        rules: [
            ...unavailable,
            alertRule('ContainerCpuPressure', asService(`(${cpu}) > ${r.cpuOfLimit / 100}`, 'container'), 'P2', {
                summary: `A container uses more than ${r.cpuOfLimit} % of its CPU limit`,
                description: `Its CPU over ${r.window} stayed above ${r.cpuOfLimit} % of its limit for ${r.for}: it is being throttled; scale out or raise the limit.`,
                anchor: 'resource-pressure',
            }, { for: r.for }),
            alertRule('ContainerMemoryPressure', asService(`(${memory}) > ${r.memoryOfLimit / 100}`, 'container'), 'P2', {
                summary: `A container uses more than ${r.memoryOfLimit} % of its memory limit`,
                description: `Its working set stayed above ${r.memoryOfLimit} % of its memory limit for ${r.for}: the kernel kills it at 100 %.`,
                anchor: 'resource-pressure',
            }, { for: r.for }),
            alertRule('ContainerRestarting', asService(`increase(kube_pod_container_status_restarts_total{${containers}}[${x.window}]) > ${x.max}`, 'container'), 'P2', {
                summary: `A container restarted more than ${x.max} times in ${x.window}`,
                description: `It restarted more than ${x.max} times within ${x.window}: look at its last termination reason and logs.`,
                anchor: 'restarts',
            }),
            alertRule('ContainerCrashLooping', asService(`max by (namespace, pod, container) (kube_pod_container_status_waiting_reason{${containers}, reason="CrashLoopBackOff"}) == 1`, 'container'), 'P2', {
                summary: 'A container is crash-looping',
                description: `It has been waiting in CrashLoopBackOff for ${x.crashLoopFor}.`,
                anchor: 'restarts',
            }, { for: x.crashLoopFor }),
        ],
    };
}
