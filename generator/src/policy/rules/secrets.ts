/** Secrets in plain sight: literal env values, ConfigMap keys, Secret objects with data. */
import type { Obj, Rule, RuleContext } from '../engine.js';
import { containers, isWorkload, label, list, podTemplate, rec, str, type Segments } from './pod.js';
import type { Finding } from '../../core/finding.js';

const SECRET_WORDS = new Set(['PASSWORD', 'PASSWD', 'PWD', 'SECRET', 'TOKEN', 'KEY', 'APIKEY', 'PRIVATEKEY', 'CREDENTIAL', 'CREDENTIALS']);
/** A last word that makes the variable a setting about a secret, not the secret: `TOKEN_TTL_SECONDS`, `KEY_PATH`. */
const ABOUT_WORDS = new Set(['TTL', 'SECONDS', 'SECS', 'MINUTES', 'HOURS', 'EXPIRY', 'EXPIRES', 'EXPIRATION', 'LENGTH', 'SIZE', 'PATH', 'FILE', 'DIR', 'NAME', 'ID', 'HEADER', 'ALGORITHM', 'ENABLED', 'URL', 'URI']);
const URL_WITH_CREDENTIALS = /^[a-z][a-z0-9+.-]*:\/\/[^/@\s:]+:[^/@\s]+@/i;

/** Whether a variable named `name` holding `value` looks like a secret written out. */
export function looksSecret(name: string, value: string): 'credentials' | 'name' | undefined {
  if (URL_WITH_CREDENTIALS.test(value)) return 'credentials';
  if (value === '' || /^(\d+(\.\d+)?[a-z]{0,2}|true|false)$/i.test(value)) return undefined;
  const words = name.toUpperCase().split(/[_.-]+/).filter((w) => w !== '');
  if (words.length === 0 || ABOUT_WORDS.has(words[words.length - 1]!)) return undefined;
  const upper = name.toUpperCase();
  if (words.some((w) => SECRET_WORDS.has(w)) || /PASSWORD|SECRET|TOKEN/.test(upper)) return 'name';
  return undefined;
}

function report(ctx: RuleContext, at: Segments, who: string, name: string, kind: 'credentials' | 'name'): Finding {
  return ctx.report(
    at,
    kind === 'credentials' ? `${who} "${name}" is a URL with a user and password written out` : `${who} "${name}" holds a literal value that looks like a secret`,
    'keep it in the secret store: declare it under `secrets` in apps/<service>/service.yaml (an ExternalSecret), and read it with valueFrom.secretKeyRef',
  );
}

export const secretEnv: Rule = {
  id: 'secret-env',
  description: 'No secrets as literal values: env vars named like *PASSWORD*, *SECRET*, *TOKEN*, *KEY*, URLs with credentials, in containers or ConfigMaps.',
  severity: { development: 'error', production: 'error' },
  applies: (o) => isWorkload(o) || o.kind === 'ConfigMap',
  check(obj, ctx) {
    if (obj.kind === 'ConfigMap') {
      return Object.entries(rec(obj.data)).flatMap(([k, v]) => {
        const kind = typeof v === 'string' ? looksSecret(k, v) : undefined;
        return kind ? [report(ctx, ['data', k], 'ConfigMap key', k, kind)] : [];
      });
    }
    return containers(podTemplate(obj)!).flatMap((c) =>
      list(c.c.env).flatMap((e, i) => {
        const x = rec(e);
        const name = str(x.name);
        const value = str(x.value);
        if (name === undefined || value === undefined) return [];
        const kind = looksSecret(name, value);
        return kind ? [report(ctx, [...c.at, 'env', i, 'value'], `${label(c)} env var`, name, kind)] : [];
      }),
    );
  },
};

export const secretData: Rule = {
  id: 'secret-data',
  description: 'No Secret objects with `data` or `stringData` in Git: secrets come from the secret store through ExternalSecrets.',
  severity: { development: 'error', production: 'error' },
  applies: (o) => o.kind === 'Secret' && o.apiVersion === 'v1',
  check(obj: Obj, ctx) {
    return (['data', 'stringData'] as const)
      .filter((f) => Object.keys(rec(obj[f])).length > 0)
      .map((f) => ctx.report([f], `Secret carries ${f} (${Object.keys(rec(obj[f])).sort().join(', ')}) in the repository`, 'remove the Secret; declare the values under `secrets` in apps/<service>/service.yaml so an ExternalSecret fetches them'));
  },
};

export const duplicateEnv: Rule = {
  id: 'duplicate-env',
  description: 'A container sets each environment variable once (the last silently wins).',
  severity: { development: 'warning', production: 'error' },
  applies: isWorkload,
  check(obj, ctx) {
    return containers(podTemplate(obj)!).flatMap((c) => {
      const first = new Map<string, number>();
      return list(c.c.env).flatMap((e, i) => {
        const name = str(rec(e).name);
        if (name === undefined) return [];
        const seen = first.get(name);
        if (seen === undefined) {
          first.set(name, i);
          return [];
        }
        return [ctx.report([...c.at, 'env', i, 'name'], `${label(c)} sets env var "${name}" twice (env[${seen}] and env[${i}]); the last one wins`, 'remove one of them')];
      });
    });
  },
};
