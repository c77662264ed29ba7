/**
 * Collects the `x-kubernetes-validations` (CEL) rules of a CRD schema into the small tree the runtime
 * walks (`src/validate/schema/cel.ts`): only the branches that lead to a rule are kept, so an object is
 * walked only where a rule applies. Rules under `allOf` apply at the same node, as the API server
 * evaluates them (kubernetes/apiextensions-apiserver pkg/apiserver/schema/cel/validation.go:320-332 @ v0.36.3).
 */
import type { CelRule, CelTree, Defaults } from '../src/validate/schema/cel-format.js';
import type { CrdSchema } from './crd-sources.js';

const obj = (v: unknown): CrdSchema | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as CrdSchema) : undefined);

/** The rule tree of a schema, or `undefined` when it has no rule. */
export function celTree(s: CrdSchema): CelTree | undefined {
  const t: CelTree = {};
  const rules = [s, ...(Array.isArray(s.allOf) ? s.allOf.map(obj).filter((x) => x !== undefined) : [])].flatMap(rulesOf);
  if (rules.length > 0) {
    t.r = rules;
    const d = defaultsOf(s);
    if (d) t.d = d;
  }
  const props = obj(s.properties);
  if (props) {
    const p: Record<string, CelTree> = {};
    for (const name of Object.keys(props).sort()) {
      const sub = celTree(obj(props[name]) ?? {});
      if (sub) p[name] = sub;
    }
    if (Object.keys(p).length > 0) t.p = p;
  }
  const items = obj(s.items);
  const i = items && celTree(items);
  if (i) t.i = i;
  const additional = obj(s.additionalProperties);
  const m = additional && celTree(additional);
  if (m) t.m = m;
  return Object.keys(t).length > 0 ? t : undefined;
}

/** The defaults below a schema node, or `undefined` when there is none. */
function defaultsOf(s: CrdSchema): Defaults | undefined {
  const d: Defaults = {};
  if (s.default !== undefined) d.v = s.default;
  const props = obj(s.properties);
  if (props) {
    const p: Record<string, Defaults> = {};
    for (const name of Object.keys(props).sort()) {
      const sub = defaultsOf(obj(props[name]) ?? {});
      if (sub) p[name] = sub;
    }
    if (Object.keys(p).length > 0) d.p = p;
  }
  const items = obj(s.items);
  const i = items && defaultsOf(items);
  if (i) d.i = i;
  const additional = obj(s.additionalProperties);
  const m = additional && defaultsOf(additional);
  if (m) d.m = m;
  return Object.keys(d).length > 0 ? d : undefined;
}

function rulesOf(s: CrdSchema): CelRule[] {
  const list = s['x-kubernetes-validations'];
  if (!Array.isArray(list)) return [];
  const out: CelRule[] = [];
  for (const raw of list) {
    const r = obj(raw);
    if (!r || typeof r.rule !== 'string') continue;
    const rule: CelRule = { rule: r.rule };
    if (typeof r.message === 'string' && r.message.trim() !== '') rule.message = r.message.trim();
    if (typeof r.messageExpression === 'string') rule.messageExpression = r.messageExpression;
    if (typeof r.fieldPath === 'string') rule.fieldPath = r.fieldPath;
    if (typeof r.reason === 'string') rule.reason = r.reason;
    out.push(rule);
  }
  return out;
}
