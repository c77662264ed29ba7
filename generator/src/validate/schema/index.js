/** The strict, offline, kubeconform-like schema validator. */
export { createSchemaValidator } from './validator.js';
export { benchSchema } from './bench.js';
export { staleCrdFindings } from './crd-drift.js';
