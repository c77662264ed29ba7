import { formatPath } from '../../core/finding.js';
import { isEnvVarName } from '../../core/names.js';
import { isPlainObject } from '../../core/objects.js';
import { configFinding } from '../yaml-source.js';
/** {@link isPlainObject} by the config layer's name: a mapping, not a list or null. */
export const isRaw = isPlainObject;
/** Reports findings on one file. */
export class Reporter {
    source;
    out;
    constructor(source, out) {
        this.source = source;
        this.out = out;
    }
    report(check, path, message, hint, anchor = 'value') {
        this.out.push(configFinding(check, this.source.file, this.source.lineOf(path, anchor), path, message, hint));
    }
}
/** A YAML path in backquotes, as messages show it: `` `environments.prod.quota` ``. */
export const q = (path) => `\`${formatPath(path)}\``;
/** Names of an environment-variable map must be valid; returns the valid names. */
export function checkEnvNames(r, path, map) {
    if (!isRaw(map))
        return [];
    const names = [];
    for (const key of Object.keys(map)) {
        if (isEnvVarName(key))
            names.push(key);
        else
            r.report('env-name', [...path, key], `${q([...path, key])}: \`${key}\` is not a valid environment variable name`, envNameHint(key), 'key');
    }
    return names;
}
function envNameHint(key) {
    const fixed = key.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(\d)/, '_$1').toUpperCase();
    return `use letters, digits and \`_\`, not starting with a digit, e.g. \`${fixed || 'MY_SETTING'}\``;
}
/** Whole numbers of replicas: at least 1. Returns the value when it is usable for range checks. */
export function checkReplicaCount(r, path, v, hint) {
    if (typeof v !== 'number' || !Number.isInteger(v))
        return undefined;
    if (v < 1) {
        r.report('replicas-range', path, `${q(path)} must be at least 1; found ${v}`, hint);
        return undefined;
    }
    return v;
}
