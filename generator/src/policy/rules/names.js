/** Names the schema validator does not check (it checks metadata names per kind), and the default namespace. */
import { isDns1123Label } from '../../core/names.js';
import { containers, isWorkload, label, list, podTemplate, rec, str } from './pod.js';
/** IANA_SVC_NAME: at most 15 lower-case letters, digits and `-`, with a letter, no `-` at either end or twice in a row. */
function isPortName(s) {
    return s.length <= 15 && /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(s) && /[a-z]/.test(s) && !s.includes('--');
}
export const dnsName = {
    id: 'dns-name',
    description: 'Container and volume names are DNS-1123 labels, port names IANA service names (metadata names are the schema check `schema/name`).',
    severity: { development: 'error', production: 'error' },
    applies: isWorkload,
    check(obj, ctx) {
        const pod = podTemplate(obj);
        const out = [];
        for (const c of containers(pod)) {
            const name = str(c.c.name);
            if (name !== undefined && !isDns1123Label(name)) {
                out.push(ctx.report([...c.at, 'name'], `${c.init ? 'init container' : 'container'} name "${name}" is not a DNS-1123 label`, 'use at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit'));
            }
            list(c.c.ports).forEach((p, i) => {
                const n = str(rec(p).name);
                if (n !== undefined && !isPortName(n)) {
                    out.push(ctx.report([...c.at, 'ports', i, 'name'], `${label(c)} port name "${n}" is not an IANA service name`, 'use at most 15 lower-case letters, digits and "-", with at least one letter, e.g. "http"'));
                }
            });
        }
        list(pod.spec.volumes).forEach((v, i) => {
            const n = str(rec(v).name);
            if (n !== undefined && !isDns1123Label(n)) {
                out.push(ctx.report([...pod.at, 'volumes', i, 'name'], `volume name "${n}" is not a DNS-1123 label`, 'use at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit'));
            }
        });
        return out;
    },
};
export const defaultNamespace = {
    id: 'default-namespace',
    description: 'Nothing is deployed to the `default` namespace.',
    severity: { development: 'warning', production: 'error' },
    applies: (o) => rec(o.metadata).namespace === 'default',
    check(_obj, ctx) {
        return [ctx.report(['metadata', 'namespace'], 'object is in the default namespace', "put it in the environment's namespace, e.g. suoke-prod")];
    },
};
