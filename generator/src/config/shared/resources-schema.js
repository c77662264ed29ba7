import { Quantity, Struct } from './declare.js';
/** `{cpu, memory}`, e.g. `{cpu: 250m, memory: 512Mi}`; the examples are shown in hints. */
export function Amounts(cpu, memory) {
    return Struct({
        cpu: Quantity('CPU: cores (`2`, `0.5`) or millicores (`250m`) as a Kubernetes quantity.', cpu),
        memory: Quantity('Memory in bytes with a suffix (`512Mi`, `2Gi`) as a Kubernetes quantity.', memory),
    }, { examples: [{ cpu, memory }] });
}
/** Container requests and limits (a service's own sizes). */
export const Resources = Struct({ requests: Amounts('250m', '512Mi'), limits: Amounts('500m', '1Gi') }, {
    description: 'Container requests and limits at production size; environments scale them by `sizing.resourceScale`.',
    examples: [{ requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '500m', memory: '1Gi' } }],
});
