import { describe, expect, it } from 'vitest';
import { createSchemaValidator } from '../../src/validate/schema/index.js';
import { VALID } from './corpus.js';
const validator = createSchemaValidator();
describe('valid manifests pass', () => {
    it.each(Object.entries(VALID))('%s', (_name, make) => {
        const verdict = validator.validate(make(), { file: 'ok.yaml', line: 1 });
        // Only skipped CEL transition rules (info) may be listed; crd-schemas.test.ts covers them.
        expect(verdict.findings.filter((f) => f.check !== 'schema/cel-skipped')).toEqual([]);
        expect(verdict.status).toBe('valid');
    });
});
