import { runningVersion } from '../model/build.js';
import { ARGO_KEYS } from '../render/argocd-apps.js';
const tick = (s) => `\`${s}\``;
/** The origin of every Argo CD path the model renders, by path. */
export function originsByPath(model) {
    const out = new Map();
    for (const e of model.environments) {
        out.set(e.sharedPath, environmentOrigin(e));
        for (const i of e.instances)
            out.set(i.path, instanceOrigin(i));
    }
    return out;
}
function environmentInputs(e) {
    return [{ kind: 'environment name', noun: `environment name ${tick(e.env.name)}`, value: e.env.name, place: { file: e.cluster.file, path: ['environments', e.env.name], anchor: 'key' } }];
}
function environmentOrigin(e) {
    return { head: 'the shared resources of', env: e.env.name, inputs: environmentInputs(e), scope: `cluster ${e.cluster.name}` };
}
function instanceOrigin(i) {
    const s = i.service;
    const at = (...p) => ['environments', i.env.name, ...p];
    const version = runningVersion(i);
    const versionPath = i.grayRelease?.canary ? at('grayRelease', 'canary', 'version') : s.environments[i.env.name]?.version !== undefined ? at('version') : ['version'];
    return {
        head: `service ${tick(s.name)} in`,
        env: i.env.name,
        inputs: [
            { kind: 'service name', noun: `service name ${tick(s.name)}`, value: s.name, place: { file: s.file, path: ['name'], anchor: 'value' } },
            { kind: 'version', noun: `version ${tick(version)}`, value: version, place: { file: s.file, path: versionPath, anchor: 'value' } },
            ...environmentInputs(i),
        ],
        scope: `cluster ${i.cluster.name}`,
    };
}
/**
 * The origin of an object of `argocd/` (or an Application an ApplicationSet generates): the path it
 * deploys, else the environment it is labelled with, else the platform itself (no configuration
 * value in its names).
 */
export function argoOrigin(obj, byPath, model) {
    const scope = 'argocd';
    const path = (obj['spec']?.source?.path ?? '');
    const deployed = byPath.get(path);
    if (deployed)
        return { ...deployed, scope };
    const env = obj['metadata']?.labels?.[ARGO_KEYS.environment];
    const e = model.environments.find((x) => x.env.name === env);
    if (e)
        return { head: 'the Argo CD objects of', env: e.env.name, inputs: environmentInputs(e), scope };
    return { head: "the platform's Argo CD objects", inputs: [], scope };
}
/**
 * The input a bad or colliding name is blamed on: one that breaks `rule` on its own, else the
 * longest one the name contains (the one to shorten); `undefined` when the name holds none (a
 * name of the generator's own, such as `suoke-platform`).
 */
export function blame(name, origin, rule) {
    const contained = origin.inputs.filter((i) => i.value !== '' && name.includes(i.value));
    const bad = rule ? contained.find((i) => rule(i.value) !== undefined) : undefined;
    return bad ?? contained.reduce((best, i) => (!best || i.value.length > best.value.length ? i : best), undefined);
}
/** ``service `x` in environments `dev`, `prod` ``; ``the shared resources of environment `dev` ``; `the platform's Argo CD objects`. */
export function describeOrigins(origins) {
    const groups = new Map();
    for (const o of origins) {
        const envs = groups.get(o.head) ?? [];
        if (o.env !== undefined && !envs.includes(o.env))
            envs.push(o.env);
        groups.set(o.head, envs);
    }
    return [...groups]
        .map(([head, envs]) => (envs.length === 0 ? head : `${head} environment${envs.length > 1 ? 's' : ''} ${envs.map(tick).join(', ')}`))
        .join('; ');
}
