import { containers, isWorkload, label, list, podTemplate, rec } from './pod.js';
/** The findings `f` gives for each volume of a workload's pods (`at`: the volume's path in the object). */
function perVolume(obj, f) {
    const pod = podTemplate(obj);
    return list(pod.spec.volumes).flatMap((v, i) => f(rec(v), [...pod.at, 'volumes', i]));
}
export const hostNamespaces = {
    id: 'host-namespaces',
    description: "Pods do not share the node's network, PID or IPC namespace.",
    severity: { development: 'error', production: 'error' },
    applies: isWorkload,
    check(obj, ctx) {
        const pod = podTemplate(obj);
        return ['hostNetwork', 'hostPID', 'hostIPC']
            .filter((f) => pod.spec[f] === true)
            .map((f) => ctx.report([...pod.at, f], `the pod sets ${f}: true and shares the node's ${f.slice(4) === 'Network' ? 'network' : f.slice(4)} namespace`, `remove ${f}`));
    },
};
export const hostPath = {
    id: 'host-path',
    description: "Pods mount no hostPath volumes (the node's file system).",
    severity: { development: 'error', production: 'error' },
    applies: isWorkload,
    check(obj, ctx) {
        return perVolume(obj, (vol, at) => {
            if (vol.hostPath === undefined)
                return [];
            return [ctx.report([...at, 'hostPath'], `volume "${String(vol.name)}" mounts the node's path ${JSON.stringify(rec(vol.hostPath).path ?? '')}`, 'use an emptyDir, a ConfigMap or a PersistentVolumeClaim')];
        });
    },
};
export const hostPort = {
    id: 'host-port',
    description: "Containers bind no ports on the node (`hostPort`).",
    severity: { development: 'error', production: 'error' },
    applies: isWorkload,
    check(obj, ctx) {
        return containers(podTemplate(obj)).flatMap((c) => list(c.c.ports).flatMap((p, i) => {
            const hp = rec(p).hostPort;
            if (hp === undefined || hp === 0)
                return [];
            return [ctx.report([...c.at, 'ports', i, 'hostPort'], `${label(c)} binds host port ${String(hp)}`, 'remove hostPort; reach the pod through a Service')];
        }));
    },
};
/** Volume sources Pod Security `restricted` allows (hostPath is the `host-path` check's). */
const RESTRICTED_VOLUMES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'];
export const volumeTypes = {
    id: 'volume-types',
    description: 'Pods mount only the volume types Pod Security restricted allows: configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected, secret.',
    severity: { development: 'error', production: 'error' },
    applies: isWorkload,
    check(obj, ctx) {
        return perVolume(obj, (vol, at) => {
            const source = Object.keys(vol).find((k) => k !== 'name');
            if (source === undefined || source === 'hostPath' || RESTRICTED_VOLUMES.includes(source))
                return [];
            return [ctx.report([...at, source], `volume "${String(vol.name)}" is of type ${source}, which Pod Security restricted refuses`, `use one of ${RESTRICTED_VOLUMES.join(', ')} (a PersistentVolumeClaim for network storage)`)];
        });
    },
};
