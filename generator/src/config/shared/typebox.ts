/**
 * TypeBox's builders, loaded from its CommonJS build. Its ES-module build is some 200 files, and
 * every `validate` loads the configuration declarations (the base revision's configuration is read
 * on every run, even when the result cache holds): as ES modules they cost ~130 ms of CPU per run
 * on a 2-core VM, `require` about half of that. Types still come from `@sinclair/typebox` itself.
 */
import { createRequire } from 'node:module';
import type * as TypeBox from '@sinclair/typebox';

const typebox = createRequire(import.meta.url)('@sinclair/typebox') as typeof TypeBox;

/** `Type` of `@sinclair/typebox`. */
export const Type: typeof TypeBox.Type = typebox.Type;
/** `TypeGuard` of `@sinclair/typebox`. */
export const TypeGuard: typeof TypeBox.TypeGuard = typebox.TypeGuard;
