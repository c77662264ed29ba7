import { canaryServiceName, serviceLabels } from './conventions.js';
/** Name of the one HTTP route of the VirtualService, which the Rollout names in `trafficRouting`. */
export const PRIMARY_ROUTE = 'primary';
/**
 * The mesh route the controller shifts: stable 100, canary 0 as committed; the live weights are the
 * controller's. Nothing else, ever: Argo CD syncs this object's live `spec.http` (argo-cd#17694), so
 * retries, timeouts or other routes here could never change from Git (`policy/weighted-route-only`).
 */
export function virtualService(i) {
    const name = i.service.name;
    return {
        apiVersion: 'networking.istio.io/v1',
        kind: 'VirtualService',
        metadata: { name, namespace: i.env.namespace, labels: serviceLabels(name, i.service.group) },
        spec: {
            hosts: [name],
            http: [
                {
                    name: PRIMARY_ROUTE,
                    route: [
                        { destination: { host: name }, weight: 100 },
                        { destination: { host: canaryServiceName(name) }, weight: 0 },
                    ],
                },
            ],
        },
    };
}
