import { describe, expect, it } from 'vitest';
import { memoryFs } from '../../src/core/fs.js';
import { readManifests } from '../../src/validate/manifests.js';
import { validatePaths } from '../../src/validate/paths.js';
import { summaryLine } from '../../src/report/result.js';
/** Every file and document `readManifests` hands over, in order. */
async function loadManifests(fs, paths, options = {}) {
    const out = { files: [], documents: [] };
    await readManifests({ fs, paths }, { file: (f) => void out.files.push(f), document: (d) => void out.documents.push(d) }, options);
    return out;
}
const CM = (name) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  a: b\n`;
/** `file:line #index kind-or-error` for each loaded document. */
async function shape(fs, paths, options = {}) {
    return (await loadManifests(fs, paths, options)).documents.map((d) => {
        const what = d.error ? `${d.error.check}: ${d.error.message}` : (d.object.metadata?.name ?? '?');
        return `${d.file}:${d.line ?? '-'} #${d.index} ${what}`;
    });
}
describe('readManifests', () => {
    it('splits multi-document YAML and keeps each starting line', async () => {
        const fs = memoryFs({ 'a.yaml': `# leading comment\n${CM('one')}---\n${CM('two')}--- # a comment\n\n${CM('three')}` });
        expect(await shape(fs, ['a.yaml'])).toEqual(['a.yaml:2 #0 one', 'a.yaml:9 #1 two', 'a.yaml:17 #2 three']);
    });
    it('skips empty documents', async () => {
        const fs = memoryFs({ 'a.yaml': `---\n---\n# only a comment\n---\n${CM('one')}---\n` });
        expect(await shape(fs, ['a.yaml'])).toEqual(['a.yaml:5 #0 one']);
    });
    it('walks folders recursively, sorted, only .yaml/.yml/.json', async () => {
        const fs = memoryFs({
            'm/b.yml': CM('b'),
            'm/a.yaml': CM('a'),
            'm/sub/c.json': JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }),
            'm/README.md': '# not a manifest',
            'm/.git/config.yaml': CM('ignored'),
        });
        const loaded = await loadManifests(fs, ['m']);
        expect(loaded.files).toEqual(['m/a.yaml', 'm/b.yml', 'm/sub/c.json']);
        expect(await shape(fs, ['m/'])).toEqual(['m/a.yaml:1 #0 a', 'm/b.yml:1 #0 b', 'm/sub/c.json:1 #0 c']);
    });
    it('expands kind: List like kubeconform', async () => {
        const list = { apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'y' } }] };
        const fs = memoryFs({ 'l.yaml': `${CM('first')}---\n${JSON.stringify(list)}\n` });
        expect(await shape(fs, ['l.yaml'])).toEqual(['l.yaml:1 #0 first', 'l.yaml:8 #1 x', 'l.yaml:8 #2 y']);
    });
    it('reports a YAML syntax error with its line and goes on with the next document', async () => {
        const fs = memoryFs({ 'bad.yaml': `${CM('ok')}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n    bad: indentation\n---\n${CM('after')}` });
        expect(await shape(fs, ['bad.yaml'])).toEqual([
            'bad.yaml:1 #0 ok',
            'bad.yaml:12 #1 manifest/yaml: YAML syntax error: bad indentation of a mapping entry',
            'bad.yaml:14 #2 after',
        ]);
    });
    it('reports duplicate keys naming the key and both lines (kubeconform -strict refuses them too)', async () => {
        const fs = memoryFs({ 'dup.yaml': 'apiVersion: v1\nkind: ConfigMap\nkind: Secret\n' });
        expect(await shape(fs, ['dup.yaml'])).toEqual(['dup.yaml:3 #0 yaml/duplicate-key: duplicate key "kind" at lines 2 and 3; kubectl apply and Argo CD keep the last value without a word (sigs.k8s.io/yaml decodes non-strictly), kustomize refuses the file ("mapping key already defined")']);
    });
    it('keeps timestamps as strings, as the Kubernetes YAML parser does', async () => {
        const fs = memoryFs({ 't.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: t\ndata:\n  when: 2024-01-01\n' });
        const [doc] = (await loadManifests(fs, ['t.yaml'])).documents;
        expect((doc?.object).data.when).toBe('2024-01-01');
    });
    it('turns a missing path into an error result', async () => {
        expect(await shape(memoryFs({}), ['nope.yaml'])).toEqual(['nope.yaml:- #0 manifest/unreadable: no such file or directory']);
    });
    it('turns an unreadable file into an error result', async () => {
        const fs = {
            ...memoryFs({ 'x.yaml': 'a: b' }),
            readText: () => {
                throw new Error('reading x.yaml', { cause: new Error('EACCES: permission denied') });
            },
        };
        expect(await shape(fs, ['x.yaml'])).toEqual(['x.yaml:- #0 manifest/unreadable: cannot read the file: EACCES: permission denied']);
    });
    it('refuses files over the size limit, asking the file system to read no more than the limit', async () => {
        const limits = [];
        const base = memoryFs({ 'big.yaml': CM('big') });
        const fs = { ...base, readText: (p, o) => (limits.push(o?.maxBytes), base.readText(p, o)) };
        expect(await shape(fs, ['big.yaml'], { maxFileBytes: 10 })).toEqual(['big.yaml:- #0 manifest/too-large: file is 66 bytes, more than the limit of 10 bytes']);
        expect(limits).toEqual([10]);
    });
    it('refuses an alias bomb quickly', async () => {
        const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
        for (let i = 1; i < 10; i++) {
            const prev = String.fromCharCode(96 + i);
            const cur = String.fromCharCode(97 + i);
            levels.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
        }
        const fs = memoryFs({ 'bomb.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\n${levels.join('\n')}\n` });
        const started = Date.now();
        const docs = await shape(fs, ['bomb.yaml']);
        expect(Date.now() - started).toBeLessThan(5000);
        expect(docs).toEqual(['bomb.yaml:1 #0 manifest/alias-expansion: document refused: its YAML aliases expand to more than 1000000 nodes (or refer to themselves)']);
    });
    // Manifests are read with js-yaml's core schema, not the config reader: a tag outside it is an error
    // document (kubectl would read `!!binary` or `!!timestamp` differently again), while merge keys are
    // merged as kubectl merges them, so what is validated is what the cluster gets.
    it.each([
        ['!!omap [b: 1]', 'unknown tag !<tag:yaml.org,2002:omap>'],
        ['!!set {b}', 'unknown tag !<tag:yaml.org,2002:set>'],
        ['!!binary aGk=', 'unknown tag !<tag:yaml.org,2002:binary>'],
        ['!!timestamp 2027-03-01', 'unknown tag !<tag:yaml.org,2002:timestamp>'],
        ['!custom b', 'unknown tag !<!custom>'],
    ])('refuses the tag in data: %s', async (value, reason) => {
        const fs = memoryFs({ 'm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m\ndata:\n  a: ${value}\n` });
        expect(await shape(fs, ['m.yaml'])).toEqual([`m.yaml:6 #0 manifest/yaml: YAML syntax error: ${reason}`]);
    });
    it('accepts ordinary anchors and merge keys', async () => {
        const fs = memoryFs({ 'm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m\n  labels: &l {app: m}\n  annotations:\n    <<: *l\n' });
        const [doc] = (await loadManifests(fs, ['m.yaml'])).documents;
        expect((doc?.object).metadata.annotations).toEqual({ app: 'm' });
    });
});
describe('the per-document hook (detectors)', () => {
    it('runs on every non-empty document with its text and the file line of its first line; findings go to its first resource', async () => {
        const seen = [];
        const detector = ({ file, text, firstLine }) => {
            seen.push(`${file}:${firstLine} ${JSON.stringify(text)}`);
            const at = text.split('\n').findIndex((l) => l.includes(': yes'));
            return at < 0 ? [] : [{ check: 'yaml/ambiguous', severity: 'warning', file, line: firstLine + at, message: 'yes is a string in YAML 1.2' }];
        };
        const list = '{"apiVersion": "v1", "kind": "List", "items": [{"kind": "A"}, {"kind": "B"}]}';
        const fs = memoryFs({ 'a.yaml': `a: 1\n---\n# empty\n---\nb: yes\n--- # c\n${list}\n` });
        const docs = (await loadManifests(fs, ['a.yaml'], { detectors: [detector] })).documents;
        expect(seen).toEqual(['a.yaml:1 "a: 1\\n"', 'a.yaml:4 "\\nb: yes\\n"', 'a.yaml:6 " # c\\n' + list.replace(/"/g, '\\"') + '\\n"']);
        expect(docs.map((d) => `${d.index} ${(d.findings ?? []).map((f) => `${f.line} ${f.message}`).join()}`)).toEqual(['0 ', '1 5 yes is a string in YAML 1.2', '2 ', '3 ']);
    });
    it('reaches validatePaths: a detector error makes a schema-valid resource invalid', async () => {
        const fs = memoryFs({ 'c.yaml': CM('c') });
        const detector = ({ file, firstLine }) => [{ check: 'yaml/duplicate-key', severity: 'error', file, line: firstLine, message: 'duplicate' }];
        const report = await validatePaths({ fs }, { paths: ['c.yaml'], detectors: [detector] });
        expect(report.results.map((r) => `${r.status} ${r.findings.map((f) => f.check).join()}`)).toEqual(['invalid yaml/duplicate-key']);
    });
});
describe('standard input', () => {
    it('"-" reads the stream given as stdin, named "stdin"', async () => {
        const out = [];
        await readManifests({ fs: memoryFs({}), paths: ['-'], stdin: () => ['apiVersion: v1\nkind: Con', `figMap\nmetadata:\n  name: s\n---\n${CM('t')}`] }, { file: (f) => void out.push(`file ${f}`), document: (d) => void out.push(`${d.file}:${d.line} #${d.index}`) });
        expect(out).toEqual(['file stdin', 'stdin:1 #0', 'stdin:6 #1']);
    });
});
describe('validatePaths', () => {
    it('produces one result per resource and the kubeconform summary', async () => {
        const fs = memoryFs({
            'apps/ok.yaml': `${CM('ok')}---\n${CM('Bad_Name')}`,
            'apps/broken.yaml': 'apiVersion: v1\nkind: [\n',
            'apps/widget.yaml': 'apiVersion: suoke.life/v1\nkind: Widget\nmetadata:\n  name: w\n',
        });
        const report = await validatePaths({ fs }, { paths: ['apps'] });
        expect(report.results.map((r) => `${r.file}#${r.index} ${r.status} ${r.object ?? ''}`)).toEqual([
            'apps/broken.yaml#0 error ',
            'apps/ok.yaml#0 valid v1/ConfigMap ok',
            'apps/ok.yaml#1 invalid v1/ConfigMap Bad_Name',
            'apps/widget.yaml#0 error suoke.life/v1/Widget w',
        ]);
        expect(summaryLine(report)).toBe('Summary: 4 resources found in 3 files - Valid: 1, Invalid: 1, Errors: 2, Skipped: 0');
    });
});
