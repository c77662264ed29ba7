/**
 * The generator's own YAML never holds a plain scalar that YAML 1.1 (kubectl apply, Argo CD) and
 * YAML 1.2 (kustomize, our loader) read differently: checked over every rendered file of the seed and
 * of the fixture platform, and over the serializer with every spelling the detector knows.
 */
import { describe, expect, it } from 'vitest';
import { yaml11Scalars } from '../../src/core/yaml-ambiguity.js';
import { toYaml } from '../../src/render/yaml.js';
import { FIXTURE_PLATFORM, REPO_ROOT, renderOf } from '../helpers/platform.js';
const SPELLINGS = [
    'y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF',
    '010', '0644', '-017', '0b1010', '-0b1', '0B1', '0O7', '0X1F', '+0x10', '-0o7', '1_000', '1_', '1_0.5', '.5_5', '0x1_F', '1e400',
];
describe('rendered YAML', () => {
    it.each([
        ['the seed repository', REPO_ROOT],
        ['the fixture platform', FIXTURE_PLATFORM],
    ])('%s: no rendered file holds an ambiguous plain scalar', (_name, root) => {
        const files = renderOf(root).files.filter((f) => /\.ya?ml$/.test(f.path));
        expect(files.length).toBeGreaterThan(10);
        const found = files.flatMap((f) => yaml11Scalars(f.content).map((a) => `${f.path}:${a.line} ${a.path} ${a.value}`));
        expect(found).toEqual([]);
    });
    it('the serializer quotes every ambiguous spelling, as key and as value', () => {
        const value = { list: SPELLINGS, map: Object.fromEntries(SPELLINGS.map((s) => [s, s])) };
        const text = toYaml(value);
        // The detector finds them when written plain, so this test can fail.
        expect(yaml11Scalars(SPELLINGS.map((s) => `${s}: ${s}`).join('\n')).length).toBe(2 * SPELLINGS.length);
        expect(yaml11Scalars(text)).toEqual([]);
    });
});
