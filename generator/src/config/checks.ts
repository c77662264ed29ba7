/**
 * Semantic checks of the config: grammars (names, tags, quantities, URLs, CIDRs), relations inside a
 * file (requests ≤ limits, replicas within the autoscaling range, also after per-environment
 * overrides) and across files (duplicate names, unknown services and environments).
 *
 * They run on the plain parsed data after the schema check, so every check guards its own types:
 * a value the schema already reported as mistyped is skipped here, never reported twice.
 */
import { isIP } from 'node:net';
import type { Finding } from '../core/finding.js';
import { formatPath } from '../core/finding.js';
import { isDns1123Label, isDns1123Subdomain, isDockerTag, isEnvVarName, isImageRepository, isLabelKey, isLabelValue, suggest, toDns1123Label } from '../core/names.js';
import { parseCpu, parseMemory, parseQuantity } from '../core/quantity.js';
import type { Anchor, PathSegment, YamlSource } from './yaml-source.js';
import { configFinding } from './yaml-source.js';

export type Raw = Record<string, unknown>;

/** A config file that parsed to a mapping. */
export interface ParsedFile {
  source: YamlSource;
  /** The folder the file is in: `xiaoai` for `apps/xiaoai/service.yaml`. */
  folder: string;
  data: Raw;
}

/** The name the service uses for per-environment resources; no service may take it. */
export const reservedServiceName = 'shared';

export function isRaw(v: unknown): v is Raw {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Reports findings on one file. */
export class Reporter {
  constructor(
    readonly source: YamlSource,
    readonly out: Finding[],
  ) {}
  report(check: string, path: PathSegment[], message: string, hint?: string, anchor: Anchor = 'value'): void {
    this.out.push(configFinding(check, this.source.file, this.source.lineOf(path, anchor), path, message, hint));
  }
}

const q = (path: readonly PathSegment[]) => `\`${formatPath(path)}\``;
const dnsHint = (example: string) =>
  `use at most 63 lower-case letters, digits and \`-\`, starting and ending with a letter or digit, e.g. \`${example}\``;

export function checkName(r: Reporter, path: PathSegment[], v: unknown, example: string, subdomain = false): boolean {
  if (typeof v !== 'string') return false;
  if (subdomain ? isDns1123Subdomain(v) : isDns1123Label(v)) return true;
  r.report(
    'name',
    path,
    `${q(path)} is ${JSON.stringify(v)}, not a DNS-1123 ${subdomain ? 'subdomain' : 'label'}`,
    subdomain ? `use lower-case letters, digits, \`-\` and \`.\`, e.g. \`${example}\`` : dnsHint(example),
  );
  return false;
}

/** The file's `name` must be a valid label and equal its folder name. */
export function checkOwnName(r: Reporter, f: ParsedFile, dir: string, fileName: string): void {
  const name = f.data.name;
  if (typeof name !== 'string') return;
  const folderOk = isDns1123Label(f.folder);
  // An invalid name gets one finding, whose example is the folder name when that is valid, else
  // the name made valid: every name a hint suggests must itself pass the check.
  const example = folderOk ? f.folder : (toDns1123Label(name) ?? toDns1123Label(f.folder) ?? (dir === 'apps' ? 'health-data' : 'prod'));
  if (!checkName(r, ['name'], name, example)) return;
  if (dir === 'apps' && name === reservedServiceName) {
    r.report('name', ['name'], '`shared` is reserved: the generator names per-environment resources `shared`', 'choose another service name');
  }
  if (name !== f.folder) {
    r.report(
      'name',
      ['name'],
      `\`name\` is ${JSON.stringify(name)} but the file is in ${dir}/${f.folder}/`,
      folderOk
        ? `set \`name: ${f.folder}\`, or move the file to ${dir}/${name}/${fileName}`
        : `move the file to ${dir}/${name}/${fileName}: the folder name ${JSON.stringify(f.folder)} is not a DNS-1123 label`,
    );
  }
}

export function checkImageTag(r: Reporter, path: PathSegment[], v: unknown): void {
  if (typeof v !== 'string') return;
  const hint = `pin a released tag, e.g. \`${String(path[path.length - 1])}: "1.4.2"\``;
  if (v === '') r.report('image-tag', path, `${q(path)} must not be empty`, hint);
  else if (v.toLowerCase() === 'latest') r.report('image-tag', path, `${q(path)} must not be \`${v}\`: a moving tag makes deployments unrepeatable`, hint);
  else if (!isDockerTag(v)) {
    r.report(
      'image-tag',
      path,
      `${q(path)} is ${JSON.stringify(v)}, not a valid image tag: expected 1–128 letters, digits, \`_\`, \`.\` or \`-\`, not starting with \`.\` or \`-\``,
      hint,
    );
  }
}

export function checkImage(r: Reporter, v: unknown): void {
  if (typeof v !== 'string') return;
  const lastComponent = v.slice(v.lastIndexOf('/') + 1);
  const hint = 'put the repository in `image` and the tag in `version`';
  if (v.includes('@')) r.report('image', ['image'], '`image` must not contain a digest (`@sha256:…`)', hint);
  else if (lastComponent.includes(':')) {
    const tag = lastComponent.slice(lastComponent.indexOf(':') + 1);
    r.report('image', ['image'], `\`image\` must not contain a tag (\`:${tag}\`); the tag comes from \`version\``, `remove \`:${tag}\` from \`image\` and set \`version: "${tag}"\``);
  } else if (!isImageRepository(v)) {
    r.report(
      'image',
      ['image'],
      `\`image\` is ${JSON.stringify(v)}, not a valid image repository`,
      'use lower-case path components separated by `/`, optionally after a registry host, e.g. `registry.suoke-life.com/suoke-life/xiaoai`',
    );
  }
}

/** Names of an environment-variable map must be valid; returns the valid names. */
export function checkEnvNames(r: Reporter, path: PathSegment[], map: unknown): string[] {
  if (!isRaw(map)) return [];
  const names: string[] = [];
  for (const key of Object.keys(map)) {
    if (isEnvVarName(key)) names.push(key);
    else r.report('env-name', [...path, key], `${q([...path, key])}: \`${key}\` is not a valid environment variable name`, envNameHint(key), 'key');
  }
  return names;
}

export function envNameHint(key: string): string {
  const fixed = key.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(\d)/, '_$1').toUpperCase();
  return `use letters, digits and \`_\`, not starting with a digit, e.g. \`${fixed || 'MY_SETTING'}\``;
}

interface Amounts {
  cpu?: number;
  memory?: number;
}

/** Checks `{cpu, memory}` at `path`; returns the parsed amounts (millicores, bytes) that are valid. */
export function checkAmounts(r: Reporter, path: PathSegment[], v: unknown): Amounts {
  const out: Amounts = {};
  if (!isRaw(v)) return out;
  const cpu = v.cpu;
  if (typeof cpu === 'string' || typeof cpu === 'number') {
    const p = [...path, 'cpu'];
    const m = parseCpu(cpu);
    const byteStyle = typeof cpu === 'string' ? /^([+-]?[\d.]+)([KMGTPE]i?)$/.exec(cpu) : null;
    const value = parseQuantity(cpu);
    if (m === undefined && byteStyle) {
      r.report(
        'quantity',
        p,
        `${q(p)} is \`${cpu}\`, a memory-style amount; CPU is given in cores (\`0.5\`, \`2\`) or millicores (\`250m\`)`,
        `did you mean \`${byteStyle[1]}m\`?`,
      );
    } else if (m === undefined && value !== undefined && value < 0) {
      r.report('quantity', p, `${q(p)} is \`${cpu}\`; CPU must not be negative`, 'e.g. `cpu: 250m`');
    } else if (m === undefined && value !== undefined && Math.abs(value * 1000 - Math.round(value * 1000)) > 1e-9) {
      r.report('quantity', p, `${q(p)} is \`${cpu}\`, finer than 1m (a thousandth of a core), the smallest CPU amount Kubernetes accepts`, 'round it to whole millicores, e.g. `1m`');
    } else if (m === undefined) {
      r.report('quantity', p, `${q(p)} is \`${cpu}\`, not a CPU quantity: expected cores (\`0.5\`, \`2\`) or whole millicores (\`250m\`)`, 'e.g. `cpu: 250m`');
    } else if (m === 0) r.report('quantity', p, `${q(p)} must be more than zero`, 'e.g. `cpu: 100m`');
    else out.cpu = m;
  }
  const memory = v.memory;
  if (typeof memory === 'string' || typeof memory === 'number') {
    const p = [...path, 'memory'];
    const b = parseMemory(memory);
    const milli = typeof memory === 'string' ? /^([\d.]+)m$/.exec(memory) : null;
    if (b === undefined && milli) {
      r.report('quantity', p, `${q(p)} is \`${memory}\`, which means ${milli[1]} thousandths of a byte; memory is given in bytes`, `did you mean \`${milli[1]}Mi\`?`);
    } else if (b === undefined) {
      r.report('quantity', p, `${q(p)} is \`${memory}\`, not a memory quantity: expected whole bytes with a suffix such as \`Mi\`, \`Gi\` or \`G\``, 'e.g. `memory: 512Mi`');
    } else if (b === 0) r.report('quantity', p, `${q(p)} must be more than zero`, 'e.g. `memory: 128Mi`');
    else out.memory = b;
  }
  return out;
}

/** Reports where `small` exceeds `large` (both parsed amounts), at `smallPath`. */
export function checkNotAbove(
  r: Reporter,
  smallPath: PathSegment[],
  small: Amounts,
  largePath: PathSegment[],
  large: Amounts,
  raw: { small: unknown; large: unknown },
  hint: string,
): void {
  for (const k of ['cpu', 'memory'] as const) {
    const s = small[k];
    const l = large[k];
    if (s === undefined || l === undefined || s <= l) continue;
    const sv = (raw.small as Raw)[k];
    const lv = (raw.large as Raw)[k];
    r.report('quantity', [...smallPath, k], `${q([...smallPath, k])} (${String(sv)}) is more than ${q([...largePath, k])} (${String(lv)})`, hint);
  }
}

export function checkResources(r: Reporter, path: PathSegment[], v: unknown): void {
  if (!isRaw(v)) return;
  const requests = checkAmounts(r, [...path, 'requests'], v.requests);
  const limits = checkAmounts(r, [...path, 'limits'], v.limits);
  checkNotAbove(r, [...path, 'requests'], requests, [...path, 'limits'], limits, { small: v.requests, large: v.limits }, 'a request may not exceed its limit: lower the request or raise the limit');
}

export function checkCidr(r: Reporter, path: PathSegment[], v: unknown): void {
  if (typeof v !== 'string') return;
  const m = /^([^/]+)\/(\d{1,3})$/.exec(v);
  const family = m ? isIP(m[1]!) : 0;
  const bits = m ? Number(m[2]) : NaN;
  if (family === 0 || bits > (family === 4 ? 32 : 128) || (m![2]!.length > 1 && m![2]!.startsWith('0'))) {
    r.report('cidr', path, `${q(path)} is ${JSON.stringify(v)}, not an IPv4 or IPv6 CIDR`, 'write an address and prefix length, e.g. `203.0.113.10/32` or `2001:db8::/32`');
  }
}

/** Whole numbers of replicas: at least 1. Returns the value when it is usable for range checks. */
export function checkReplicaCount(r: Reporter, path: PathSegment[], v: unknown, hint: string): number | undefined {
  if (typeof v !== 'number' || !Number.isInteger(v)) return undefined;
  if (v < 1) {
    r.report('replicas-range', path, `${q(path)} must be at least 1; found ${v}`, hint);
    return undefined;
  }
  return v;
}

/** Checks an autoscaling mapping; returns its range when it is consistent. */
export function checkAutoscaling(r: Reporter, path: PathSegment[], v: unknown): { min: number; max: number } | undefined {
  if (!isRaw(v)) return undefined;
  const min = checkReplicaCount(r, [...path, 'minReplicas'], v.minReplicas, 'an HPA keeps at least one replica; use `autoscaling: false` for a fixed count');
  const max = checkReplicaCount(r, [...path, 'maxReplicas'], v.maxReplicas, 'set it to at least `minReplicas`');
  if (min === undefined || max === undefined) return undefined;
  if (max < min) {
    r.report('replicas-range', [...path, 'maxReplicas'], `${q([...path, 'maxReplicas'])} (${max}) is less than ${q([...path, 'minReplicas'])} (${min})`, 'raise `maxReplicas` or lower `minReplicas`');
    return undefined;
  }
  return { min, max };
}

export function checkReplicasInRange(r: Reporter, path: PathSegment[], replicas: number, range: { min: number; max: number }, rangePath: PathSegment[]): void {
  if (replicas >= range.min && replicas <= range.max) return;
  r.report(
    'replicas-range',
    path,
    `${q(path)} (${replicas}) is outside the range ${range.min}–${range.max} of ${q(rangePath)}`,
    `set \`replicas\` between \`minReplicas\` and \`maxReplicas\`, or change the range`,
  );
}

/** Suggestion hint for an unknown name: the nearest candidate, else the list of candidates. */
export function nearHint(name: string, candidates: readonly string[], what: string): string {
  const near = suggest(name, candidates);
  if (near) return `did you mean \`${near}\`?`;
  return candidates.length > 0 ? `${what}: ${candidates.join(', ')}` : `no ${what} are declared`;
}
