/** The strict, offline, kubeconform-like schema validator. */
export { createSchemaValidator, API_VERSION_ALIASES, objectId } from './validator.js';
export type { SchemaValidator, SchemaValidatorOptions, ObjectSource, ObjectVerdict } from './validator.js';
export { benchSchema } from './bench.js';
export { defaultIndexPath } from './schema-table.js';
