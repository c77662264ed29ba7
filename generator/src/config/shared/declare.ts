/**
 * The few TypeBox forms the configuration is declared with. A declaration is one value from which
 * come the TypeScript type (`Static<typeof X>`), the ajv validator (config/structure.ts) and the
 * editor schema (generator/schemas/*.schema.json, `npm run schemas`).
 *
 * Each form emits exactly the JSON Schema keywords the finding messages of config/structure.ts are
 * written for: `enum` (not `anyOf` of literals), `type: [string, number]`, `additionalProperties`
 * maps (not `patternProperties`).
 */
import { Type, TypeGuard } from './typebox.js';
import type { ObjectOptions, SchemaOptions, Static, TObject, TProperties, TSchema, TUnsafe } from '@sinclair/typebox';

/**
 * A mapping with exactly these keys (`additionalProperties: false`). A key whose schema has a
 * `default` may be left out of the file and is always present in the type: ajv fills it in
 * (`useDefaults`) before the loader builds the typed config. Other keys are required unless wrapped
 * in `Type.Optional`. Example: `Struct({ grpc: Type.Boolean({ default: true }) })` reads as
 * `{ grpc: boolean }` and accepts `{}`.
 */
export function Struct<T extends TProperties>(properties: T, options: ObjectOptions = {}): TObject<T> {
  const schema = Type.Object(properties, { additionalProperties: false, ...options });
  // TypeBox types `required` as the tuple of the keys not `Optional`; set through Reflect, the list
  // can leave out the keys with a default while the type keeps them present.
  const required = Object.entries(properties).filter(([, p]) => !TypeGuard.IsOptional(p) && p.default === undefined).map(([key]) => key);
  if (required.length > 0) Reflect.set(schema, 'required', required);
  else Reflect.deleteProperty(schema, 'required');
  return schema;
}

/** One of the given strings, as a JSON Schema `enum`. Example: `Enum(['auto', 'git'])` is `'auto' | 'git'`. */
export function Enum<const T extends readonly string[]>(values: T, options: SchemaOptions = {}): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ enum: [...values], ...options });
}

/** A mapping of any keys to values of one schema, e.g. settings (`additionalProperties: {type: string}`). */
export function MapOf<T extends TSchema>(value: T, options: SchemaOptions = {}): TUnsafe<Record<string, Static<T>>> {
  return Type.Unsafe<Record<string, Static<T>>>({ type: 'object', ...options, additionalProperties: value });
}

/** A Kubernetes quantity, written as a string or a YAML number (`cpu: 2`); the loader turns it into a string. */
export function Quantity(description: string, example: string): TUnsafe<string | number> {
  return Type.Unsafe<string | number>({ type: ['string', 'number'], description, examples: [example] });
}
