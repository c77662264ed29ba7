import { resources } from '../shared/resources.js';
import { buildWaivers } from '../shared/waivers.js';
/** Registry and project every service image lives under unless `image` says otherwise. */
const defaultImagePrefix = 'registry.suoke-life.com/suoke-life/';
export function buildService(f, v) {
    const { image, resources: own, environments, waivers, ...rest } = v;
    return {
        file: f.source.file,
        ...rest,
        image: image ?? `${defaultImagePrefix}${v.name}`,
        resources: resources(own),
        environments: Object.fromEntries(Object.entries(environments).map(([env, o]) => [env, buildOverride(o)])),
        ...(waivers !== undefined ? { waivers: buildWaivers(waivers, (i) => f.source.lineOf(['waivers', i], 'value')) } : {}),
    };
}
function buildOverride(o) {
    const { resources: own, grayRelease, ...rest } = o;
    return {
        ...rest,
        ...(own !== undefined ? { resources: resources(own) } : {}),
        ...(grayRelease !== undefined ? { grayRelease: buildGrayRelease(grayRelease) } : {}),
    };
}
/** The typed plan; the one default that depends on the plan itself (a canary's weight) is filled in here. */
function buildGrayRelease(g) {
    const { canary, ...rest } = g;
    // `steps` has at least one weight (`minItems: 1`), so the first step exists.
    return { ...rest, ...(canary ? { canary: { version: canary.version, weight: canary.weight ?? g.steps[0] } } : {}) };
}
