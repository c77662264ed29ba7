/** The default `--kubernetes-version` of `validate --policies PATH`: the clusters' own (validate/kubernetes-version.ts). */
import { describe, expect, it } from 'vitest';
import { memoryFs } from '../../src/core/fs.js';
import { clustersKubernetesVersion, FALLBACK_KUBERNETES_VERSION } from '../../src/validate/kubernetes-version.js';
describe('clustersKubernetesVersion', () => {
    it.each([
        ['no clusters/ folder: the fallback', { 'a.yaml': 'kind: x\n' }, FALLBACK_KUBERNETES_VERSION],
        ['one cluster', { 'clusters/prod/cluster.yaml': 'kubernetesVersion: "1.30"\n' }, '1.30'],
        ['the highest by minor number, not by text (1.9 < 1.10)', { 'clusters/a/cluster.yaml': 'kubernetesVersion: "1.9"\n', 'clusters/b/cluster.yaml': 'kubernetesVersion: "1.10"\n' }, '1.10'],
        ['a file that does not parse is passed over', { 'clusters/a/cluster.yaml': 'kubernetesVersion: [\n', 'clusters/b/cluster.yaml': 'kubernetesVersion: "1.29"\n' }, '1.29'],
        ['an unquoted 1.30 (the number 1.3) is no version: the fallback', { 'clusters/a/cluster.yaml': 'kubernetesVersion: 1.30\n' }, FALLBACK_KUBERNETES_VERSION],
        ['a patch version is not a minor: the fallback', { 'clusters/a/cluster.yaml': 'kubernetesVersion: "1.31.2"\n' }, FALLBACK_KUBERNETES_VERSION],
    ])('%s', (_name, files, expected) => {
        expect(clustersKubernetesVersion(memoryFs(files))).toBe(expected);
    });
});
