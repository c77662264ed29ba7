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
/**
 * A mapping with exactly these keys (`additionalProperties: false`). A key whose schema has a
 * `default` may be left out of the file and is always present in the type: ajv fills it in
 * (`useDefaults`) before the loader builds the typed config. Other keys are required unless wrapped
 * in `Type.Optional`. Example: `Struct({ grpc: Type.Boolean({ default: true }) })` reads as
 * `{ grpc: boolean }` and accepts `{}`.
 */
export function Struct(properties, options = {}) {
    const schema = Type.Object(properties, { additionalProperties: false, ...options });
    // TypeBox types `required` as the tuple of the keys not `Optional`; set through Reflect, the list
    // can leave out the keys with a default while the type keeps them present.
    const required = Object.entries(properties).filter(([, p]) => !TypeGuard.IsOptional(p) && p.default === undefined).map(([key]) => key);
    if (required.length > 0)
        Reflect.set(schema, 'required', required);
    else
        Reflect.deleteProperty(schema, 'required');
    return schema;
}
/** One of the given strings, as a JSON Schema `enum`. Example: `Enum(['auto', 'git'])` is `'auto' | 'git'`. */
export function Enum(values, options = {}) {
    return Type.Unsafe({ enum: [...values], ...options });
}
/** A mapping of any keys to values of one schema, e.g. settings (`additionalProperties: {type: string}`). */
export function MapOf(value, options = {}) {
    return Type.Unsafe({ type: 'object', ...options, additionalProperties: value });
}
/** A Kubernetes quantity, written as a string or a YAML number (`cpu: 2`); the loader turns it into a string. */
export function Quantity(description, example) {
    return Type.Unsafe({ type: ['string', 'number'], description, examples: [example] });
}
