import { containers, isWorkload, label, list, podTemplate, rec, str } from './pod.js';
export const runAsNonRoot = {
    id: 'run-as-non-root',
    description: 'Containers must not run as root: `runAsNonRoot: true` on the pod or every container, and no `runAsUser: 0` (Pod Security restricted).',
    severity: { development: 'error', production: 'error' },
    applies: isWorkload,
    check(obj, ctx) {
        const pod = podTemplate(obj);
        const podSc = rec(pod.spec.securityContext);
        return containers(pod).flatMap((c) => {
            const sc = rec(c.c.securityContext);
            const out = [];
            const nonRoot = sc.runAsNonRoot ?? podSc.runAsNonRoot;
            if (nonRoot !== true) {
                out.push(ctx.report([...c.at, 'securityContext', 'runAsNonRoot'], `${label(c)} may run as root: runAsNonRoot is not true on the container or the pod`, 'set securityContext.runAsNonRoot: true (and a non-zero runAsUser)'));
            }
            const user = sc.runAsUser ?? podSc.runAsUser;
            if (user === 0) {
                const at = sc.runAsUser !== undefined ? [...c.at, 'securityContext', 'runAsUser'] : [...pod.at, 'securityContext', 'runAsUser'];
                out.push(ctx.report(at, `${label(c)} runs as user 0 (root)`, 'set runAsUser to a non-zero uid, e.g. 10001'));
            }
            return out;
        });
    },
};
export const readOnlyRootFilesystem = {
    id: 'read-only-root-fs',
    description: 'Containers mount their root file system read-only (`readOnlyRootFilesystem: true`); writable paths are volumes.',
    severity: { development: 'warning', production: 'error' },
    applies: isWorkload,
    check(obj, ctx) {
        return containers(podTemplate(obj))
            .filter((c) => rec(c.c.securityContext).readOnlyRootFilesystem !== true)
            .map((c) => ctx.report([...c.at, 'securityContext', 'readOnlyRootFilesystem'], `${label(c)} has a writable root file system`, 'set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where it writes'));
    },
};
export const privileged = {
    id: 'privileged',
    description: 'No privileged containers (Pod Security baseline).',
    severity: { development: 'error', production: 'error' },
    applies: isWorkload,
    check(obj, ctx) {
        return containers(podTemplate(obj))
            .filter((c) => rec(c.c.securityContext).privileged === true)
            .map((c) => ctx.report([...c.at, 'securityContext', 'privileged'], `${label(c)} is privileged: it has every capability and all host devices`, 'remove privileged: true'));
    },
};
export const privilegeEscalation = {
    id: 'privilege-escalation',
    description: 'Containers set `allowPrivilegeEscalation: false` (Pod Security restricted).',
    severity: { development: 'error', production: 'error' },
    applies: isWorkload,
    check(obj, ctx) {
        return containers(podTemplate(obj))
            .filter((c) => rec(c.c.securityContext).allowPrivilegeEscalation !== false)
            .map((c) => ctx.report([...c.at, 'securityContext', 'allowPrivilegeEscalation'], `${label(c)} does not set allowPrivilegeEscalation: false`, 'set securityContext.allowPrivilegeEscalation: false'));
    },
};
export const capabilities = {
    id: 'capabilities',
    description: 'Containers drop ALL capabilities and add none but NET_BIND_SERVICE (Pod Security restricted).',
    severity: { development: 'error', production: 'error' },
    applies: isWorkload,
    check(obj, ctx) {
        return containers(podTemplate(obj)).flatMap((c) => {
            const caps = rec(rec(c.c.securityContext).capabilities);
            const out = [];
            if (!list(caps.drop).includes('ALL')) {
                out.push(ctx.report([...c.at, 'securityContext', 'capabilities', 'drop'], `${label(c)} does not drop ALL capabilities`, 'set securityContext.capabilities.drop: [ALL]'));
            }
            list(caps.add).forEach((cap, i) => {
                if (cap === 'NET_BIND_SERVICE')
                    return;
                out.push(ctx.report([...c.at, 'securityContext', 'capabilities', 'add', i], `${label(c)} adds capability ${String(cap)}; only NET_BIND_SERVICE may be added`, 'remove it from capabilities.add'));
            });
            return out;
        });
    },
};
const SECCOMP_OK = new Set(['RuntimeDefault', 'Localhost']);
export const seccomp = {
    id: 'seccomp',
    description: 'Pods run under a seccomp profile, `RuntimeDefault` or `Localhost`, on the pod or every container (Pod Security restricted).',
    severity: { development: 'error', production: 'error' },
    applies: isWorkload,
    check(obj, ctx) {
        const pod = podTemplate(obj);
        const podType = str(rec(rec(pod.spec.securityContext).seccompProfile).type);
        return containers(pod).flatMap((c) => {
            const own = str(rec(rec(c.c.securityContext).seccompProfile).type);
            const type = own ?? podType;
            if (type !== undefined && SECCOMP_OK.has(type))
                return [];
            const at = own !== undefined ? [...c.at, 'securityContext', 'seccompProfile', 'type'] : [...pod.at, 'securityContext', 'seccompProfile', 'type'];
            return [ctx.report(at, type === undefined ? `${label(c)} runs without a seccomp profile` : `${label(c)} runs with seccomp profile "${type}"`, 'set securityContext.seccompProfile.type: RuntimeDefault on the pod')];
        });
    },
};
/**
 * The rest of Pod Security baseline (which restricted includes) that fields of the pod and its
 * containers can break: Windows host processes, an unmasked /proc, AppArmor unconfined, a custom
 * SELinux user or role. (Sysctls are left out: the safe set depends on the Kubernetes version.)
 */
export const podSecurityBaseline = {
    id: 'pod-security-baseline',
    description: 'No Windows hostProcess, no Unmasked procMount, no Unconfined AppArmor profile, no custom SELinux user or role (Pod Security baseline).',
    severity: { development: 'error', production: 'error' },
    applies: isWorkload,
    check(obj, ctx) {
        const pod = podTemplate(obj);
        const out = [];
        const contexts = [
            { at: [...pod.at, 'securityContext'], sc: rec(pod.spec.securityContext), who: 'the pod' },
            ...containers(pod).map((c) => ({ at: [...c.at, 'securityContext'], sc: rec(c.c.securityContext), who: label(c) })),
        ];
        for (const { at, sc, who } of contexts) {
            if (rec(sc.windowsOptions).hostProcess === true) {
                out.push(ctx.report([...at, 'windowsOptions', 'hostProcess'], `${who} runs as a Windows host process, with the node's privileges`, 'remove windowsOptions.hostProcess'));
            }
            if (sc.procMount !== undefined && sc.procMount !== 'Default') {
                out.push(ctx.report([...at, 'procMount'], `${who} mounts /proc ${String(sc.procMount)}, without the masks that hide the node's kernel interfaces`, 'remove procMount (or set it to Default)'));
            }
            if (str(rec(sc.appArmorProfile).type) === 'Unconfined') {
                out.push(ctx.report([...at, 'appArmorProfile', 'type'], `${who} runs without AppArmor confinement (Unconfined)`, 'remove appArmorProfile, or use RuntimeDefault or Localhost'));
            }
            const se = rec(sc.seLinuxOptions);
            for (const f of ['user', 'role']) {
                if (typeof se[f] === 'string' && se[f] !== '') {
                    out.push(ctx.report([...at, 'seLinuxOptions', f], `${who} sets a custom SELinux ${f} "${String(se[f])}"`, `remove seLinuxOptions.${f}`));
                }
            }
        }
        return out;
    },
};
