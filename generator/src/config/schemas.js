/**
 * The declarations of the configuration file kinds, by kind, and the ajv options they are
 * compiled with: what `npm run build` compiles into the validators `render` and `validate` load
 * (generator/scripts/build-config-validators.ts) and what `npm run schemas` writes as the editor
 * schemas (./editor-schemas.ts). Evaluating them loads TypeBox
 * (~200 modules), so run-time code never imports this module: config/structure.ts loads the precompiled
 * validators, and imports it (dynamically) only when running from the TypeScript sources (tests).
 */
import { createRequire } from 'node:module';
import { AddonsFile } from './addons/schema.js';
import { ArgocdFile } from './argocd/schema.js';
import { ClusterFile } from './cluster/schema.js';
import { ServiceFile } from './service/schema.js';
/** The declarations by kind: the JSON Schemas the validators and the editor schemas are made of. */
export const CONFIG_SCHEMAS = { service: ServiceFile, cluster: ClusterFile, argocd: ArgocdFile, addons: AddonsFile };
/**
 * The one set of ajv options the schemas are compiled with, in-process or ahead of time. `useDefaults`
 * fills declared defaults into the data validated, which is always a copy (config/structure.ts).
 */
export function configAjv(code) {
    const { Ajv: AjvClass } = createRequire(import.meta.url)('ajv');
    return new AjvClass({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, useDefaults: true, ...(code ? { code } : {}) });
}
