/**
 * The schema step of the loader: a parsed file against the declaration of its kind, every violation
 * turned into a finding with its own message, and, when it matches, a copy with the declared
 * defaults filled in by ajv (`useDefaults`) for the builders.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { suggest } from '../core/names.js';
import { schemaFinding, toSegments } from './schema-findings.js';
import { configFinding } from './yaml-source.js';
/** Every kind, in the order the loader reads them. */
export const CONFIG_KINDS = ['service', 'cluster', 'argocd', 'addons'];
/** The precompiled validators, beside this module in dist/: loaded on first use (~0.25 MB of code), not with this module. */
const PRECOMPILED = './validators.generated.cjs';
/**
 * Without precompiled validators (running from the TypeScript sources: tests), the declarations
 * compiled here, once; they are imported only then, so `render` and `validate` load neither ajv's
 * compiler nor the declarations (TypeBox).
 */
const compiled = existsSync(new URL(PRECOMPILED, import.meta.url)) ? undefined : await compileNow();
let validators;
function validator(kind) {
    // The module `npm run build` writes (generator/scripts/build-config-validators.ts) has no types: it
    // exports one validator per kind, compiled from CONFIG_SCHEMAS (./schemas.ts).
    validators ??= compiled ?? createRequire(import.meta.url)(PRECOMPILED);
    return validators[kind];
}
async function compileNow() {
    const { CONFIG_SCHEMAS, configAjv } = await import('./schemas.js');
    const ajv = configAjv();
    return {
        service: ajv.compile(CONFIG_SCHEMAS.service),
        cluster: ajv.compile(CONFIG_SCHEMAS.cluster),
        argocd: ajv.compile(CONFIG_SCHEMAS.argocd),
        addons: ajv.compile(CONFIG_SCHEMAS.addons),
    };
}
/**
 * Checks a parsed file against its JSON Schema and turns every violation into a finding with its
 * own message. Errors a type error already explains (an enum failing on a number, a `required`
 * inside a value that is not a mapping) are dropped, so one problem gives one finding.
 */
export function checkStructure(kind, source) {
    const data = source.data;
    if (data === null || data === undefined) {
        return {
            findings: [
                configFinding('type', source.file, 1, [], `${source.file} is empty; expected a mapping of ${emptyWhat[kind]}`, emptyHint[kind]),
            ],
        };
    }
    const validate = validator(kind);
    // ajv fills defaults into what it validates: a copy, so that findings and lines read the data as written.
    const copy = structuredClone(data);
    if (validate(copy))
        return { findings: [], value: copy };
    const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'if');
    const typeErrorAt = new Set(errors.filter((e) => e.keyword === 'type' || e.keyword === 'const').map((e) => e.instancePath));
    // A misspelt required key (`replica: 2`) is one problem: report the unknown key, whose hint names
    // the missing one, and drop the "missing `replicas`" it implies.
    const missing = new Set(errors.filter((e) => e.keyword === 'required').map((e) => `${e.instancePath}/${String(e.params.missingProperty)}`));
    const misspelt = new Set();
    for (const e of errors) {
        if (e.keyword !== 'additionalProperties')
            continue;
        const near = suggest(String(e.params.additionalProperty), missingKeys(missing, e.instancePath));
        if (near !== undefined)
            misspelt.add(`${e.instancePath}/${near}`);
    }
    const findings = [];
    for (const e of errors) {
        if (e.keyword !== 'type' && e.keyword !== 'const' && typeErrorAt.has(e.instancePath))
            continue;
        if (e.keyword === 'required' && misspelt.has(`${e.instancePath}/${String(e.params.missingProperty)}`))
            continue;
        findings.push(schemaFinding(e, source, toSegments(e.instancePath, data)));
    }
    return { findings };
}
function missingKeys(missing, at) {
    const prefix = `${at}/`;
    return [...missing].filter((m) => m.startsWith(prefix) && !m.slice(prefix.length).includes('/')).map((m) => m.slice(prefix.length));
}
const emptyWhat = {
    service: "the service's settings",
    cluster: "the cluster's settings",
    argocd: 'Argo CD settings',
    addons: 'the pinned add-ons',
};
const emptyHint = {
    service: 'start with `name: <service>`, as in the other apps/*/service.yaml files',
    cluster: 'start with `name: <cluster>`, as in the other clusters/*/cluster.yaml files',
    argocd: 'give at least `repoURL: https://…/suoke-life-gitops.git`',
    addons: 'start with `addons:` and one entry per add-on, e.g. `- {name: cert-manager, version: v1.21.1, repository: cert-manager/cert-manager, licence: Apache-2.0}`',
};
