/**
 * End-to-end: `validate` of a copy of the repository (drift, schema, real kustomize builds), in every
 * output format. The copies share one kustomize cache (see `tempRepo`), so only the first full run
 * builds every path cold; a tampered file changes the cache key of the paths reading it, so those
 * are really rebuilt.
 */
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_HEADER, runCli, tempRepo } from '../helpers/cli.js';
import { loadConfig } from '../../src/config/load.js';
import { diskFs } from '../../src/core/fs.js';
import { renderOf, waivedLines } from '../helpers/platform.js';
import { loadOptions } from '../helpers/load-options.js';
const DRIFT_HINT = '  hint: run `npm run render` and commit the result';
const DIFFERS = 'committed file differs from a fresh render (edited by hand, or the configuration changed without re-rendering) (drift/differs)';
const KUSTOMIZE_HINT = '  hint: this is a generator bug or a hand edit of generated files: run `npm run render`; if it persists, report it';
/** The numbers of a clean repository: every intended object of every Argo CD path. */
function counts(root) {
    const targets = renderOf(root).targets;
    return { resources: targets.reduce((n, t) => n + t.objects.length, 0), files: targets.length };
}
function summary(root, errors = 0) {
    const c = counts(root);
    return `Summary: ${c.resources} resources found in ${c.files} files - Valid: ${c.resources}, Invalid: 0, Errors: ${errors}, Skipped: 0`;
}
/** 1-based line of the first difference when `added` is appended to `text` (as drift reports it). */
const lineAfter = (text) => text.split('\n').length;
/**
 * Finds the overlay of xiaoai in dev and the JSON patch operation that sets the HPA's minReplicas
 * there (inline in the kustomization or in a patch file, whichever the layout uses).
 */
function minReplicasPatch(repo) {
    const dir = 'clusters/dev/dev/xiaoai';
    for (const name of fs.readdirSync(repo.abs(dir)).sort()) {
        const file = `${dir}/${name}`;
        const text = repo.read(file);
        const m = /path: \/spec\/minReplicas\n\s+value: (\d+)\n/.exec(text);
        if (m)
            return { file, line: text.slice(0, m.index + m[0].length - 1).split('\n').length, value: Number(m[1]) };
    }
    throw new Error(`no /spec/minReplicas patch under ${dir}`);
}
/** Raises the dev HPA minimum of xiaoai by 4 in its overlay patch, as a hand edit would. */
function tamperMinReplicas(repo) {
    const patch = minReplicasPatch(repo);
    const tampered = patch.value + 4;
    const lines = repo.read(patch.file).split('\n');
    lines[patch.line - 1] = lines[patch.line - 1].replace(`value: ${patch.value}`, `value: ${tampered}`);
    repo.write(patch.file, lines.join('\n'));
    expect(minReplicasPatch(repo).value).toBe(tampered);
    return { ...patch, tampered };
}
describe('validate on a copy of the repository', () => {
    it('exits 0 and prints exactly the summary (with real kustomize builds, cold cache)', async () => {
        const repo = tempRepo('repo');
        const r = await runCli(['validate', '--no-simulate', '--root', repo.root]);
        expect(r).toEqual({ code: 0, signal: null, stdout: [...(await waivedLines(repo.root)), summary(repo.root), ''].join('\n'), stderr: '' });
        // The builds really ran: their results are cached now.
        expect(fs.readdirSync(repo.abs('node_modules/.cache/suoke-gitops/kustomize')).length).toBeGreaterThan(counts(repo.root).files);
    });
    it.each([['--schema-only'], ['--no-kustomize']])('%s exits 0 with the same summary', async (flag) => {
        const repo = tempRepo('repo', { shareKustomizeCache: false });
        const r = await runCli(['validate', flag, '--root', repo.root]);
        // --schema-only runs no policies, so nothing is waived.
        const waived = flag === '--schema-only' ? [] : await waivedLines(repo.root);
        expect(r).toEqual({ code: 0, signal: null, stdout: [...waived, summary(repo.root), ''].join('\n'), stderr: '' });
        // Neither ran kustomize.
        expect(fs.existsSync(repo.abs('node_modules/.cache/suoke-gitops/kustomize'))).toBe(false);
    });
    it('a hand-edited generated file: exit 1, the file and the first differing line named', async () => {
        const repo = tempRepo('repo');
        const file = 'apps/xiaoai/base/service.yaml';
        const text = repo.read(file);
        // A comment: kustomize builds the same objects, so drift is the only finding.
        repo.write(file, `${text}# tuned by hand\n`);
        const r = await runCli(['validate', '--no-simulate', '--root', repo.root]);
        expect(r).toEqual({
            code: 1,
            signal: null,
            stdout: [...(await waivedLines(repo.root)), `${file}:${lineAfter(text)} - error: ${DIFFERS}`, DRIFT_HINT, summary(repo.root, 1), ''].join('\n'),
            stderr: '',
        });
    });
    it('a stale and a missing generated file: exit 1, both named (without kustomize)', async () => {
        const repo = tempRepo('repo');
        repo.write('apps/xiaoai/base/old-configmap.yaml', `${GENERATED_HEADER} from apps/xiaoai/service.yaml. Do not edit: change the source and re-render.\nkind: ConfigMap\n`);
        repo.remove('clusters/prod/prod/shared/kustomization.yaml');
        const r = await runCli(['validate', '--no-kustomize', '--root', repo.root]);
        expect(r).toEqual({
            code: 1,
            signal: null,
            stdout: [
                ...(await waivedLines(repo.root)),
                'apps/xiaoai/base/old-configmap.yaml - error: generated file is no longer produced by the render (drift/stale)',
                DRIFT_HINT,
                'clusters/prod/prod/shared/kustomization.yaml - error: generated file is missing from the repository (drift/missing)',
                DRIFT_HINT,
                summary(repo.root, 2),
                '',
            ].join('\n'),
            stderr: '',
        });
    });
    it('a stale generated file with kustomize: named, and the builds are unaffected', async () => {
        const repo = tempRepo('repo');
        repo.write('clusters/dev/dev/xiaoai/leftover.yaml', `${GENERATED_HEADER} from apps/xiaoai/service.yaml. Do not edit.\n- op: remove\n  path: /spec\n`);
        const r = await runCli(['validate', '--no-simulate', '--root', repo.root]);
        expect(r).toEqual({
            code: 1,
            signal: null,
            stdout: [...(await waivedLines(repo.root)), 'clusters/dev/dev/xiaoai/leftover.yaml - error: generated file is no longer produced by the render (drift/stale)', DRIFT_HINT, summary(repo.root, 1), ''].join('\n'),
            stderr: '',
        });
    });
    it('a tampered overlay patch: exit 1, the drift and what kustomize builds instead (text and json)', async () => {
        const repo = tempRepo('repo');
        const patch = tamperMinReplicas(repo);
        const tampered = patch.tampered;
        const text = await runCli(['validate', '--no-simulate', '--root', repo.root]);
        expect(text).toEqual({
            code: 1,
            signal: null,
            stdout: [
                ...(await waivedLines(repo.root)),
                `clusters/dev/dev/xiaoai - HorizontalPodAutoscaler suoke-dev/xiaoai error: spec.minReplicas: kustomize builds ${tampered} where the generator intended ${patch.value} (kustomize/differs)`,
                KUSTOMIZE_HINT,
                `${patch.file}:${patch.line} - error: ${DIFFERS}`,
                DRIFT_HINT,
                summary(repo.root, 2),
                '',
            ].join('\n'),
            stderr: '',
        });
        const json = await runCli(['validate', '--no-simulate', '-o', 'json', '--root', repo.root]);
        expect(json.code).toBe(1);
        expect(json.stderr).toBe('');
        const c = counts(repo.root);
        // The exact text, so key order counts too.
        expect(json.stdout).toBe(`${JSON.stringify({
            resources: [],
            findings: [
                {
                    check: 'kustomize/differs',
                    severity: 'error',
                    file: 'clusters/dev/dev/xiaoai',
                    object: 'autoscaling/v2/HorizontalPodAutoscaler suoke-dev/xiaoai',
                    path: 'spec.minReplicas',
                    message: `kustomize builds ${tampered} where the generator intended ${patch.value}`,
                    hint: 'this is a generator bug or a hand edit of generated files: run `npm run render`; if it persists, report it',
                },
                {
                    check: 'drift/differs',
                    severity: 'error',
                    file: patch.file,
                    line: patch.line,
                    message: 'committed file differs from a fresh render (edited by hand, or the configuration changed without re-rendering)',
                    hint: 'run `npm run render` and commit the result',
                },
            ],
            summary: { resources: c.resources, files: c.files, valid: c.resources, invalid: 0, errors: 2, skipped: 0 },
        }, null, 2)}\n`);
    });
    // Regression (report/text.ts, fixed): the text format prints findings that are not tied to one
    // resource as `file[:line] - severity: message (check)`, dropping their `object` and `path`. For a
    // kustomize difference the default output therefore reads
    //   clusters/dev/dev/xiaoai - HorizontalPodAutoscaler suoke-dev/xiaoai error: spec.minReplicas: kustomize builds 5 where the generator intended 1 (kustomize/differs)
    // without saying which object or field (json and junit carry `object` and `path`:
    // `autoscaling/v2/HorizontalPodAutoscaler suoke-dev/xiaoai`, `spec.minReplicas`; tap drops the object too).
    it('regression: the text output of a kustomize difference names the object and the field', async () => {
        const repo = tempRepo('repo');
        tamperMinReplicas(repo);
        const r = await runCli(['validate', '--no-simulate', '--root', repo.root]);
        const line = r.stdout.split('\n').find((l) => l.includes('(kustomize/differs)'));
        expect(line).toMatch(/HorizontalPodAutoscaler.*xiaoai/);
        expect(line).toContain('spec.minReplicas');
    });
});
describe('validate output formats on a clean copy', () => {
    it('-o json: parses, has the documented shape and the counts', async () => {
        const repo = tempRepo('repo');
        const r = await runCli(['validate', '-o', 'json', '--no-kustomize', '--root', repo.root]);
        expect(r.code).toBe(0);
        expect(r.stderr).toBe('');
        const c = counts(repo.root);
        const parsed = JSON.parse(r.stdout);
        expect(parsed).toEqual({ resources: [], findings: [], summary: { resources: c.resources, files: c.files, valid: c.resources, invalid: 0, errors: 0, skipped: 0 } });
        expect(Object.keys(parsed)).toEqual(['resources', 'findings', 'summary']);
        expect(Object.keys(parsed.summary)).toEqual(['resources', 'files', 'valid', 'invalid', 'errors', 'skipped']);
        expect(r.stdout).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
    });
    it('-o json -v lists every resource as valid, with its file, index, object and kind', async () => {
        const repo = tempRepo('repo');
        const r = await runCli(['validate', '-o', 'json', '-v', '--no-kustomize', '--root', repo.root]);
        expect(r.code).toBe(0);
        const parsed = JSON.parse(r.stdout);
        expect(parsed.resources).toHaveLength(counts(repo.root).resources);
        // The workload kind follows the configuration: prod's gray release is on xiaoke (a Rollout);
        // xiaoai has none there (a Deployment).
        const config = loadConfig(diskFs(repo.root), loadOptions);
        const grayInProd = (s) => config.services.find((x) => x.name === s)?.environments['prod']?.grayRelease !== undefined;
        expect([grayInProd('xiaoai'), grayInProd('xiaoke')]).toEqual([false, true]);
        // The Rollout CRD's selector immutability rule compares with the stored object (oldSelf): listed as skipped.
        const skippedSelectorRule = {
            check: 'schema/cel-skipped',
            severity: 'info',
            path: 'spec.selector',
            message: 'CEL transition rule not evaluated: it compares with the object stored in the cluster (oldSelf)',
            hint: 'rule: self == oldSelf',
        };
        for (const [service, object, kind, findings] of [
            ['xiaoai', 'apps/v1/Deployment suoke-prod/xiaoai', 'Deployment', []],
            ['xiaoke', 'argoproj.io/v1alpha1/Rollout suoke-prod/xiaoke', 'Rollout', [skippedSelectorRule]],
        ]) {
            expect(parsed.resources.find((x) => x['object'] === object)).toEqual({
                file: `clusters/prod/prod/${service}`,
                index: expect.any(Number),
                object,
                kind,
                status: 'valid',
                findings,
            });
        }
        const prodWorkloads = parsed.resources.filter((x) => x['file'] === 'clusters/prod/prod/xiaoke' && ['Deployment', 'Rollout'].includes(String(x['kind'])));
        expect(prodWorkloads.map((x) => x['object'])).toEqual(['argoproj.io/v1alpha1/Rollout suoke-prod/xiaoke']);
    });
    it('-o junit: well-formed XML whose counts add up', async () => {
        const repo = tempRepo('repo');
        const r = await runCli(['validate', '-o', 'junit', '--no-kustomize', '--root', repo.root]);
        expect(r.code).toBe(0);
        expect(r.stderr).toBe('');
        const c = counts(repo.root);
        const root = parseXml(r.stdout);
        expect(root.name).toBe('testsuites');
        expect(root.attrs).toEqual({ name: 'validate', tests: String(c.resources), failures: '0', errors: '0', disabled: '0' });
        expect(root.children.map((s) => s.name)).toEqual(Array(c.files).fill('testsuite'));
        expect(root.children.map((s) => s.attrs['name'])).toEqual(renderOf(repo.root).targets.map((t) => t.path).sort());
        for (const suite of root.children) {
            expect(suite.children.every((t) => t.name === 'testcase' && t.children.length === 0)).toBe(true);
            expect(suite.attrs['tests']).toBe(String(suite.children.length));
        }
        expect(root.children.reduce((n, s) => n + s.children.length, 0)).toBe(c.resources);
    });
    it('-o junit with findings: each finding an <error> testcase in its file, counted', async () => {
        const repo = tempRepo('repo');
        repo.write('apps/xiaoai/base/service.yaml', `${repo.read('apps/xiaoai/base/service.yaml')}# edited\n`);
        const r = await runCli(['validate', '-o', 'junit', '--no-kustomize', '--root', repo.root]);
        expect(r.code).toBe(1);
        const c = counts(repo.root);
        const root = parseXml(r.stdout);
        expect(root.attrs).toEqual({ name: 'validate', tests: String(c.resources + 1), failures: '0', errors: '1', disabled: '0' });
        const suite = root.children.find((s) => s.attrs['name'] === 'apps/xiaoai/base/service.yaml');
        expect(suite?.attrs).toEqual({ name: 'apps/xiaoai/base/service.yaml', id: expect.any(String), tests: '1', failures: '0', errors: '1', skipped: '0' });
        expect(suite?.children[0]?.children[0]?.name).toBe('error');
        expect(suite?.children[0]?.children[0]?.attrs['type']).toBe('drift/differs');
    });
    it('-o tap: TAP version 13, one ok line per resource, the plan last', async () => {
        const repo = tempRepo('repo');
        const r = await runCli(['validate', '-o', 'tap', '--no-kustomize', '--root', repo.root]);
        expect(r.code).toBe(0);
        expect(r.stderr).toBe('');
        const c = counts(repo.root);
        const lines = r.stdout.split('\n');
        expect(lines[0]).toBe('TAP version 13');
        expect(lines.slice(-2)).toEqual([`1..${c.resources}`, '']);
        // A valid resource with an info finding (a skipped CEL transition rule of the Rollout CRD) carries a
        // YAML diagnostic block after its ok line.
        const body = lines.slice(1, -2);
        const tests = body.filter((l) => !l.startsWith('  '));
        expect(body.filter((l) => l.startsWith('  ')).join('\n')).toMatch(/^(  ---\n  findings:\n(    .*\n|      .*\n)+  \.\.\.\n?)+$/);
        expect(tests).toHaveLength(c.resources);
        tests.forEach((l, i) => expect(l).toMatch(new RegExp(`^ok ${i + 1} - [a-z0-9/-]+ \\([A-Za-z]+ [a-z0-9.-]+\\)$`)));
    });
});
/**
 * A strict parser for the XML subset the junit format writes (declaration, elements, attributes,
 * character data, the five predefined entities and numeric references). Throws on anything not
 * well-formed: unbalanced or crossed tags, unquoted or duplicate attributes, a bare `&` or `<`,
 * text outside the root element.
 */
function parseXml(xml) {
    const decl = '<?xml version="1.0" encoding="UTF-8"?>\n';
    if (!xml.startsWith(decl))
        throw new Error('missing XML declaration');
    const checkText = (t, where) => {
        for (const m of t.matchAll(/&([^;]*);?/g))
            if (!/^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);$/.test(m[0]))
                throw new Error(`bad entity ${m[0]} at ${where}`);
    };
    const stack = [];
    let root;
    const re = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
    re.lastIndex = decl.length;
    while (re.lastIndex < xml.length) {
        const at = re.lastIndex;
        const m = re.exec(xml);
        if (!m)
            throw new Error(`not well-formed at offset ${at}: ${JSON.stringify(xml.slice(at, at + 40))}`);
        const [, close, name, attrText, selfClose, text] = m;
        if (text !== undefined) {
            checkText(text, at);
            if (stack.length === 0 && text.trim() !== '')
                throw new Error(`text outside the root at ${at}`);
            continue;
        }
        if (close) {
            const open = stack.pop();
            if (open?.name !== name)
                throw new Error(`</${name}> closes <${open?.name}> at ${at}`);
            continue;
        }
        const attrs = {};
        for (const a of (attrText ?? '').matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) {
            if (a[1] in attrs)
                throw new Error(`duplicate attribute ${a[1]} at ${at}`);
            checkText(a[2], at);
            attrs[a[1]] = a[2];
        }
        const el = { name: name, attrs, children: [] };
        if (stack.length > 0)
            stack[stack.length - 1].children.push(el);
        else if (root)
            throw new Error(`second root element at ${at}`);
        else
            root = el;
        if (!selfClose)
            stack.push(el);
    }
    if (stack.length > 0 || !root)
        throw new Error(`unclosed <${stack[stack.length - 1]?.name}>`);
    return root;
}
// The parser must reject what is not XML, or the junit test above could not fail.
describe('parseXml (test helper)', () => {
    it.each([
        ['<?xml version="1.0" encoding="UTF-8"?>\n<a><b></a></b>\n'],
        ['<?xml version="1.0" encoding="UTF-8"?>\n<a x=1 />\n'],
        ['<?xml version="1.0" encoding="UTF-8"?>\n<a>x & y</a>\n'],
        ['<?xml version="1.0" encoding="UTF-8"?>\n<a></a><b />\n'],
        ['<?xml version="1.0" encoding="UTF-8"?>\n<a x="1" x="2" />\n'],
        ['<?xml version="1.0" encoding="UTF-8"?>\n<a>\n'],
        ['<a />\n'],
    ])('rejects %j', (xml) => {
        expect(() => parseXml(xml)).toThrow();
    });
    it('accepts entities and nesting', () => {
        expect(parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<a n="&quot;x&#10;"><b>1 &amp; 2 &lt; 3</b><c /></a>\n')).toEqual({
            name: 'a',
            attrs: { n: '&quot;x&#10;' },
            children: [
                { name: 'b', attrs: {}, children: [] },
                { name: 'c', attrs: {}, children: [] },
            ],
        });
    });
});
