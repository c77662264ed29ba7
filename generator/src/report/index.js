/** Results of `validate` and the output formats that print them. */
export { createFormat } from './registry.js';
export { exitCode } from './result.js';
