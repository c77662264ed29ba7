/**
 * Secrets in plain sight: literal env values, ConfigMap keys, Secret objects with data. Values are
 * judged by the secret detector that `render` uses on settings (core/secrets/detect.ts).
 */
import { detectSecret } from '../../core/secrets/detect.js';
import { containers, isWorkload, label, list, podTemplate, rec, str } from './pod.js';
function report(ctx, at, who, name, hit) {
    return ctx.report(at, `${who} "${name}" holds a secret written out: ${hit.reason}, detector rule \`${hit.rule}\``, 'keep it in the secret store: declare it under `secrets` in apps/<service>/service.yaml (an ExternalSecret), read it with valueFrom.secretKeyRef, and rotate it: it is in Git history');
}
/** A ConfigMap value as written: data values are strings, but a hand-written manifest may hold numbers. */
const text = (v) => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);
export const secretEnv = {
    id: 'secret-env',
    // Kept as docs/policies.md and the SARIF catalogue print it; the detector's rules are in core/secrets/detect.ts.
    description: 'No secrets as literal values: env vars named like *PASSWORD*, *SECRET*, *TOKEN*, *KEY*, URLs with credentials, in containers or ConfigMaps.',
    severity: { development: 'error', production: 'error' },
    applies: (o) => isWorkload(o) || o.kind === 'ConfigMap',
    check(obj, ctx) {
        if (obj.kind === 'ConfigMap') {
            return Object.entries(rec(obj.data)).flatMap(([k, v]) => {
                const value = text(v);
                const hit = value === undefined ? undefined : detectSecret(k, value);
                return hit ? [report(ctx, ['data', k], 'ConfigMap key', k, hit)] : [];
            });
        }
        return containers(podTemplate(obj)).flatMap((c) => list(c.c.env).flatMap((e, i) => {
            const x = rec(e);
            const name = str(x.name);
            const value = text(x.value);
            if (name === undefined || value === undefined)
                return [];
            const hit = detectSecret(name, value);
            return hit ? [report(ctx, [...c.at, 'env', i, 'value'], `${label(c)} env var`, name, hit)] : [];
        }));
    },
};
export const secretData = {
    id: 'secret-data',
    description: 'No Secret objects with `data` or `stringData` in Git: secrets come from the secret store through ExternalSecrets.',
    severity: { development: 'error', production: 'error' },
    applies: (o) => o.kind === 'Secret' && o.apiVersion === 'v1',
    check(obj, ctx) {
        return ['data', 'stringData']
            .filter((f) => Object.keys(rec(obj[f])).length > 0)
            .map((f) => ctx.report([f], `Secret carries ${f} (${Object.keys(rec(obj[f])).sort().join(', ')}) in the repository`, 'remove the Secret; declare the values under `secrets` in apps/<service>/service.yaml so an ExternalSecret fetches them'));
    },
};
export const duplicateEnv = {
    id: 'duplicate-env',
    description: 'A container sets each environment variable once (the last silently wins).',
    severity: { development: 'warning', production: 'error' },
    applies: isWorkload,
    check(obj, ctx) {
        return containers(podTemplate(obj)).flatMap((c) => {
            const first = new Map();
            return list(c.c.env).flatMap((e, i) => {
                const name = str(rec(e).name);
                if (name === undefined)
                    return [];
                const seen = first.get(name);
                if (seen === undefined) {
                    first.set(name, i);
                    return [];
                }
                return [ctx.report([...c.at, 'env', i, 'name'], `${label(c)} sets env var "${name}" twice (env[${seen}] and env[${i}]); the last one wins`, 'remove one of them')];
            });
        });
    },
};
