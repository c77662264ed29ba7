/**
 * Bad gray-release plans and the exact findings they give. Each case writes a `grayRelease` into the
 * valid config fixture (test/config/fixture.ts): service `beta`, stable version 2.1.0, in the
 * production-tier environment `prod` (or the development-tier `dev`).
 */
import { describe, expect, test } from 'vitest';
import { readConfig } from '../../src/config/load.js';
import { checkGrayReleases } from '../../src/config/service/gray-release-checks.js';
import { fixtureFs, withoutSeverity } from './fixture.js';
import { loadOptions } from '../helpers/load-options.js';
const B = 'apps/beta/service.yaml';
const PROD = '  prod:\n    settings:\n      MODE: "safe"\n';
const DEV = '  dev:\n    version: "2.2.0-rc.1"\n';
/** A plan as YAML lines under `grayRelease:`; the defaults are a sound production plan. */
function plan(o = {}) {
    const lines = [
        '    grayRelease:',
        `      steps: ${o.steps ?? '[5, 20, 50, 100]'}`,
        `      pause: ${o.pause ?? '10m'}`,
        `      control: ${o.control ?? 'git'}`,
        ...(o.analysis === null ? [] : [`      analysis: ${o.analysis ?? '{maxErrorRate: 0.01, maxP95LatencyMs: 1500}'}`]),
        ...(o.canary === null ? [] : [`      canary: ${o.canary ?? '{version: "2.2.0", weight: 20}'}`]),
        ...(o.extra ? [o.extra] : []),
    ];
    return `${lines.join('\n')}\n`;
}
const inProd = (p) => fixtureFs([[B, PROD, `${PROD}${p}`]]);
/** A production-tier \`staging\` environment on the prod cluster, and the plan there (beta lines shift by one: \`  staging:\`). */
const STAGING_ENV = `  staging:
    namespace: suoke-staging
    tier: production
    quota:
      requests: {cpu: "10", memory: 20Gi}
      limits: {cpu: "20", memory: 40Gi}
      pods: 80
    limitRange:
      default: {cpu: "1", memory: 2Gi}
      defaultRequest: {cpu: 100m, memory: 128Mi}
    secretStore: {kind: ClusterSecretStore, name: vault-staging}
    dataServices: {namespace: staging-data, postgres: {name: postgres}, redis: {name: redis}}
`;
const inStaging = (p) => fixtureFs([
    ['clusters/prod/cluster.yaml', 'postgres: {name: postgres}, redis: {name: redis}}\n', `postgres: {name: postgres}, redis: {name: redis}}\n${STAGING_ENV}`],
    [B, PROD, `${PROD}  staging:\n${p}`],
]);
const S = 'environments.staging.grayRelease';
const inDev = (p) => fixtureFs([[B, DEV, `${DEV}${p}`]]);
// The plan starts on line 48 of the beta fixture (after `  prod:` and its settings).
const L = { grayRelease: 48, steps: 49, pause: 50, control: 51, analysis: 52, canary: 53 };
const G = 'environments.prod.grayRelease';
const cases = [
    { name: 'weights that do not strictly increase', fs: inProd(plan({ steps: '[5, 50, 20, 100]' })),
        expect: [{ check: 'canary/steps-order', file: B, line: L.steps, path: `${G}.steps[2]`, message: `\`${G}.steps[2]\` (20) does not increase on the step before it (50); weights must strictly increase`, hint: 'list the weights in rising order without repeats, e.g. `steps: [5, 20, 50, 100]`' }] },
    { name: 'a repeated weight', fs: inProd(plan({ steps: '[5, 20, 20, 100]' })),
        expect: [{ check: 'canary/steps-order', file: B, line: L.steps, path: `${G}.steps[2]`, message: `\`${G}.steps[2]\` (20) does not increase on the step before it (20); weights must strictly increase`, hint: 'list the weights in rising order without repeats, e.g. `steps: [5, 20, 50, 100]`' }] },
    { name: 'a weight above 100', fs: inProd(plan({ steps: '[5, 20, 120]' })),
        expect: [{ check: 'canary/weight-range', file: B, line: L.steps, path: `${G}.steps[2]`, message: `\`${G}.steps[2]\` is 120; a weight is a percentage of traffic from 1 to 100`, hint: 'e.g. `steps: [5, 20, 50, 100]`' }] },
    { name: 'a weight of 0', fs: inProd(plan({ steps: '[0, 20, 100]' })),
        expect: [{ check: 'canary/weight-range', file: B, line: L.steps, path: `${G}.steps[0]`, message: `\`${G}.steps[0]\` is 0; a weight is a percentage of traffic from 1 to 100`, hint: 'e.g. `steps: [5, 20, 50, 100]`' }] },
    { name: 'a plan that does not reach 100', fs: inProd(plan({ steps: '[5, 20, 50]' })),
        expect: [{ check: 'canary/steps-end', file: B, line: L.steps, path: `${G}.steps`, message: `\`${G}.steps\` ends at 50; the last step must be 100, so that a finished canary carries all traffic`, hint: 'append 100: `steps: [5, 20, 50, 100]`' }] },
    { name: 'a first weight above 10 in prod', fs: inProd(plan({ steps: '[20, 50, 100]' })),
        expect: [{ check: 'canary/first-weight', file: B, line: L.steps, path: `${G}.steps[0]`, message: `\`${G}.steps[0]\` is 20; in production-tier environment \`prod\` the first weight is at most 10, so a bad version meets little traffic`, hint: 'start at 10 or less, e.g. `steps: [5, 20, 50, 100]`' }] },
    { name: 'no analysis in prod', fs: inProd(plan({ analysis: null })),
        expect: [{ check: 'canary/analysis-required', file: B, line: L.grayRelease, path: G, message: `\`${G}\` has no \`analysis\`; production-tier environment \`prod\` requires thresholds that abort a bad canary`, hint: 'add `analysis: {maxErrorRate: 0.01, maxP95LatencyMs: 1500}`' }] },
    { name: 'no analysis and a first weight of 20 in staging (production tier: it rehearses prod\'s plan)', fs: inStaging(plan({ steps: '[20, 50, 100]', analysis: null, canary: null })),
        expect: [
            { check: 'canary/analysis-required', file: B, line: L.grayRelease + 1, path: S, message: `\`${S}\` has no \`analysis\`; production-tier environment \`staging\` requires thresholds that abort a bad canary`, hint: 'add `analysis: {maxErrorRate: 0.01, maxP95LatencyMs: 1500}`' },
            { check: 'canary/first-weight', file: B, line: L.steps + 1, path: `${S}.steps[0]`, message: `\`${S}.steps[0]\` is 20; in production-tier environment \`staging\` the first weight is at most 10, so a bad version meets little traffic`, hint: 'start at 10 or less, e.g. `steps: [5, 20, 50, 100]`' },
        ] },
    { name: 'a p95 threshold at the plan bound of 2 s', fs: inProd(plan({ analysis: '{maxErrorRate: 0.01, maxP95LatencyMs: 2000}' })),
        expect: [{ check: 'canary/latency', file: B, line: L.analysis, path: `${G}.analysis.maxP95LatencyMs`, message: `\`${G}.analysis.maxP95LatencyMs\` is 2000; it must be above 0 and below the deployment plan's p95 bound of 2000 ms`, hint: 'e.g. `maxP95LatencyMs: 1500`' }] },
    { name: 'an error rate written as a percentage', fs: inProd(plan({ analysis: '{maxErrorRate: 1, maxP95LatencyMs: 1500}' })),
        expect: [{ check: 'canary/error-rate', file: B, line: L.analysis, path: `${G}.analysis.maxErrorRate`, message: `\`${G}.analysis.maxErrorRate\` is 1; it is a share of requests above 0 and below 1`, hint: 'e.g. `maxErrorRate: 0.01` for 1%' }] },
    { name: 'a pause that is not a Go duration', fs: inProd(plan({ pause: '"10 minutes"' })),
        expect: [{ check: 'canary/duration', file: B, line: L.pause, path: `${G}.pause`, message: `\`${G}.pause\` is "10 minutes", not a duration`, hint: 'write whole hours, minutes and seconds the Go way, e.g. `10m`, `90s` or `1h30m`' }] },
    { name: 'a zero analysis interval', fs: inProd(plan({ analysis: '{maxErrorRate: 0.01, maxP95LatencyMs: 1500, interval: 0s}' })),
        expect: [{ check: 'canary/duration', file: B, line: L.analysis, path: `${G}.analysis.interval`, message: `\`${G}.analysis.interval\` must be longer than zero`, hint: 'e.g. `10m`' }] },
    { name: 'a canary of the stable version', fs: inProd(plan({ canary: '{version: "2.1.0", weight: 20}' })),
        expect: [{ check: 'canary/version', file: B, line: L.canary, path: `${G}.canary.version`, message: `\`${G}.canary.version\` is "2.1.0", the stable version in \`prod\`; a canary must name a different version`, hint: 'give the new version, or remove `canary` when no release is in progress' }] },
    { name: 'a canary of latest', fs: inProd(plan({ canary: '{version: latest, weight: 20}' })),
        expect: [{ check: 'canary/version', file: B, line: L.canary, path: `${G}.canary.version`, message: `\`${G}.canary.version\` must not be \`latest\`: a moving tag makes deployments unrepeatable`, hint: 'give the new image tag, e.g. `version: "2.2.0"`' }] },
    { name: 'a canary version that is no image tag', fs: inProd(plan({ canary: '{version: "2.2.0+build", weight: 20}' })),
        expect: [{ check: 'canary/version', file: B, line: L.canary, path: `${G}.canary.version`, message: `\`${G}.canary.version\` is "2.2.0+build", not a valid image tag: expected 1–128 letters, digits, \`_\`, \`.\` or \`-\`, not starting with \`.\` or \`-\``, hint: 'give the new image tag, e.g. `version: "2.2.0"`' }] },
    { name: 'a git-controlled weight that is not a step', fs: inProd(plan({ canary: '{version: "2.2.0", weight: 30}' })),
        expect: [{ check: 'canary/weight', file: B, line: L.canary, path: `${G}.canary.weight`, message: `\`${G}.canary.weight\` is 30, which is not one of the steps (5, 20, 50, 100)`, hint: 'hold at one of the steps; `npm run canary -- advance` moves to the next one' }] },
    { name: 'two gray releases for one service in one environment (a duplicate key)', fs: inProd(plan({ extra: plan().trimEnd() })),
        expect: [{ check: 'config/duplicate-key', file: B, line: 54, path: G, message: 'duplicate key "grayRelease" at lines 48 and 54', hint: 'remove one of them: YAML does not let a later key override an earlier one' }] },
    { name: 'a gray release where the service is disabled', fs: fixtureFs([[B, PROD, `  prod:\n    enabled: false\n${plan()}`]]),
        expect: [{ check: 'canary/disabled', file: B, line: 47, path: G, message: `\`${G}\` is set, but the service is disabled in \`prod\` (\`enabled: false\`)`, hint: 'remove `grayRelease`, or enable the service in this environment' }] },
    { name: 'an unknown control', fs: inProd(plan({ control: 'manual' })),
        expect: [{ check: 'config/enum', file: B, line: L.control, path: `${G}.control`, message: `\`${G}.control\` must be one of auto, git; found \`manual\``, hint: 'use one of: auto, git' }] },
    { name: 'a misspelt key', fs: fixtureFs([[B, PROD, `${PROD}${plan().replace('steps:', 'step:')}`]]),
        expect: [{ check: 'config/unknown-key', file: B, line: L.steps, path: `${G}.step`, message: `unknown key \`step\` in \`${G}\``, hint: 'did you mean `steps`?' }] },
    { name: 'several mistakes give one finding each', fs: inProd(plan({ steps: '[50, 100]', analysis: null, canary: '{version: "2.1.0", weight: 60}' })),
        expect: [
            { check: 'canary/analysis-required', file: B, line: L.grayRelease, path: G, message: `\`${G}\` has no \`analysis\`; production-tier environment \`prod\` requires thresholds that abort a bad canary`, hint: 'add `analysis: {maxErrorRate: 0.01, maxP95LatencyMs: 1500}`' },
            { check: 'canary/first-weight', file: B, line: L.steps, path: `${G}.steps[0]`, message: `\`${G}.steps[0]\` is 50; in production-tier environment \`prod\` the first weight is at most 10, so a bad version meets little traffic`, hint: 'start at 10 or less, e.g. `steps: [5, 20, 50, 100]`' },
            { check: 'canary/version', file: B, line: L.analysis, path: `${G}.canary.version`, message: `\`${G}.canary.version\` is "2.1.0", the stable version in \`prod\`; a canary must name a different version`, hint: 'give the new version, or remove `canary` when no release is in progress' },
            { check: 'canary/weight', file: B, line: L.analysis, path: `${G}.canary.weight`, message: `\`${G}.canary.weight\` is 60, which is not one of the steps (50, 100)`, hint: 'hold at one of the steps; `npm run canary -- advance` moves to the next one' },
        ] },
];
describe('bad gray-release plans are refused with exactly these findings', () => {
    test.each(cases)('$name', (c) => {
        const { config, findings } = readConfig(c.fs, loadOptions);
        expect(withoutSeverity(findings)).toEqual(c.expect);
        expect(config).toBeUndefined();
    });
});
describe('sound plans load', () => {
    test.each([
        ['the reference production plan', inProd(plan())],
        ['a development-tier environment needs no analysis and may start high', inDev(plan({ steps: '[50, 100]', analysis: null, canary: null, control: 'auto' }))],
        ['no canary in progress', inProd(plan({ canary: null }))],
        ['a canary at 100% waiting to be promoted', inProd(plan({ canary: '{version: "2.2.0", weight: 100}' }))],
    ])('%s', (_name, fs) => {
        expect(readConfig(fs, loadOptions).findings).toEqual([]);
    });
    test('defaults: control auto, analysis interval 1m and failure limit 2, the weight of a new canary is the first step', () => {
        const { config } = readConfig(inProd(plan({ control: 'auto', canary: '{version: "2.2.0"}' }).replace('      control: auto\n', '')), loadOptions);
        expect(config?.services.find((s) => s.name === 'beta')?.environments['prod']?.grayRelease).toEqual({
            steps: [5, 20, 50, 100],
            pause: '10m',
            control: 'auto',
            analysis: { maxErrorRate: 0.01, maxP95LatencyMs: 1500, interval: '1m', failureLimit: 2 },
            canary: { version: '2.2.0', weight: 5 },
        });
    });
});
describe('the rules also run on a model (as validate does) and know nothing of lines', () => {
    test('a finding without a locator has a path but no line', () => {
        const { config } = readConfig(inProd(plan()), loadOptions);
        const beta = config.services.find((s) => s.name === 'beta');
        const bad = { ...beta, environments: { ...beta.environments, prod: { ...beta.environments['prod'], grayRelease: { ...beta.environments['prod'].grayRelease, steps: [5, 20] } } } };
        expect(checkGrayReleases({ services: [bad], clusters: config.clusters }).map((f) => [f.check, f.path, f.line])).toEqual([
            ['canary/steps-end', `${G}.steps`, undefined],
        ]);
    });
});
