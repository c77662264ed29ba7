/**
 * Checks of one `apps/<service>/service.yaml` that need no other file: image and tag, probes,
 * dependencies, egress CIDRs, variables, resources, and replicas within the autoscaling range, also
 * after the per-environment overrides.
 */
import { isIP } from 'node:net';
import { formatPath } from '../../core/finding.js';
import { isDockerTag, isEnvVarName, isImageRepository } from '../../core/names.js';
import { Reporter, checkEnvNames, checkReplicaCount, isRaw, q } from '../shared/checks.js';
import { checkOwnName } from '../shared/names.js';
import { checkResources } from '../shared/resources.js';
import { checkAutoscaling, checkReplicasInRange } from './autoscaling.js';
const replicasHint = 'to remove a service from an environment, set `environments.<env>.enabled: false`';
/** Checks of one `apps/<service>/service.yaml` that need no other file. */
export function checkServiceFile(f, out) {
    const r = new Reporter(f.source, out);
    const d = f.data;
    checkOwnName(r, f, 'apps', 'service.yaml');
    checkImageTag(r, ['version'], d.version);
    checkImage(r, d.image);
    checkHealth(r, d.health);
    checkDependencies(r, d);
    if (Array.isArray(d.external))
        d.external.forEach((e, i) => isRaw(e) && checkCidr(r, ['external', i, 'cidr'], e.cidr));
    checkResources(r, ['resources'], d.resources);
    checkVariables(r, d);
    checkDatabase(r, d);
    const replicas = checkReplicaCount(r, ['replicas'], d.replicas, replicasHint);
    const range = checkAutoscaling(r, ['autoscaling'], d.autoscaling);
    if (replicas !== undefined && range)
        checkReplicasInRange(r, ['replicas'], replicas, range, ['autoscaling']);
    if (!isRaw(d.environments))
        return;
    for (const [env, o] of Object.entries(d.environments)) {
        if (!isRaw(o))
            continue;
        const at = (...p) => ['environments', env, ...p];
        checkImageTag(r, at('version'), o.version);
        checkResources(r, at('resources'), o.resources);
        // Replicas after the override: whichever of replicas/autoscaling the override sets, checked
        // against the other one as it applies in that environment.
        const ownReplicas = 'replicas' in o ? checkReplicaCount(r, at('replicas'), o.replicas, replicasHint) : undefined;
        const ownRange = 'autoscaling' in o ? checkAutoscaling(r, at('autoscaling'), o.autoscaling) : undefined;
        const effReplicas = 'replicas' in o ? ownReplicas : replicas;
        const effRange = 'autoscaling' in o ? ownRange : range;
        if (effReplicas === undefined || !effRange || !('replicas' in o || 'autoscaling' in o))
            continue;
        if ('replicas' in o)
            checkReplicasInRange(r, at('replicas'), effReplicas, effRange, 'autoscaling' in o ? at('autoscaling') : ['autoscaling']);
        else if (effReplicas < effRange.min || effReplicas > effRange.max) {
            r.report('replicas-range', at('autoscaling'), `\`${formatPath(at('autoscaling'))}\` allows ${effRange.min}–${effRange.max} replicas, which excludes \`replicas\` (${effReplicas})`, `also set \`${formatPath(at('replicas'))}\` within the range, or change the range`, 'key');
        }
    }
}
/** `database` needs the `postgres` dependency. */
function checkDatabase(r, d) {
    const usesPostgres = isRaw(d.dependsOn) && Array.isArray(d.dependsOn.data) && d.dependsOn.data.includes('postgres');
    if (d.database !== undefined && !usesPostgres) {
        r.report('database', ['database'], '`database` is set, but `dependsOn.data` does not list `postgres`', 'add `postgres` to `dependsOn.data`, or remove `database`', 'key');
    }
}
function checkHealth(r, health) {
    if (!isRaw(health))
        return;
    for (const probe of ['liveness', 'readiness']) {
        const v = health[probe];
        if (typeof v === 'string' && !/^\/\S*$/.test(v)) {
            r.report('health-path', ['health', probe], `\`health.${probe}\` is ${JSON.stringify(v)}; expected an HTTP path starting with \`/\`, without spaces`, `e.g. \`${probe}: /health\``);
        }
    }
}
function checkDependencies(r, d) {
    if (!isRaw(d.dependsOn) || !Array.isArray(d.dependsOn.services))
        return;
    d.dependsOn.services.forEach((s, i) => {
        if (s === d.name) {
            r.report('self-dependency', ['dependsOn', 'services', i], `\`${String(s)}\` depends on itself`, 'remove it from `dependsOn.services`: a service always reaches its own pods');
        }
    });
}
/** Settings and secret variables: valid names, no variable defined twice. */
function checkVariables(r, d) {
    const settings = new Set(checkEnvNames(r, ['settings'], d.settings));
    const secretEnvs = new Map();
    if (Array.isArray(d.secrets)) {
        d.secrets.forEach((s, i) => {
            if (!isRaw(s))
                return;
            const path = ['secrets', i, 'env'];
            if (typeof s.key === 'string') {
                for (const m of s.key.matchAll(/\{([^}]*)\}/g)) {
                    if (m[1] !== 'env') {
                        r.report('secret-key', ['secrets', i, 'key'], `\`secrets[${i}].key\` has the placeholder \`${m[0]}\`; only \`{env}\` is replaced`, 'write `{env}` for the environment name, e.g. `suoke/{env}/redis`');
                    }
                }
            }
            if (typeof s.env !== 'string')
                return;
            if (!isEnvVarName(s.env)) {
                r.report('env-name', path, `\`secrets[${i}].env\`: \`${s.env}\` is not a valid environment variable name`, 'use letters, digits and `_`, not starting with a digit, e.g. `DATABASE_URL`');
                return;
            }
            const first = secretEnvs.get(s.env);
            if (first !== undefined) {
                r.report('duplicate', path, `secret variable \`${s.env}\` is defined twice (also \`secrets[${first}]\`)`, 'remove one of them');
                return;
            }
            secretEnvs.set(s.env, i);
            if (settings.has(s.env)) {
                r.report('env-collision', path, `\`${s.env}\` is both a secret and a key of \`settings\``, 'rename one of them: a variable comes either from the ConfigMap or from the Secret');
            }
        });
    }
    if (!isRaw(d.environments))
        return;
    for (const [env, o] of Object.entries(d.environments)) {
        if (!isRaw(o))
            continue;
        for (const key of checkEnvNames(r, ['environments', env, 'settings'], o.settings)) {
            if (secretEnvs.has(key)) {
                r.report('env-collision', ['environments', env, 'settings', key], `\`${key}\` is both a secret and a key of \`environments.${env}.settings\``, 'rename one of them: a variable comes either from the ConfigMap or from the Secret', 'key');
            }
        }
    }
}
function checkImageTag(r, path, v) {
    if (typeof v !== 'string')
        return;
    const hint = `pin a released tag, e.g. \`${String(path[path.length - 1])}: "1.4.2"\``;
    if (v === '')
        r.report('image-tag', path, `${q(path)} must not be empty`, hint);
    else if (v.toLowerCase() === 'latest')
        r.report('image-tag', path, `${q(path)} must not be \`${v}\`: a moving tag makes deployments unrepeatable`, hint);
    else if (!isDockerTag(v)) {
        r.report('image-tag', path, `${q(path)} is ${JSON.stringify(v)}, not a valid image tag: expected 1–128 letters, digits, \`_\`, \`.\` or \`-\`, not starting with \`.\` or \`-\``, hint);
    }
}
function checkImage(r, v) {
    if (typeof v !== 'string')
        return;
    const lastComponent = v.slice(v.lastIndexOf('/') + 1);
    const hint = 'put the repository in `image` and the tag in `version`';
    if (v.includes('@'))
        r.report('image', ['image'], '`image` must not contain a digest (`@sha256:…`)', hint);
    else if (lastComponent.includes(':')) {
        const tag = lastComponent.slice(lastComponent.indexOf(':') + 1);
        r.report('image', ['image'], `\`image\` must not contain a tag (\`:${tag}\`); the tag comes from \`version\``, `remove \`:${tag}\` from \`image\` and set \`version: "${tag}"\``);
    }
    else if (!isImageRepository(v)) {
        r.report('image', ['image'], `\`image\` is ${JSON.stringify(v)}, not a valid image repository`, 'use lower-case path components separated by `/`, optionally after a registry host, e.g. `registry.suoke-life.com/suoke-life/xiaoai`');
    }
}
function checkCidr(r, path, v) {
    if (typeof v !== 'string')
        return;
    const m = /^([^/]+)\/(\d{1,3})$/.exec(v);
    const family = m ? isIP(m[1]) : 0;
    const bits = m ? Number(m[2]) : NaN;
    if (family === 0 || bits > (family === 4 ? 32 : 128) || (m[2].length > 1 && m[2].startsWith('0'))) {
        r.report('cidr', path, `${q(path)} is ${JSON.stringify(v)}, not an IPv4 or IPv6 CIDR`, 'write an address and prefix length, e.g. `203.0.113.10/32` or `2001:db8::/32`');
    }
}
