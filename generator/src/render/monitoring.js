import { prometheusSelected, SCRAPE, selectorLabels, serviceLabels, serviceMeta } from './conventions.js';
/** Labels of a monitor object: the service's, and those the cluster's Prometheus selects monitors by. */
export function monitorLabels(i) {
    return { ...serviceLabels(i.service.name, i.service.group), ...prometheusSelected(i.cluster.monitoringLabels) };
}
export function serviceMonitor(i) {
    return {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'ServiceMonitor',
        metadata: { ...serviceMeta(i), labels: monitorLabels(i) },
        spec: {
            selector: { matchLabels: selectorLabels(i.service.name) },
            endpoints: [{ port: 'metrics', path: '/metrics', interval: `${SCRAPE.intervalSeconds}s`, scrapeTimeout: SCRAPE.timeout }],
        },
    };
}
/**
 * Scrapes every pod of the Rollout, stable and canary. A ServiceMonitor would not: it scrapes the
 * endpoints of Services, and the Rollouts controller pins the stable Service's selector to the stable
 * ReplicaSet (`rollouts-pod-template-hash`), so the canary pods would go unscraped; through the canary
 * Service too, every pod would be scraped twice once the canary is promoted (both Services then select
 * the same pods). `jobLabel` keeps the `job` label the service's name, as the ServiceMonitor's is
 * where the service runs as a Deployment.
 */
export function podMonitor(i, labels) {
    return {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'PodMonitor',
        metadata: { name: i.service.name, namespace: i.env.namespace, labels },
        spec: {
            jobLabel: 'app.kubernetes.io/name',
            selector: { matchLabels: selectorLabels(i.service.name) },
            podMetricsEndpoints: [{ port: 'metrics', path: '/metrics', interval: `${SCRAPE.intervalSeconds}s`, scrapeTimeout: SCRAPE.timeout }],
        },
    };
}
