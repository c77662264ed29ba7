/**
 * Defaults live only in the declarations: ajv fills them in (`useDefaults`) on a copy of the parsed
 * data, and the builders take that copy. The data that findings and lines refer to stays as written.
 */
import { Type } from '@sinclair/typebox';
import { Ajv } from 'ajv';
import { describe, expect, test } from 'vitest';
import { memoryFs } from '../../src/core/fs.js';
import { readConfig } from '../../src/config/load.js';
import { Struct } from '../../src/config/shared/declare.js';
import { checkStructure } from '../../src/config/structure.js';
import { readYamlSource } from '../../src/config/yaml-source.js';
import { loadOptions } from '../helpers/load-options.js';
import { alpha, fixtureFs, withoutSeverity } from './fixture.js';
describe('Struct: a key with a default may be left out and is then filled in', () => {
    const S = Struct({ a: Type.String(), b: Type.Boolean({ default: true }), c: Type.Optional(Type.Integer()) });
    test('only keys without a default and not optional are required', () => {
        expect(S.required).toEqual(['a']);
        expect(S.additionalProperties).toBe(false);
    });
    test('ajv with useDefaults fills the default in', () => {
        const data = { a: 'x' };
        expect(new Ajv({ useDefaults: true }).validate(S, data)).toBe(true);
        expect(data).toEqual({ a: 'x', b: true });
    });
    test('no key required: no `required` keyword at all', () => {
        expect('required' in Struct({ b: Type.Boolean({ default: true }) })).toBe(false);
    });
});
describe('checkStructure fills defaults into a copy', () => {
    const source = readYamlSource(memoryFs({ 'apps/alpha/service.yaml': alpha }), 'apps/alpha/service.yaml');
    const before = structuredClone(source.data);
    const { findings, value } = checkStructure('service', source);
    test('the copy has every declared default, nested ones too', () => {
        expect(findings).toEqual([]);
        expect(value).toMatchObject({
            grpc: true,
            metrics: true,
            exposed: false,
            health: { liveness: '/health', readiness: '/health' },
            startupSeconds: 30,
            dependsOn: { data: [], services: [] },
            external: [],
            settings: {},
            secrets: [],
            environments: {},
        });
    });
    test('the data as written is unchanged', () => {
        expect(source.data).toEqual(before);
        expect(value).not.toBe(source.data);
    });
    test('a file with a schema finding gets no value', () => {
        const bad = readYamlSource(memoryFs({ 'apps/alpha/service.yaml': `${alpha}grpc: "yes"\n` }), 'apps/alpha/service.yaml');
        const r = checkStructure('service', bad);
        expect(r.findings.map((f) => f.check)).toEqual(['config/type']);
        expect(r.value).toBeUndefined();
    });
});
describe('a per-environment key without a value keeps the service-wide one (no default of its own)', () => {
    test('an override gives only what it says', () => {
        const { config } = readConfig(fixtureFs(), loadOptions);
        expect(config.services.find((s) => s.name === 'beta').environments['prod']).toEqual({ settings: { MODE: 'safe' } });
    });
    test('Argo CD per-environment groups: a list not given is absent, so the platform-wide one applies', () => {
        const fs = fixtureFs([['argocd/argocd.yaml', '.git\n', '.git\nroles:\n  readOnly: [devs]\n  environments:\n    prod:\n      deployers: [sre]\n']]);
        const { config, findings } = readConfig(fs, loadOptions);
        expect(withoutSeverity(findings)).toEqual([]);
        expect(config.argocd.roles).toEqual({ deployers: [], readOnly: ['devs'], environments: { prod: { deployers: ['sre'] } } });
    });
});
describe('the waivable check ids are data given to the loader', () => {
    const withWaiver = (check) => fixtureFs([], { 'apps/alpha/service.yaml': `${alpha}waivers:\n  - {check: ${check}, reason: "nightly builds only, see OPS-12"}\n` });
    test('an id in the given catalogue is accepted', () => {
        expect(readConfig(withWaiver('team-rule'), { waivable: ['team-rule'] }).findings).toEqual([]);
    });
    test('an id outside it is refused, with a suggestion from it', () => {
        expect(readConfig(withWaiver('team-rules'), { waivable: ['team-rule'] }).findings.map((f) => f.message)).toEqual([
            '`waivers[0].check` is "team-rules", not a policy check; did you mean `team-rule`?',
        ]);
    });
});
