/**
 * CPU and memory amounts, and requests with limits: declared once (./resources-schema.ts) for a
 * container's resources, the Istio sidecar, the namespace quota and the LimitRange. The checks parse
 * the quantities; the builder turns quantities written as YAML numbers into the strings the config carries.
 */
import { parseCpu, parseMemory, parseQuantity } from '../../core/quantity.js';
import { isRaw, q } from './checks.js';
/** Quantities may be written as YAML numbers (`cpu: 2`); the config always carries strings. */
export function amounts(a) {
    return { cpu: String(a.cpu), memory: String(a.memory) };
}
export function resources(r) {
    return { requests: amounts(r.requests), limits: amounts(r.limits) };
}
/** Checks `{cpu, memory}` at `path`; returns the parsed amounts (millicores, bytes) that are valid. */
export function checkAmounts(r, path, v) {
    const out = {};
    if (!isRaw(v))
        return out;
    const cpu = v.cpu;
    if (typeof cpu === 'string' || typeof cpu === 'number') {
        const p = [...path, 'cpu'];
        const m = parseCpu(cpu);
        const byteStyle = typeof cpu === 'string' ? /^([+-]?[\d.]+)([KMGTPE]i?)$/.exec(cpu) : null;
        const value = parseQuantity(cpu);
        if (m === undefined && byteStyle) {
            r.report('quantity', p, `${q(p)} is \`${cpu}\`, a memory-style amount; CPU is given in cores (\`0.5\`, \`2\`) or millicores (\`250m\`)`, `did you mean \`${byteStyle[1]}m\`?`);
        }
        else if (m === undefined && value !== undefined && value < 0) {
            r.report('quantity', p, `${q(p)} is \`${cpu}\`; CPU must not be negative`, 'e.g. `cpu: 250m`');
        }
        else if (m === undefined && value !== undefined && Math.abs(value * 1000 - Math.round(value * 1000)) > 1e-9) {
            r.report('quantity', p, `${q(p)} is \`${cpu}\`, finer than 1m (a thousandth of a core), the smallest CPU amount Kubernetes accepts`, 'round it to whole millicores, e.g. `1m`');
        }
        else if (m === undefined) {
            r.report('quantity', p, `${q(p)} is \`${cpu}\`, not a CPU quantity: expected cores (\`0.5\`, \`2\`) or whole millicores (\`250m\`)`, 'e.g. `cpu: 250m`');
        }
        else if (m === 0)
            r.report('quantity', p, `${q(p)} must be more than zero`, 'e.g. `cpu: 100m`');
        else
            out.cpu = m;
    }
    const memory = v.memory;
    if (typeof memory === 'string' || typeof memory === 'number') {
        const p = [...path, 'memory'];
        const b = parseMemory(memory);
        const milli = typeof memory === 'string' ? /^([\d.]+)m$/.exec(memory) : null;
        if (b === undefined && milli) {
            r.report('quantity', p, `${q(p)} is \`${memory}\`, which means ${milli[1]} thousandths of a byte; memory is given in bytes`, `did you mean \`${milli[1]}Mi\`?`);
        }
        else if (b === undefined) {
            r.report('quantity', p, `${q(p)} is \`${memory}\`, not a memory quantity: expected whole bytes with a suffix such as \`Mi\`, \`Gi\` or \`G\``, 'e.g. `memory: 512Mi`');
        }
        else if (b === 0)
            r.report('quantity', p, `${q(p)} must be more than zero`, 'e.g. `memory: 128Mi`');
        else
            out.memory = b;
    }
    return out;
}
/** Reports where `small` exceeds `large` (both parsed amounts), at `smallPath`. */
export function checkNotAbove(r, smallPath, small, largePath, large, raw, hint) {
    for (const k of ['cpu', 'memory']) {
        const s = small[k];
        const l = large[k];
        if (s === undefined || l === undefined || s <= l)
            continue;
        // Both amounts parsed, so both raw values are mappings holding them.
        const sv = raw.small[k];
        const lv = raw.large[k];
        r.report('quantity', [...smallPath, k], `${q([...smallPath, k])} (${String(sv)}) is more than ${q([...largePath, k])} (${String(lv)})`, hint);
    }
}
export function checkResources(r, path, v) {
    if (!isRaw(v))
        return;
    const requests = checkAmounts(r, [...path, 'requests'], v.requests);
    const limits = checkAmounts(r, [...path, 'limits'], v.limits);
    checkNotAbove(r, [...path, 'requests'], requests, [...path, 'limits'], limits, { small: v.requests, large: v.limits }, 'a request may not exceed its limit: lower the request or raise the limit');
}
