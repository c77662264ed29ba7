/**
 * TypeBox's builders, loaded from its CommonJS build. Only the declarations use them, and only the
 * build, `npm run schemas` and the tests evaluate those (`render` and `validate` load the precompiled
 * validators: .dependency-cruiser.cjs, `declarations:*`). Its ES-module build is some 200 files, ~130 ms
 * of CPU per load on a 2-core VM, `require` about half of that, paid by every test file that loads the
 * configuration. Types still come from `@sinclair/typebox` itself.
 */
import { createRequire } from 'node:module';
const typebox = createRequire(import.meta.url)('@sinclair/typebox');
/** `Type` of `@sinclair/typebox`. */
export const Type = typebox.Type;
/** `TypeGuard` of `@sinclair/typebox`. */
export const TypeGuard = typebox.TypeGuard;
