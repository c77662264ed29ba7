/**
 * The typed {@link ServiceConfig} of a service file that passed every check. It receives the file
 * with the declared defaults already filled in (by ajv), so what is left is what depends on other
 * values: the default image (after the name), quantities as strings, waiver lines, a canary's weight.
 */
import type { ParsedFile } from '../shared/checks.js';
import { resources } from '../shared/resources.js';
import { buildWaivers } from '../shared/waivers.js';
import type { ServiceConfig, ServiceEnvOverride } from '../types.js';
import type { GrayReleaseConfig, GrayReleaseFile } from './gray-release-schema.js';
import type { EnvOverride, ServiceFile } from './schema.js';

/** Registry and project every service image lives under unless `image` says otherwise. */
const defaultImagePrefix = 'registry.suoke-life.com/suoke-life/';

export function buildService(f: ParsedFile, v: ServiceFile): ServiceConfig {
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

function buildOverride(o: EnvOverride): ServiceEnvOverride {
  const { resources: own, grayRelease, ...rest } = o;
  return {
    ...rest,
    ...(own !== undefined ? { resources: resources(own) } : {}),
    ...(grayRelease !== undefined ? { grayRelease: buildGrayRelease(grayRelease) } : {}),
  };
}

/** The typed plan; the one default that depends on the plan itself (a canary's weight) is filled in here. */
function buildGrayRelease(g: GrayReleaseFile): GrayReleaseConfig {
  const { canary, ...rest } = g;
  // `steps` has at least one weight (`minItems: 1`), so the first step exists.
  return { ...rest, ...(canary ? { canary: { version: canary.version, weight: canary.weight ?? g.steps[0]! } } : {}) };
}
