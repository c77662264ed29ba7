/**
 * Pod Security admission at level `restricted`, for namespaces labelled
 * `pod-security.kubernetes.io/enforce: restricted`: the checks that decide whether a platform pod
 * is created. Each check is the upstream one [kubernetes/pod-security-admission policy/*.go @ v0.31.14];
 * the reason strings are upstream's, so a message reads like the API server's.
 */
import { label, list, rec, str } from './objects.js';
const ALLOWED_VOLUMES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'];
/** The reasons `restricted` forbids the pod, empty when admitted (or when the namespace does not enforce it). */
export function podSecurityViolations(pod, namespace) {
    if (!namespace || label(namespace, 'pod-security.kubernetes.io/enforce') !== 'restricted')
        return [];
    const spec = rec(pod['spec']);
    const podSc = rec(spec['securityContext']);
    const containers = [...list(spec['initContainers']), ...list(spec['containers'])].map(rec);
    const sc = (c) => rec(c['securityContext']);
    const names = (pred) => containers.filter(pred).map((c) => JSON.stringify(str(c['name']) ?? '?'));
    const out = [];
    const fail = (reason, who) => {
        if (who.length > 0)
            out.push(`${reason} (container${who.length > 1 ? 's' : ''} ${who.join(', ')})`);
    };
    // check_hostNamespaces.go:58-76
    if (spec['hostNetwork'] === true || spec['hostPID'] === true || spec['hostIPC'] === true)
        out.push('host namespaces');
    // check_privileged.go:56-66
    fail('privileged', names((c) => sc(c)['privileged'] === true));
    // check_hostPorts.go:60-79
    fail('hostPort', names((c) => list(c['ports']).some((p) => Number(rec(p)['hostPort'] ?? 0) !== 0)));
    // check_restrictedVolumes.go:87-158
    const badVolumes = list(spec['volumes']).map(rec).filter((v) => !Object.keys(v).some((k) => ALLOWED_VOLUMES.includes(k)));
    if (badVolumes.length > 0)
        out.push(`restricted volume types (${badVolumes.map((v) => JSON.stringify(str(v['name']) ?? '?')).join(', ')})`);
    // check_allowPrivilegeEscalation.go:64-75
    fail('allowPrivilegeEscalation != false', names((c) => sc(c)['allowPrivilegeEscalation'] !== false));
    // check_runAsNonRoot.go:61-114: the pod sets it and no container unsets it, or every container sets it.
    fail('runAsNonRoot != true', names((c) => sc(c)['runAsNonRoot'] === false || (sc(c)['runAsNonRoot'] === undefined && podSc['runAsNonRoot'] !== true)));
    // check_runAsUser.go:62-98
    if (podSc['runAsUser'] === 0)
        out.push('runAsUser=0 (pod)');
    fail('runAsUser=0', names((c) => sc(c)['runAsUser'] === 0));
    // check_seccompProfile_restricted.go:69-121
    const seccompOk = (p) => ['RuntimeDefault', 'Localhost'].includes(String(rec(p)['type']));
    fail('seccompProfile', names((c) => (rec(sc(c)['seccompProfile'])['type'] === undefined ? !seccompOk(podSc['seccompProfile']) : !seccompOk(sc(c)['seccompProfile']))));
    // check_capabilities_restricted.go:79-131
    fail('unrestricted capabilities', names((c) => {
        const caps = rec(sc(c)['capabilities']);
        const dropsAll = list(caps['drop']).includes('ALL');
        return !dropsAll || list(caps['add']).some((a) => a !== 'NET_BIND_SERVICE');
    }));
    return out;
}
