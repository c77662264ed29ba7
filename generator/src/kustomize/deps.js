import { createHash } from 'node:crypto';
import * as nodeFs from 'node:fs';
import * as nodePath from 'node:path';
import yaml from 'js-yaml';
/** The names kustomize accepts for a kustomization file, in its order of preference. */
const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
/**
 * Reads files under `root` on disk. Kinds come from one cached directory listing per directory
 * rather than a `stat` per probe: on the VMs measured a `stat` costs ~35 µs, and a re-validate
 * of ~80 paths probes ~700 names in ~150 directories.
 */
export function diskReader(root) {
    const abs = (rel) => nodePath.resolve(root, ...rel.split('/'));
    const listings = new Map();
    const listing = (dir) => {
        let l = listings.get(dir);
        if (l === undefined) {
            l = new Map();
            try {
                for (const d of nodeFs.readdirSync(dir, { withFileTypes: true })) {
                    l.set(d.name, d.isFile() ? 'file' : d.isDirectory() ? 'dir' : 'other');
                }
            }
            catch {
                // not a readable directory: everything in it is missing
            }
            listings.set(dir, l);
        }
        return l;
    };
    const statKind = (file) => {
        try {
            const st = nodeFs.statSync(file, { throwIfNoEntry: false });
            return st?.isDirectory() ? 'dir' : st?.isFile() ? 'file' : undefined;
        }
        catch {
            return undefined;
        }
    };
    return {
        read(rel) {
            try {
                return nodeFs.readFileSync(abs(rel));
            }
            catch {
                return undefined;
            }
        },
        kind(rel) {
            const file = abs(rel);
            const parent = nodePath.dirname(file);
            if (parent === file)
                return 'dir';
            const k = listing(parent).get(nodePath.basename(file));
            // Symbolic links and other special entries: ask the file system what they point to.
            return k === 'other' ? statKind(file) : k;
        },
    };
}
/**
 * Finds every file a kustomize build of a directory reads, by following the kustomization's
 * references the way kustomize does. Memoises per directory and per file, so a run over many
 * overlays of the same bases reads and hashes each file once.
 */
export class DependencyHasher {
    reader;
    parsed;
    dirs = new Map();
    inProgress = new Set();
    hashes = new Map();
    kustomizations = new Map();
    contents = new Map();
    /**
     * @param parsed memo of parsed kustomizations keyed by the sha256 of their content, shared across
     *   runs by the caller: parsing ~100 small YAML files costs ~40 ms in a fresh process, a JSON
     *   look-up nothing. Only the fields this class reads are kept.
     */
    constructor(reader, parsed = new Map()) {
        this.reader = reader;
        this.parsed = parsed;
    }
    /** Whether {@link parsed} gained entries this run (worth saving). */
    memoChanged = false;
    /**
     * Cache key of building `dir` with this kustomize version and flags, or `undefined` when the build
     * depends on something not resolvable on disk (a remote base, a Helm chart, a missing file).
     */
    key(dir, version, flags) {
        const files = this.files(dir);
        if (files === undefined)
            return undefined;
        const h = createHash('sha256');
        h.update(`suoke-kustomize-cache/1\0${version}\0${flags.join('\0')}\0${normalize(dir)}\0`);
        for (const rel of [...files].sort())
            h.update(`${rel}\0${this.hash(rel)}\n`);
        return h.digest('hex');
    }
    /** Root-relative names of all files building `dir` reads, or `undefined` (see {@link key}). */
    files(dir) {
        const d = normalize(dir);
        if (this.dirs.has(d))
            return this.dirs.get(d);
        if (this.inProgress.has(d))
            return undefined; // a cycle: kustomize rejects it, never cache it
        this.inProgress.add(d);
        const deps = this.scan(d);
        this.inProgress.delete(d);
        this.dirs.set(d, deps);
        return deps;
    }
    /**
     * Whether `dir`'s kustomization uses a field kustomize honours only in the top-level build
     * (`buildMetadata` annotations, `sortOptions`): such a path gives different output inside an
     * aggregate, so it must be built on its own. Also true when the kustomization cannot be read.
     */
    topLevelOnly(dir) {
        this.files(dir);
        const k = this.kustomizations.get(normalize(dir));
        return k === undefined || TOP_LEVEL_ONLY_FIELDS.some((f) => k[f] !== undefined);
    }
    hash(rel) {
        let h = this.hashes.get(rel);
        if (h === undefined) {
            const content = this.read(rel);
            h = content === undefined ? 'missing' : createHash('sha256').update(content).digest('hex');
            this.hashes.set(rel, h);
        }
        return h;
    }
    /** Kustomization files are read once for parsing and hashing both. */
    read(rel) {
        if (this.contents.has(rel))
            return this.contents.get(rel);
        const content = this.reader.read(rel);
        this.contents.set(rel, content);
        return content;
    }
    scan(dir) {
        const out = new Set();
        let kustomization;
        for (const name of KUSTOMIZATION_FILES) {
            const rel = join(dir, name);
            if (this.reader.kind(rel) !== 'file')
                continue;
            out.add(rel);
            if (kustomization === undefined) {
                const contentHash = this.hash(rel);
                kustomization = this.parsed.get(contentHash);
                if (kustomization === undefined) {
                    try {
                        kustomization = relevant(yaml.load(this.read(rel)?.toString('utf8') ?? '') ?? {});
                    }
                    catch {
                        return undefined;
                    }
                    if (kustomization === undefined)
                        return undefined;
                    this.parsed.set(contentHash, kustomization);
                    this.memoChanged = true;
                }
            }
        }
        if (kustomization === null || typeof kustomization !== 'object' || Array.isArray(kustomization))
            return undefined;
        this.kustomizations.set(dir, kustomization);
        return referencesOf(kustomization, dir, this, out) ? out : undefined;
    }
    /** Adds a referenced file, or a referenced directory's files; false when it cannot be resolved locally. */
    addResource(ref, dir, out) {
        if (isRemote(ref))
            return false;
        const rel = join(dir, ref);
        const kind = this.reader.kind(rel);
        if (kind === 'file')
            out.add(rel);
        else if (kind === 'dir') {
            const sub = this.files(rel);
            if (sub === undefined)
                return false;
            for (const f of sub)
                out.add(f);
        }
        else
            return false;
        return true;
    }
    addFile(ref, dir, out) {
        const rel = join(dir, ref);
        if (this.reader.kind(rel) !== 'file')
            return false;
        out.add(rel);
        return true;
    }
    fileExists(ref, dir) {
        return this.reader.kind(join(dir, ref)) === 'file';
    }
}
/** Every kustomization field {@link DependencyHasher} looks at. */
const RELEVANT_FIELDS = [
    'resources', 'bases', 'components', 'generators', 'transformers', 'validators', 'crds', 'configurations',
    'patchesStrategicMerge', 'patches', 'patchesJson6902', 'replacements', 'openapi', 'configMapGenerator',
    'secretGenerator', 'helmCharts', 'helmChartInflationGenerator', 'helmGlobals', 'buildMetadata', 'sortOptions',
];
/** The fields of a parsed kustomization that matter here, JSON-safe; `undefined` if it is not a mapping. */
function relevant(doc) {
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc))
        return undefined;
    const out = {};
    for (const f of RELEVANT_FIELDS) {
        const v = doc[f];
        if (v !== undefined)
            out[f] = JSON.parse(JSON.stringify(v));
    }
    return out;
}
/** Fields kustomize applies only when the kustomization is the root of the build. */
const TOP_LEVEL_ONLY_FIELDS = ['buildMetadata', 'sortOptions'];
/** Fields whose presence means the build fetches or runs something we cannot hash. */
const UNHASHABLE_FIELDS = ['helmCharts', 'helmChartInflationGenerator', 'helmGlobals'];
/** Follows every file reference of one kustomization; false as soon as one cannot be resolved. */
function referencesOf(k, dir, h, out) {
    if (UNHASHABLE_FIELDS.some((f) => k[f] !== undefined))
        return false;
    const strings = (v) => v === undefined || v === null ? [] : Array.isArray(v) && v.every((s) => typeof s === 'string') ? v : undefined;
    const objects = (v) => v === undefined || v === null
        ? []
        : Array.isArray(v) && v.every((o) => o !== null && typeof o === 'object')
            ? v
            : undefined;
    const inline = (s) => s.includes('\n');
    for (const field of ['resources', 'bases', 'components']) {
        const list = strings(k[field]);
        if (list === undefined || !list.every((r) => h.addResource(r, dir, out)))
            return false;
    }
    // Plugin configs: a file, a kustomization directory, or inline YAML.
    for (const field of ['generators', 'transformers', 'validators']) {
        const list = strings(k[field]);
        if (list === undefined || !list.every((r) => inline(r) || h.addResource(r, dir, out)))
            return false;
    }
    for (const field of ['crds', 'configurations']) {
        const list = strings(k[field]);
        if (list === undefined || !list.every((r) => h.addFile(r, dir, out)))
            return false;
    }
    // Strategic-merge patches may be inline YAML; kustomize tries the file first.
    const psm = strings(k.patchesStrategicMerge);
    if (psm === undefined)
        return false;
    for (const p of psm) {
        if (h.fileExists(p, dir))
            h.addFile(p, dir, out);
        else if (!inline(p) && !p.includes(':'))
            return false;
    }
    for (const field of ['patches', 'patchesJson6902', 'replacements']) {
        const list = objects(k[field]);
        if (list === undefined)
            return false;
        for (const p of list) {
            if (p.path === undefined)
                continue;
            if (typeof p.path !== 'string' || !h.addFile(p.path, dir, out))
                return false;
        }
    }
    const openapi = k.openapi;
    if (openapi && typeof openapi === 'object' && typeof openapi.path === 'string' && !h.addFile(openapi.path, dir, out)) {
        return false;
    }
    for (const field of ['configMapGenerator', 'secretGenerator']) {
        const list = objects(k[field]);
        if (list === undefined)
            return false;
        for (const g of list) {
            const files = strings(g.files);
            const envList = strings(g.envs);
            if (files === undefined || envList === undefined)
                return false;
            const envs = typeof g.env === 'string' ? [...envList, g.env] : envList;
            // `files` entries are `path` or `key=path`.
            if (!files.every((f) => h.addFile(f.slice(f.indexOf('=') + 1), dir, out)))
                return false;
            if (!envs.every((f) => h.addFile(f, dir, out)))
                return false;
        }
    }
    return true;
}
/** A remote base: a URL or a go-getter style `host/org/repo` reference. */
function isRemote(ref) {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(ref) || ref.startsWith('git@') || /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(ref);
}
/** POSIX-normalises a root-relative path: no `./`, no trailing slash, `..` folded. */
export function normalize(rel) {
    const n = nodePath.posix.normalize(rel.replace(/\\/g, '/')).replace(/\/+$/, '');
    return n === '' || n === '.' ? '.' : n.replace(/^\.\//, '');
}
function join(dir, ref) {
    return normalize(nodePath.posix.join(dir, ref));
}
