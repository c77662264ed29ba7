import { containers, isService, label, list, podTemplate, rec } from './pod.js';
export const probes = {
    id: 'probes',
    description: 'Every container of a long-running workload has a liveness and a readiness probe.',
    severity: { development: 'warning', production: 'error' },
    applies: isService,
    check(obj, ctx) {
        const pod = podTemplate(obj);
        if (!pod)
            return [];
        return containers(pod, false).flatMap((c) => ['livenessProbe', 'readinessProbe']
            .filter((p) => c.c[p] === undefined || c.c[p] === null)
            .map((p) => ctx.report([...c.at, p], `${label(c)} has no ${p === 'livenessProbe' ? 'liveness' : 'readiness'} probe`, p === 'livenessProbe' ? 'add a livenessProbe so a hung process is restarted' : 'add a readinessProbe so traffic waits until the container can serve')));
    },
};
/** Ports of one probe: `httpGet.port`, `tcpSocket.port`, `grpc.port`. */
function probePorts(probe) {
    const p = rec(probe);
    return ['httpGet', 'tcpSocket', 'grpc'].filter((f) => p[f] !== undefined).map((f) => ({ field: f, port: rec(p[f]).port }));
}
function exposed(c) {
    const names = new Set();
    const numbers = new Set();
    for (const p of list(c.c.ports)) {
        const x = rec(p);
        if (typeof x.name === 'string')
            names.add(x.name);
        if (typeof x.containerPort === 'number')
            numbers.add(x.containerPort);
    }
    return { names, numbers };
}
export const probePort = {
    id: 'probe-port',
    description: 'Probes aim at a port the container exposes: a named port must exist; a numbered one must be declared.',
    severity: { development: 'error', production: 'error' },
    applies: isService,
    check(obj, ctx) {
        const pod = podTemplate(obj);
        if (!pod)
            return [];
        return containers(pod, false).flatMap((c) => {
            const { names, numbers } = exposed(c);
            return ['startupProbe', 'livenessProbe', 'readinessProbe'].flatMap((kind) => probePorts(c.c[kind]).flatMap(({ field, port }) => {
                const at = [...c.at, kind, field, 'port'];
                if (typeof port === 'string' && !/^\d+$/.test(port)) {
                    if (names.has(port))
                        return [];
                    const known = [...names].map((n) => `"${n}"`).join(', ');
                    return [ctx.report(at, `${label(c)} ${kind} aims at port "${port}", which the container does not name${known ? ` (its ports: ${known})` : ' (it names no ports)'}`, 'name the port in ports[] or aim the probe at one that is there')];
                }
                const n = Number(port);
                if (port === undefined || numbers.has(n))
                    return [];
                const declared = numbers.size > 0 ? `its ports: ${[...numbers].join(', ')}` : 'it declares no ports';
                return [ctx.report(at, `${label(c)} ${kind} aims at port ${n}, which the container does not expose (${declared})`, 'declare the port in ports[] with a name and aim the probe at it by name')];
            }));
        });
    },
};
