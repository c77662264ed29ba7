import * as nodeFs from 'node:fs';
import * as nodePath from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseObjects } from '../../src/kustomize/exec.js';
import { detectKustomize } from '../../src/kustomize/index.js';
import { tempDir } from './helpers.js';
const tool = await detectKustomize();
const value = (scalar) => parseObjects(`kind: ConfigMap\ndata:\n  v: ${scalar}\n`)[0].data.v;
describe('parseObjects reads scalars as Go (kustomize, Argo CD) does', () => {
    it.each([
        ['5714446e11823340', '5714446e11823340'], // overflows a float64: Go keeps the string
        ['-1e400', '-1e400'],
        ['1e3', 1000],
        ['0.5', 0.5],
        ['.inf', Infinity],
        ['-.Inf', -Infinity],
        ['42', 42],
        ['true', true],
        ['null', null],
        ['"5714446e11823340"', '5714446e11823340'],
        ['abc', 'abc'],
    ])('%s', (scalar, expected) => {
        expect(value(scalar)).toEqual(expected);
    });
    it('.nan stays a number', () => {
        expect(value('.nan')).toBeNaN();
    });
});
describe.skipIf(!tool)('a hash that looks like an overflowing float survives a real kustomize build', () => {
    it('is the same string after kustomize prints it unquoted', () => {
        const t = tempDir('kustomize-parse');
        const dir = t.dir;
        nodeFs.writeFileSync(nodePath.join(dir, 'kustomization.yaml'), 'resources:\n- cm.yaml\n');
        nodeFs.writeFileSync(nodePath.join(dir, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  annotations:\n    hash: "5714446e11823340"\n');
        const r = spawnSync(tool.command[0], [...tool.command.slice(1), dir], { encoding: 'utf8' });
        expect(r.status).toBe(0);
        expect(r.stdout).toContain('hash: 5714446e11823340\n'); // unquoted: why the Go reading matters
        expect(parseObjects(r.stdout)[0].metadata.annotations).toEqual({ hash: '5714446e11823340' });
        t.remove();
    });
});
