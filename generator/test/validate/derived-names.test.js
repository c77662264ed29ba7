/**
 * Names the generator derives from the configuration are checked when the configuration is loaded,
 * at the configuration line that makes them (regressions: a 63-character service with a gray
 * release rendered a 70-character canary Service; a 64-character image tag became a label value;
 * env `dev` + service `five-diagnosis` and env `dev-five` + service `diagnosis` both made the
 * Application `dev-five-diagnosis`; all passed `render` and were caught only by `validate`).
 */
import { describe, expect, test } from 'vitest';
import { loadConfig, readConfig } from '../../src/config/load.js';
import { buildModel } from '../../src/model/build.js';
import { render } from '../../src/render/index.js';
import { checkDerivedNames } from '../../src/validate/derived-names.js';
import { readRendered } from '../../src/validate/load-rendered.js';
import { alpha, beta, fixtureFs, nonprod, withoutSeverity } from '../config/fixture.js';
import { loadOptions } from '../helpers/load-options.js';
const A = 'apps/alpha/service.yaml';
const B = 'apps/beta/service.yaml';
const N = 'clusters/nonprod/cluster.yaml';
const LONG = 'a'.repeat(63);
const TAG64 = `1.${'0'.repeat(62)}`;
/** `alpha` renamed (folder, `name`, and beta's dependency on it), with extra text appended. */
function renamed(name, extra = '') {
    return { [A]: undefined, [`apps/${name}/service.yaml`]: alpha.replace('name: alpha', `name: ${name}`) + extra, [B]: beta.replace('    - alpha\n', `    - ${name}\n`) };
}
/** alpha's per-environment block (alpha has none in the fixture). */
const envs = (yaml) => `environments:\n${yaml}`;
const GRAY_DEV = envs('  dev:\n    grayRelease: {steps: [50, 100], pause: 1m}\n');
/** An environment of the nonprod cluster, like its `dev`. */
const environment = (name) => nonprod.slice(nonprod.indexOf('  dev:\n')).replace('  dev:\n', `  ${name}:\n`).replace('suoke-dev', `suoke-${name}`).replace('dev-data', `${name}-data`);
const DNS1035 = 'a DNS-1035 label: at most 63 lower-case letters, digits and `-`, starting with a letter and ending with a letter or digit';
const LABEL = 'a label value: at most 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit';
const RENAME = (kind) => `rename the ${kind} (or what makes the other name) so that no two make the same name`;
const cases = [
    {
        name: 'a 63-character service with a gray release: its canary Service would have 70 characters',
        files: renamed(LONG, GRAY_DEV),
        expect: [
            { check: 'config/derived-name', file: `apps/${LONG}/service.yaml`, line: 1, path: 'name', message: `service name \`${LONG}\` gives the Service name "${LONG}-canary" (service \`${LONG}\` in environment \`dev\`), which must be no more than 63 characters (has 70)`, hint: 'shorten the service name to at most 56 characters' },
        ],
    },
    {
        name: 'a service name starting with a digit: the Service name is a DNS-1035 label',
        files: renamed('9lives'),
        expect: [
            { check: 'config/derived-name', file: 'apps/9lives/service.yaml', line: 1, path: 'name', message: 'service name `9lives` gives the Service name "9lives" (service `9lives` in environments `dev`, `prod`), which must be a DNS-1035 label: lower-case letters, digits and "-", starting with a letter and ending with a letter or digit', hint: `choose a service name that makes the Service name ${DNS1035}` },
        ],
    },
    {
        name: 'a 64-character image tag: the pods carry it as a label value',
        files: { [A]: alpha.replace('version: "1.0.0"', `version: "${TAG64}"`) },
        expect: [
            { check: 'config/derived-name', file: A, line: 4, path: 'version', message: `version \`${TAG64}\` gives the label \`app.kubernetes.io/version\` of the pods of Deployment \`alpha\` "${TAG64}" (service \`alpha\` in environments \`dev\`, \`prod\`), which must be no more than 63 characters (has 64)`, hint: 'shorten the version to at most 63 characters' },
        ],
    },
    {
        name: 'an image tag ending in `-` in one environment: not a label value',
        files: { [A]: `${alpha}${envs('  prod:\n    version: "1.0.0-"\n')}` },
        expect: [
            { check: 'config/derived-name', file: A, line: 12, path: 'environments.prod.version', message: 'version `1.0.0-` gives the label `app.kubernetes.io/version` of the pods of Deployment `alpha` "1.0.0-" (service `alpha` in environment `prod`), which must be empty or consist of alphanumerics, "-", "_" or ".", starting and ending with an alphanumeric', hint: `choose a version that makes the label \`app.kubernetes.io/version\` of the pods of Deployment \`alpha\` ${LABEL}` },
        ],
    },
    {
        name: 'a canary version starting with `_`: the canary pods carry it as a label value',
        files: { [A]: `${alpha}${envs('  dev:\n    grayRelease:\n      steps: [50, 100]\n      pause: 1m\n      canary: {version: "_2.0.0"}\n')}` },
        expect: [
            { check: 'config/derived-name', file: A, line: 15, path: 'environments.dev.grayRelease.canary.version', message: 'version `_2.0.0` gives the label `app.kubernetes.io/version` of the pods of Rollout `alpha` "_2.0.0" (service `alpha` in environment `dev`), which must be empty or consist of alphanumerics, "-", "_" or ".", starting and ending with an alphanumeric', hint: `choose a version that makes the label \`app.kubernetes.io/version\` of the pods of Rollout \`alpha\` ${LABEL}` },
        ],
    },
    {
        name: 'env dev + service five-diagnosis and env dev-five + service diagnosis: one Application name, both reported',
        files: { ...renamed('five-diagnosis'), 'apps/diagnosis/service.yaml': alpha.replace('name: alpha', 'name: diagnosis'), [N]: `${nonprod}${environment('dev-five')}` },
        expect: [
            { check: 'config/derived-duplicate', file: 'apps/diagnosis/service.yaml', line: 1, path: 'name', message: 'service name `diagnosis` gives the Application name "dev-five-diagnosis" (service `diagnosis` in environment `dev-five`), the same as for service `five-diagnosis` in environment `dev`: Argo CD keeps one Application of a name in namespace `argocd`', hint: RENAME('service name') },
            { check: 'config/derived-duplicate', file: 'apps/five-diagnosis/service.yaml', line: 1, path: 'name', message: 'service name `five-diagnosis` gives the Application name "dev-five-diagnosis" (service `five-diagnosis` in environment `dev`), the same as for service `diagnosis` in environment `dev-five`: Argo CD keeps one Application of a name in namespace `argocd`', hint: RENAME('service name') },
        ],
    },
    {
        name: 'a service x-shared and an environment dev-x: the service Application dev-x-shared is the shared resources Application of dev-x',
        files: { 'apps/x-shared/service.yaml': alpha.replace('name: alpha', 'name: x-shared'), [N]: `${nonprod}${environment('dev-x')}` },
        expect: [
            { check: 'config/derived-duplicate', file: 'apps/x-shared/service.yaml', line: 1, path: 'name', message: 'service name `x-shared` gives the Application name "dev-x-shared" (service `x-shared` in environment `dev`), the same as for the shared resources of environment `dev-x`: Argo CD keeps one Application of a name in namespace `argocd`', hint: RENAME('service name') },
            { check: 'config/derived-duplicate', file: N, line: 23, path: 'environments.dev-x', message: 'environment name `dev-x` gives the Application name "dev-x-shared" (the shared resources of environment `dev-x`), the same as for service `x-shared` in environment `dev`: Argo CD keeps one Application of a name in namespace `argocd`', hint: RENAME('environment name') },
        ],
    },
    {
        name: 'an environment named platform: its AppProject is the platform AppProject suoke-platform',
        files: { [N]: `${nonprod}${environment('platform')}` },
        expect: [
            { check: 'config/derived-duplicate', file: N, line: 23, path: 'environments.platform', message: "environment name `platform` gives the AppProject name \"suoke-platform\" (the Argo CD objects of environment `platform`), the same as for the platform's Argo CD objects: Argo CD keeps one AppProject of a name in namespace `argocd`", hint: RENAME('environment name') },
        ],
    },
    {
        name: "a service alpha-canary beside alpha's gray release: two Services alpha-canary in one namespace",
        files: { [A]: alpha + GRAY_DEV, 'apps/alpha-canary/service.yaml': alpha.replace('name: alpha', 'name: alpha-canary') },
        expect: [
            { check: 'config/derived-duplicate', file: 'apps/alpha-canary/service.yaml', line: 1, path: 'name', message: 'service name `alpha-canary` gives the Service name "alpha-canary" (service `alpha-canary` in environment `dev`), the same as for service `alpha` in environment `dev`: the cluster keeps one Service of a name in namespace `suoke-dev`', hint: RENAME('service name') },
            { check: 'config/derived-duplicate', file: A, line: 1, path: 'name', message: 'service name `alpha` gives the Service name "alpha-canary" (service `alpha` in environment `dev`), the same as for service `alpha-canary` in environment `dev`: the cluster keeps one Service of a name in namespace `suoke-dev`', hint: RENAME('service name') },
        ],
    },
    {
        name: "a service named default-deny: its NetworkPolicy is the environment's default-deny",
        files: { 'apps/default-deny/service.yaml': alpha.replace('name: alpha', 'name: default-deny') },
        expect: [
            { check: 'config/derived-duplicate', file: 'apps/default-deny/service.yaml', line: 1, path: 'name', message: 'service name `default-deny` gives the NetworkPolicy name "default-deny" (service `default-deny` in environment `dev`), the same as for the shared resources of environment `dev`: the cluster keeps one NetworkPolicy of a name in namespace `suoke-dev`', hint: RENAME('service name') },
            { check: 'config/derived-duplicate', file: 'apps/default-deny/service.yaml', line: 1, path: 'name', message: 'service name `default-deny` gives the NetworkPolicy name "default-deny" (service `default-deny` in environment `prod`), the same as for the shared resources of environment `prod`: the cluster keeps one NetworkPolicy of a name in namespace `suoke-prod`', hint: RENAME('service name') },
        ],
    },
];
describe('derived names: exact findings at the configuration line', () => {
    test.each(cases)('$name', (c) => {
        const fs = fixtureFs([], c.files);
        // Every case is a configuration the per-file checks accept: only the rendered names are wrong.
        expect(readConfig(fs, loadOptions).findings).toEqual([]);
        const r = readRendered(fs);
        expect(withoutSeverity(r.findings)).toEqual(c.expect);
        expect(r.value).toBeUndefined();
    });
    test('the valid fixture renders without findings', () => {
        const r = readRendered(fixtureFs());
        expect(r.findings).toEqual([]);
        expect(r.value?.rendered.files.length).toBeGreaterThan(0);
    });
});
test('a name the renderer starts to derive is checked without being listed anywhere', () => {
    const model = buildModel(loadConfig(fixtureFs(), loadOptions));
    const rendered = render(model);
    // As if the renderer gained an object named after the service with a long suffix.
    const target = rendered.targets.find((t) => t.path === 'clusters/nonprod/dev/alpha');
    target.objects.push({ apiVersion: 'v1', kind: 'Service', metadata: { name: `alpha-${'x'.repeat(60)}`, namespace: 'suoke-dev', labels: { extra: 'alpha' } } });
    expect(checkDerivedNames(model, rendered)).toEqual([
        {
            check: 'derived-name',
            place: { file: A, path: ['name'], anchor: 'value' },
            message: `service name \`alpha\` gives the Service name "alpha-${'x'.repeat(60)}" (service \`alpha\` in environment \`dev\`), which must be no more than 63 characters (has 66)`,
            hint: 'shorten the service name to at most 2 characters',
        },
    ]);
});
