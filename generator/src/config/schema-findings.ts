/**
 * The words of the schema step: each ajv error (keyword, instance path, parameters) turned into a
 * finding that names the file, the line and the key, says what was expected and found, and how to fix
 * it (an example from the declaration's `examples`, the nearest allowed key, quoting a number…).
 */
import type { ErrorObject } from 'ajv';
import type { Finding } from '../core/finding.js';
import { formatPath } from '../core/finding.js';
import { pointerTokens } from '../core/json-pointer.js';
import { didYouMean } from './shared/names.js';
import type { PathSegment, YamlSource } from './yaml-source.js';
import { configFinding } from './yaml-source.js';

/** One ajv error as a finding: what is wrong where, in words, with a hint to fix it. */
export function schemaFinding(e: ErrorObject, source: YamlSource, at: PathSegment[]): Finding {
  const file = source.file;
  const where = at.length > 0 ? `\`${formatPath(at)}\`` : 'the file';
  const parent = e.parentSchema as Record<string, unknown> | undefined;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(e.params.additionalProperty);
      const path = [...at, key];
      const allowed = Object.keys((parent?.properties as Record<string, unknown> | undefined) ?? {});
      return configFinding(
        'unknown-key',
        file,
        source.lineOf(path),
        path,
        `unknown key \`${key}\`${at.length > 0 ? ` in ${where}` : ''}`,
        didYouMean(key, allowed) ?? `allowed keys: ${allowed.join(', ')}`,
      );
    }
    case 'required': {
      const key = String(e.params.missingProperty);
      const schema = (parent?.properties as Record<string, Record<string, unknown>> | undefined)?.[key];
      const example = (schema?.examples as unknown[] | undefined)?.[0];
      return configFinding(
        'required',
        file,
        source.lineOf(at),
        [...at, key],
        `missing required key \`${key}\`${at.length > 0 ? ` in ${where}` : ''}`,
        example === undefined ? `add \`${key}:\`` : `add \`${key}: ${inlineYaml(example)}\``,
      );
    }
    case 'type': {
      const expected = ([] as string[]).concat(e.params.type as string | string[]);
      return typeFinding(source, at, expected.map(typeName).join(' or '), expected);
    }
    case 'const':
      return typeFinding(source, at, '`false` or a mapping', ['object'], 'e.g. `autoscaling: {minReplicas: 2, maxReplicas: 10, cpu: 70}`, or `false` for a fixed replica count');
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map(String);
      const found = String(e.data);
      return configFinding(
        'enum',
        file,
        source.lineOf(at, 'value'),
        at,
        `${where} must be one of ${allowed.join(', ')}; found \`${found}\``,
        didYouMean(found, allowed) ?? `use one of: ${allowed.join(', ')}`,
      );
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const limit = e.params.limit as number;
      const relation = { minimum: 'at least', maximum: 'at most', exclusiveMinimum: 'more than', exclusiveMaximum: 'less than' }[
        e.keyword
      ];
      return configFinding(
        'range',
        file,
        source.lineOf(at, 'value'),
        at,
        `${where} must be ${relation} ${limit}; found ${String(e.data)}`,
        rangeHint(parent),
      );
    }
    case 'minLength':
    case 'minItems':
    case 'minProperties':
      return configFinding('empty', file, source.lineOf(at, 'value'), at, `${where} must not be empty`, exampleHint(parent, at));
    case 'uniqueItems': {
      const path = [...at, e.params.i as number];
      const item = (e.data as unknown[])[e.params.i as number];
      return configFinding(
        'duplicate',
        file,
        source.lineOf(path),
        path,
        `${where} lists \`${String(item)}\` more than once`,
        'remove the repeated entry',
      );
    }
    case 'pattern': {
      // A pattern says nothing to a reader: show the value, the form, and the declaration's example or default.
      const value = valueAt(source.data, at);
      const example = (parent?.examples as unknown[] | undefined)?.[0] ?? parent?.default;
      const key = at[at.length - 1];
      return configFinding(
        'pattern',
        file,
        source.lineOf(at, 'value'),
        at,
        `${where} is \`${String(value)}\`, not of the form ${String(e.params.pattern)}`,
        example !== undefined && typeof key === 'string' ? `e.g. \`${key}: ${inlineYaml(example)}\`` : undefined,
      );
    }
    default:
      return configFinding('schema', file, source.lineOf(at), at, `${where} ${e.message ?? 'is invalid'}`);
  }
}

function typeFinding(source: YamlSource, at: PathSegment[], expected: string, types: string[], fallbackHint?: string): Finding {
  const where = at.length > 0 ? `\`${formatPath(at)}\`` : 'the file';
  const value = valueAt(source.data, at);
  const text = source.sourceOf(at);
  const key = at[at.length - 1];
  let hint = fallbackHint;
  if (types.includes('string') && (typeof value === 'number' || typeof value === 'boolean')) {
    hint = `quote it: \`${String(key)}: "${text ?? String(value)}"\`${typeof value === 'number' && text !== String(value) ? ` (unquoted, YAML reads ${text} as the number ${value})` : ''}`;
  } else if ((types.includes('integer') || types.includes('number')) && typeof value === 'string' && /^[-+]?\d+(\.\d+)?$/.test(value)) {
    hint = `write the number without quotes: \`${String(key)}: ${value}\``;
  } else if (types.includes('array') && value !== null && typeof value !== 'object') {
    hint = `write a list: \`${String(key)}: [${text ?? String(value)}]\``;
  } else if (types.includes('boolean') && typeof value === 'string') {
    hint = `write \`true\` or \`false\` without quotes`;
  } else if (value === null) {
    hint = `give \`${String(key)}\` a value, or remove the key to use the default`;
  } else if (at.length === 0) {
    hint = 'the top level of a config file is a mapping of keys such as `name:`';
  }
  return configFinding(
    'type',
    source.file,
    source.lineOf(at, 'value'),
    at,
    `${where} must be ${expected}; found ${describe(value, text)}`,
    hint,
  );
}

function typeName(t: string): string {
  return (
    { string: 'a string', integer: 'a whole number', number: 'a number', boolean: '`true` or `false`', object: 'a mapping', array: 'a list' }[t] ??
    t
  );
}

function describe(v: unknown, text: string | undefined): string {
  if (v === null || v === undefined) return 'no value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return `${typeof v === 'number' ? 'the number' : 'the boolean'} ${text ?? String(v)}`;
}

function rangeHint(schema: Record<string, unknown> | undefined): string | undefined {
  const n = (k: string) => schema?.[k] as number | undefined;
  const [min, xmin, max, xmax] = [n('minimum'), n('exclusiveMinimum'), n('maximum'), n('exclusiveMaximum')];
  if (min !== undefined && max !== undefined) return `use a value from ${min} to ${max}`;
  const parts = [
    min !== undefined ? `at least ${min}` : xmin !== undefined ? `above ${xmin}` : '',
    max !== undefined ? `at most ${max}` : xmax !== undefined ? `below ${xmax}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `use a value ${parts.join(' and ')}` : undefined;
}

function exampleHint(schema: Record<string, unknown> | undefined, at: PathSegment[]): string | undefined {
  const example = (schema?.examples as unknown[] | undefined)?.[0];
  const key = at[at.length - 1];
  return example === undefined || typeof key !== 'string' ? undefined : `e.g. \`${key}: ${inlineYaml(example)}\``;
}

/** A value as one line of flow YAML, for hints: `{cpu: 250m, memory: 512Mi}`. */
function inlineYaml(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(inlineYaml).join(', ')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.entries(v).map(([k, x]) => `${k}: ${inlineYaml(x)}`).join(', ')}}`;
  }
  if (typeof v === 'string' && /^[\d.]+$/.test(v)) return JSON.stringify(v);
  return String(v);
}

/** JSON pointer → YAML path segments; array indexes become numbers. */
export function toSegments(pointer: string, data: unknown): PathSegment[] {
  const out: PathSegment[] = [];
  let node = data;
  for (const seg of pointerTokens(pointer)) {
    if (Array.isArray(node)) {
      out.push(Number(seg));
      node = node[Number(seg)];
    } else {
      out.push(seg);
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let node = data;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}
