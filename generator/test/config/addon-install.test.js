/**
 * `install:` of platform/addons.yaml (docs/addons.md, "Installing"): how Argo CD installs each
 * add-on. It loads with its defaults; every mistake is a configuration error with its exact message.
 */
import { describe, expect, test } from 'vitest';
import { readConfig } from '../../src/config/load.js';
import { fixtureFs, withoutSeverity } from './fixture.js';
import { loadOptions } from '../helpers/load-options.js';
const F = 'platform/addons.yaml';
/** cert-manager (wave 0) and a dependant of it (wave 1), installed on both fixture clusters. */
const valid = `addons:
  - name: cert-manager
    version: v1.21.1
    repository: cert-manager/cert-manager
    licence: Apache-2.0
    install:
      chart: {repoURL: https://charts.jetstack.io, name: cert-manager, version: v1.21.1}
      namespace: cert-manager
      values: {crds: {enabled: true}}
  - name: rabbitmq-cluster-operator
    version: v2.22.3
    repository: rabbitmq/cluster-operator
    licence: MPL-2.0
    install:
      git: {repoURL: https://github.com/rabbitmq/cluster-operator, path: config/installation}
      namespace: rabbitmq-system
      wave: 1
      dependsOn: [cert-manager]
      clusters: [prod]
  - name: istio
    version: 1.30.3
    repository: istio/istio
    licence: Apache-2.0
`;
const load = (text) => readConfig(fixtureFs([], { [F]: text }), loadOptions);
const edit = (from, to) => {
    if (valid.split(from).length !== 2)
        throw new Error(`${from} is not once in the fixture`);
    return valid.replace(from, to);
};
test('an install loads with its defaults: wave 0, no dependencies, no values, every cluster', () => {
    const { config, findings } = load(valid);
    expect(findings).toEqual([]);
    const [cert, istio, rabbit] = config.addons;
    expect(cert.install).toEqual({ chart: { repoURL: 'https://charts.jetstack.io', name: 'cert-manager', version: 'v1.21.1' }, namespace: 'cert-manager', wave: 0, dependsOn: [], values: { crds: { enabled: true } } });
    expect(istio.install).toBeUndefined();
    expect(rabbit.install).toEqual({ git: { repoURL: 'https://github.com/rabbitmq/cluster-operator', path: 'config/installation' }, namespace: 'rabbitmq-system', wave: 1, dependsOn: ['cert-manager'], values: {}, clusters: ['prod'] });
});
const cases = [
    { name: 'a chart version without install source: the chart left out, only its version kept', text: edit('      chart: {repoURL: https://charts.jetstack.io, name: cert-manager, version: v1.21.1}\n', ''),
        expect: [{ check: 'config/install-source', file: F, line: 6, path: 'addons[0].install', message: '`addons[0].install` has neither `chart` nor `git`; an add-on is installed from exactly one source', hint: 'give `chart: {repoURL, name, version}` for a Helm chart, or `git: {repoURL, path}` for a kustomization of the upstream repository at the pinned tag' }] },
    { name: 'both a chart and a git source', text: edit('      namespace: cert-manager\n', '      git: {repoURL: https://github.com/cert-manager/cert-manager, path: deploy}\n      namespace: cert-manager\n'),
        expect: [{ check: 'config/install-source', file: F, line: 6, path: 'addons[0].install', message: '`addons[0].install` has both `chart` and `git`; an add-on is installed from exactly one source', hint: 'give `chart: {repoURL, name, version}` for a Helm chart, or `git: {repoURL, path}` for a kustomization of the upstream repository at the pinned tag' }] },
    { name: 'a chart version that is a range', text: edit('version: v1.21.1}', 'version: ^1.21}'),
        expect: [{ check: 'config/chart-version', file: F, line: 7, path: 'addons[0].install.chart.version', message: '`addons[0].install.chart.version` is "^1.21", not an exact chart version', hint: 'pin the chart version whose `appVersion` is the pinned `version`, e.g. `version: 0.29.0` (a range would move under the pin)' }] },
    { name: 'a wave out of range', text: edit('wave: 1', 'wave: 9'),
        expect: [{ check: 'config/wave', file: F, line: 17, path: 'addons[1].install.wave', message: '`addons[1].install.wave` is 9, outside 0 to 5', hint: 'choose a wave from 0 (first) to 5: the add-ons sync after the AppProjects and before the environments' }] },
    { name: 'a dependency ordering violation: the dependant in the same wave as cert-manager', text: edit('      wave: 1\n', ''),
        expect: [{ check: 'config/addon-dependency', file: F, line: 17, path: 'addons[1].install.dependsOn[0]', message: '`rabbitmq-cluster-operator` (wave 0) depends on `cert-manager` (wave 0), which does not sync before it', hint: 'give `rabbitmq-cluster-operator` a wave above 0: Argo CD syncs a wave only once every earlier one is Healthy' }] },
    { name: 'a dependency on an add-on installed outside', text: edit('dependsOn: [cert-manager]', 'dependsOn: [cert-manager, istio]'),
        expect: [{ check: 'config/addon-dependency', file: F, line: 18, path: 'addons[1].install.dependsOn[1]', message: '`addons[1].install.dependsOn[1]` names `istio`, which has no `install:`: Argo CD cannot order `rabbitmq-cluster-operator` after it', hint: 'give `istio` an `install:`, or remove it from `dependsOn`' }] },
    { name: 'a dependency on no add-on', text: edit('dependsOn: [cert-manager]', 'dependsOn: [cert-manger]'),
        expect: [{ check: 'config/addon-dependency', file: F, line: 18, path: 'addons[1].install.dependsOn[0]', message: '`addons[1].install.dependsOn[0]` names `cert-manger`, which is no add-on of this file', hint: 'pin it in `addons` with an `install:`, or remove it from `dependsOn`' }] },
    { name: 'an unknown cluster', text: edit('clusters: [prod]', 'clusters: [prod, staging]'),
        expect: [{ check: 'config/unknown-cluster', file: F, line: 19, path: 'addons[1].install.clusters[1]', message: '`addons[1].install.clusters[1]` is `staging`, which is no cluster (clusters: nonprod, prod)', hint: 'name a folder of `clusters/`, or leave `clusters` out to install it on every cluster' }] },
    { name: 'Helm values on a git install', text: edit('      clusters: [prod]\n', '      clusters: [prod]\n      values: {replicas: 2}\n'),
        expect: [{ check: 'config/install-values', file: F, line: 20, path: 'addons[1].install.values', message: '`addons[1].install.values` is set, but `git` installs read no Helm values', hint: 'remove `values`, or install from the chart' }] },
];
describe('bad install: gives exactly these configuration errors', () => {
    test.each(cases)('$name', (c) => {
        const { config, findings } = load(c.text);
        expect(withoutSeverity(findings)).toEqual(c.expect);
        expect(config).toBeUndefined();
    });
});
