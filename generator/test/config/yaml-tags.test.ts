/**
 * YAML tags and merge keys in every kind of hand-edited file (issue 8, item 9): only the YAML 1.2
 * core schema's tags are accepted, and only on values they describe; `<<` merge keys are refused.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadConfig, readConfig } from '../../src/config/load.js';
import type { FileSystem } from '../../src/core/fs.js';
import { diskFs, memoryFs } from '../../src/core/fs.js';
import type { Finding } from '../../src/core/finding.js';
import { readOverrides } from '../../src/windows/overrides.js';
import { fixtureFs, withoutSeverity } from './fixture.js';
import { loadOptions } from '../helpers/load-options.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const CORE = 'config accepts only the YAML 1.2 core tags `!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!map`, `!!seq`';

/** The repository's configuration with one file's text replaced. */
function repoWith(file: string, edit: (text: string) => string): FileSystem {
  const base = diskFs(repoRoot);
  const text = edit(base.readText(file)!);
  return { ...base, readText: (p) => (p === file ? text : base.readText(p)), size: (p) => (p === file ? Buffer.byteLength(text) : base.size(p)) };
}

describe('regression: an ordered map erased the keys of xiaoke silently', () => {
  const X = 'apps/xiaoke/service.yaml';

  test('the unedited xiaoke file renders a gray release in prod (what the tags erased)', () => {
    const xiaoke = loadConfig(diskFs(repoRoot), loadOptions).services.find((s) => s.name === 'xiaoke')!;
    expect(xiaoke.environments.prod?.grayRelease?.steps).toEqual([5, 20, 50, 100]);
    expect(xiaoke.settings).toEqual({ AI_MODEL_PATH: '/models/xiaoke' });
  });

  test('`settings: !!omap` is refused', () => {
    const fs = repoWith(X, (t) => t.replace('settings:\n  AI_MODEL_PATH: "/models/xiaoke"', 'settings: !!omap\n  - AI_MODEL_PATH: "/models/xiaoke"'));
    expect(withoutSeverity(readConfig(fs, loadOptions).findings)).toEqual([
      {
        check: 'config/yaml-tag',
        file: X,
        line: 14,
        path: 'settings',
        message: `\`settings\` has the YAML tag \`!!omap\`; ${CORE}`,
        hint: 'remove `!!omap` and write a plain mapping, one `key: value` per line without `- `: an ordered map is a list of pairs, not a mapping, so its keys would be lost',
      },
    ]);
  });

  test('`environments: !!omap` is refused', () => {
    const fs = repoWith(X, (t) => {
      const at = t.indexOf('environments:\n');
      // The block ends at the next top-level key (the waivers).
      const end = t.indexOf('\n# Policy waivers', at) + 1 || t.length;
      const rest = t.slice(at + 'environments:\n'.length, end).replace(/^ {2}prod:/, '- prod:').replace(/\n(?=.)/g, '\n  ');
      return `${t.slice(0, at)}environments: !!omap\n  ${rest}${t.slice(end)}`;
    });
    expect(fs.readText(X)).toContain('environments: !!omap\n  - prod:\n      # Gray release');
    expect(withoutSeverity(readConfig(fs, loadOptions).findings)).toEqual([
      {
        check: 'config/yaml-tag',
        file: X,
        line: 28,
        path: 'environments',
        message: `\`environments\` has the YAML tag \`!!omap\`; ${CORE}`,
        hint: 'remove `!!omap` and write a plain mapping, one `key: value` per line without `- `: an ordered map is a list of pairs, not a mapping, so its keys would be lost',
      },
    ]);
  });
});

/** A tagged value and the hint its refusal gives. */
const refused: [value: string, shown: string, hint: string][] = [
  ['!!omap [a: 1]', '!!omap', 'remove `!!omap` and write a plain mapping, one `key: value` per line without `- `: an ordered map is a list of pairs, not a mapping, so its keys would be lost'],
  ['!!pairs [a: 1]', '!!pairs', 'remove `!!pairs` and write a plain mapping, one `key: value` per line without `- `: a list of pairs is not a mapping, so its keys would be lost'],
  ['!!set {a}', '!!set', 'remove `!!set` and write a list: `[a, b]`'],
  ['!!binary aGk=', '!!binary', 'remove `!!binary` and write the value as a quoted string'],
  ['!!timestamp 2027-03-01', '!!timestamp', 'remove `!!timestamp` and quote the date or time: `"2027-03-01T18:00:00+08:00"`'],
  ['!!merge x', '!!merge', 'remove `!!merge` and write the keys out in full'],
  ['! x', '!', 'remove the `!`; quote the value if it must be a string'],
  ['!custom x', '!custom', 'remove `!custom` and write a plain value, quoted if it must be a string'],
  ['!<tag:example.com,2000:x> y', '!<tag:example.com,2000:x>', 'remove `!<tag:example.com,2000:x>` and write a plain value, quoted if it must be a string'],
  ['!!python/object:os.system x', '!!python/object:os.system', 'remove `!!python/object:os.system` and write a plain value, quoted if it must be a string'],
];

/** Each kind of hand-edited file, with one key whose value the tests replace and how its findings come back. */
interface Kind {
  name: string;
  file: string;
  line: number;
  path: string;
  /** The findings of the file with `key: <value>` at `line`. */
  findings(value: string): Finding[];
  check?: string;
}

const at = new Date('2027-03-01T10:00:00+08:00');
const record = (reason: string) => `environments: [prod]\nreason: ${reason}\napprover: "王芳 (SRE on duty)"\nexpires: 2027-03-01T18:00:00+08:00\n`;
const kinds: Kind[] = [
  { name: 'service.yaml', file: 'apps/alpha/service.yaml', line: 3, path: 'description', findings: (v) => readConfig(fixtureFs([['apps/alpha/service.yaml', 'description: "Alpha service"', `description: ${v}`]]), loadOptions).findings },
  { name: 'cluster.yaml', file: 'clusters/nonprod/cluster.yaml', line: 4, path: 'ingressNamespace', findings: (v) => readConfig(fixtureFs([['clusters/nonprod/cluster.yaml', 'ingressNamespace: istio-ingress', `ingressNamespace: ${v}`]]), loadOptions).findings },
  { name: 'argocd.yaml', file: 'argocd/argocd.yaml', line: 2, path: 'targetRevision', findings: (v) => readConfig(fixtureFs([['argocd/argocd.yaml', '.git\n', `.git\ntargetRevision: ${v}\n`]]), loadOptions).findings },
  { name: 'changes/ override record', file: 'changes/hotfix.yaml', line: 2, path: 'reason', check: 'windows/override-invalid', findings: (v) => readOverrides(memoryFs({ 'changes/hotfix.yaml': record(v) }), ['prod'], at).findings },
];

describe('tags outside the core schema are refused in every kind of file', () => {
  const cases = kinds.flatMap((k) => refused.map(([value, shown, hint]) => ({ name: `${k.name}: ${value}`, k, value, shown, hint })));
  test.each(cases)('$name', ({ k, value, shown, hint }) => {
    expect(withoutSeverity(k.findings(value))).toEqual([
      { check: k.check ?? 'config/yaml-tag', file: k.file, line: k.line, path: k.path, message: `\`${k.path}\` has the YAML tag \`${shown}\`; ${CORE}`, hint },
    ]);
  });

  test.each(kinds)('$name: a merge key `<<` is refused, with or without `!!merge`', (k) => {
    expect(withoutSeverity(k.findings('\n  <<: {a: b}'))).toEqual([
      {
        check: k.check ?? 'config/merge-key',
        file: k.file,
        line: k.line + 1,
        path: `${k.path}["<<"]`,
        message: `\`${k.path}\` uses the merge key \`<<\`, which config does not accept`,
        hint: 'write the keys out in full: YAML 1.2 has no merge keys, and readers disagree about them (Kubernetes tools merge, others keep a key named `<<`)',
      },
    ]);
    expect(withoutSeverity(k.findings('\n  !!merge <<: {a: b}'))).toEqual([
      { check: k.check ?? 'config/yaml-tag', file: k.file, line: k.line + 1, path: `${k.path}["<<"]`, message: `\`${k.path}["<<"]\` has the YAML tag \`!!merge\`; ${CORE}`, hint: 'remove `!!merge` and write the keys out in full' },
    ]);
  });

  test('a tag handle that no %TAG directive declares is a syntax error with a hint', () => {
    expect(withoutSeverity(kinds[0]!.findings('!e!x y'))).toEqual([
      { check: 'config/yaml-syntax', file: 'apps/alpha/service.yaml', line: 3, message: 'Could not resolve tag: !e!x', hint: 'remove the tag: config accepts only the YAML 1.2 core tags, and needs none of them' },
    ]);
  });
});

describe('core tags must describe their value', () => {
  const cases: [value: string, message: string, hint: string][] = [
    ['!!int abc', 'is tagged `!!int` but is not an integer', 'remove `!!int` and write a whole number: `3`'],
    ['!!int 1.5', 'is tagged `!!int` but is not an integer', 'remove `!!int` and write a whole number: `3`'],
    ['!!float one', 'is tagged `!!float` but is not a number', 'remove `!!float` and write a number: `1.5`'],
    ['!!bool yes', 'is tagged `!!bool` but is not `true` or `false`', 'remove `!!bool` and write `true` or `false`'],
    ['!!null x', 'is tagged `!!null` but is not null', 'remove `!!null` and write nothing, or `null`'],
    ['!!map [a]', 'is tagged `!!map` but is not a mapping', 'remove `!!map` and write `key: value` lines'],
    ['!!seq {a: b}', 'is tagged `!!seq` but is not a list', 'remove `!!seq` and write a list: `[a, b]`'],
    ['!!str {a: b}', 'is tagged `!!str` but is not a string', 'remove `!!str` and write the text in quotes: `"text"`'],
  ];
  test.each(cases)('%s', (value, message, hint) => {
    expect(withoutSeverity(kinds[0]!.findings(value))).toEqual([{ check: 'config/yaml-tag', file: 'apps/alpha/service.yaml', line: 3, path: 'description', message: `\`description\` ${message}`, hint }]);
  });

  test('core tags that fit are applied: `!!str 123` is the string "123"', () => {
    const B = 'apps/beta/service.yaml';
    const config = loadConfig(
      fixtureFs([
        [B, 'MODE: "fast"', 'MODE: !!str 123'],
        [B, 'replicas: 2\n', 'replicas: !!int "2"\n'],
        [B, 'grpc: false', 'grpc: !!bool "false"'],
        [B, 'health:\n', 'health: !!map\n'],
        [B, 'data: [postgres, redis]', 'data: !!seq [postgres, redis]'],
        [B, '    cpu: "1"', '    cpu: !!float "1.5"'],
        ['clusters/nonprod/cluster.yaml', 'resourceScale: 0.25', 'resourceScale: !!float "0.25"'],
      ]),
      loadOptions,
    );
    const beta = config.services.find((s) => s.name === 'beta')!;
    expect(beta.settings).toEqual({ MODE: '123' });
    expect([beta.replicas, beta.grpc, beta.health, beta.dependsOn.data, beta.resources.limits.cpu]).toEqual([2, false, { liveness: '/live', readiness: '/ready' }, ['postgres', 'redis'], '1.5']);
    expect(config.clusters.find((c) => c.name === 'nonprod')!.environments[0]!.sizing.resourceScale).toBe(0.25);
  });
});
