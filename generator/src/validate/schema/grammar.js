/**
 * Kubernetes name, label and quantity grammars (k8s.io/apimachinery/pkg/util/validation), checked
 * where kubeconform does not: label values (its issue #315), names per kind, CPU units (#181).
 * Each function returns `undefined` when the value is fine, else what is wrong.
 */
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
export function dns1123Label(v) {
    if (v.length > 63)
        return `must be no more than 63 characters (has ${v.length})`;
    if (!DNS1123_LABEL.test(v)) {
        return 'must be a DNS-1123 label: lower-case letters, digits and "-", starting and ending with a letter or digit';
    }
    return undefined;
}
export function dns1123Subdomain(v) {
    if (v.length > 253)
        return `must be no more than 253 characters (has ${v.length})`;
    if (!DNS1123_SUBDOMAIN.test(v)) {
        return 'must be a DNS-1123 subdomain: lower-case letters, digits, "-" and ".", starting and ending with a letter or digit';
    }
    return undefined;
}
export function dns1035Label(v) {
    if (v.length > 63)
        return `must be no more than 63 characters (has ${v.length})`;
    if (!DNS1035_LABEL.test(v)) {
        return 'must be a DNS-1035 label: lower-case letters, digits and "-", starting with a letter and ending with a letter or digit';
    }
    return undefined;
}
/** RBAC object names only have to be valid path segments. */
function pathSegmentName(v) {
    if (v === '.' || v === '..')
        return `may not be "${v}"`;
    if (v.includes('/') || v.includes('%'))
        return 'may not contain "/" or "%"';
    return undefined;
}
/** Label and annotation keys: `[prefix/]name`, prefix a DNS-1123 subdomain, name ≤ 63 characters. */
export function qualifiedName(key) {
    const slash = key.indexOf('/');
    const name = slash < 0 ? key : key.slice(slash + 1);
    if (slash >= 0) {
        const prefix = key.slice(0, slash);
        if (prefix === '')
            return 'has an empty prefix before "/"';
        const bad = dns1123Subdomain(prefix);
        if (bad)
            return `has a prefix "${prefix}" that ${bad}`;
    }
    if (name === '')
        return 'has an empty name';
    if (name.length > 63)
        return `has a name part of ${name.length} characters (at most 63)`;
    if (!QUALIFIED_NAME.test(name)) {
        return 'has a name part that must consist of alphanumerics, "-", "_" or ".", starting and ending with an alphanumeric';
    }
    return undefined;
}
export function labelValue(v) {
    if (v.length > 63)
        return `must be no more than 63 characters (has ${v.length})`;
    if (!LABEL_VALUE.test(v)) {
        return 'must be empty or consist of alphanumerics, "-", "_" or ".", starting and ending with an alphanumeric';
    }
    return undefined;
}
/** Name rule per kind, as the API server applies it (default: DNS-1123 subdomain). */
export function nameRule(apiVersion, kind) {
    if (apiVersion === 'v1' && kind === 'Service')
        return dns1035Label;
    if (apiVersion === 'v1' && kind === 'Namespace')
        return dns1123Label;
    if (apiVersion.startsWith('rbac.authorization.k8s.io/'))
        return pathSegmentName;
    if (apiVersion.startsWith('batch/') && kind === 'CronJob')
        return cronJobName;
    return dns1123Subdomain;
}
/** CronJob names become Job names plus an 11-character suffix, so they are capped at 52. */
function cronJobName(v) {
    if (v.length > 52)
        return `must be no more than 52 characters (has ${v.length}) so the Jobs it creates have valid names`;
    return dns1123Subdomain(v);
}
const BINARY_SUFFIXED = /^[+-]?(?:\d+|\d+\.\d+|\d+\.|\.\d+)([KMGTPE]i)$/;
const MILLI_SUFFIXED = /^[+-]?(?:\d+|\d+\.\d+|\d+\.|\.\d+)m$/;
/**
 * Unit sanity of resource quantities, which the quantity grammar alone accepts: `cpu: 100Mi`
 * (a memory unit on CPU; an error) and `memory: 128m` (128 millibytes; a warning).
 */
export function quantityUnit(key, value) {
    const resource = key.startsWith('requests.') || key.startsWith('limits.') ? key.slice(key.indexOf('.') + 1) : key;
    if (resource === 'cpu') {
        const m = BINARY_SUFFIXED.exec(value);
        if (m) {
            return {
                severity: 'error',
                message: `cpu quantity "${value}" uses the memory unit "${m[1]}"; CPU is counted in cores ("1", "0.5") or millicores ("500m")`,
                hint: `write cpu as cores or millicores, e.g. "${value.slice(0, -2)}m"`,
            };
        }
    }
    else if (resource === 'memory' || resource === 'ephemeral-storage') {
        if (MILLI_SUFFIXED.test(value)) {
            return {
                severity: 'warning',
                message: `${resource} quantity "${value}" is in millibytes; "m" is the milli suffix, not mega`,
                hint: `use "${value.slice(0, -1)}Mi" (mebibytes) or "${value.slice(0, -1)}M" (megabytes)`,
            };
        }
    }
    return undefined;
}
