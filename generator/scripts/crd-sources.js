/**
 * Reads the pinned CRDs of `platform/crds/` for `build-crd-schemas.ts`: every CustomResourceDefinition
 * document of every YAML file below it (README.md and other files skipped), each served version with
 * its `openAPIV3Schema`, keyed by group, version and kind. The same group/version/kind defined twice is
 * a build error naming both files: the validator must know which CRD judges an object.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
/** Folder of the pinned CRDs, relative to the repository root. */
export const CRD_DIR = 'platform/crds';
/** Every file below `dir` whose name ends in `.yaml` or `.yml`, repository-relative, sorted. */
export function crdFiles(repoRoot, dir = CRD_DIR) {
    const out = [];
    const walk = (rel) => {
        const entries = fs.readdirSync(path.join(repoRoot, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const e of entries) {
            const child = `${rel}/${e.name}`;
            if (e.isDirectory())
                walk(child);
            else if (e.isFile() && /\.ya?ml$/.test(e.name))
                out.push(child);
        }
    };
    if (fs.existsSync(path.join(repoRoot, dir)))
        walk(dir);
    return out;
}
/** Reads every served version of every CRD below `platform/crds/`; throws on a duplicate or a broken file. */
export function readCrds(repoRoot, dir = CRD_DIR) {
    const versions = new Map();
    const files = [];
    for (const file of crdFiles(repoRoot, dir)) {
        const bytes = fs.readFileSync(path.join(repoRoot, file));
        files.push({ file, sha256: createHash('sha256').update(bytes).digest('hex') });
        const docs = YAML.parseAllDocuments(bytes.toString('utf8'));
        docs.forEach((doc, n) => {
            if (doc.errors.length > 0)
                throw new Error(`${file}: document ${n + 1} is not valid YAML: ${doc.errors[0].message}`);
            const crd = doc.toJS({ maxAliasCount: -1 });
            if (!crd || crd.kind !== 'CustomResourceDefinition')
                return;
            for (const v of servedVersions(crd, file)) {
                const twin = versions.get(v.key);
                if (twin)
                    throw new Error(`${v.key} is defined twice: in ${twin.file} and in ${v.file}; keep one CRD per group, version and kind under ${dir}`);
                versions.set(v.key, v);
            }
        });
    }
    return { versions: [...versions.values()].sort((a, b) => (a.key < b.key ? -1 : 1)), files };
}
function servedVersions(crd, file) {
    const spec = crd.spec;
    const group = spec?.group;
    const kind = spec?.names?.kind;
    if (!group || !kind || !Array.isArray(spec?.versions))
        throw new Error(`${file}: a CustomResourceDefinition without spec.group, spec.names.kind or spec.versions`);
    const out = [];
    for (const raw of spec.versions) {
        const v = raw;
        if (v.served !== true || !v.name)
            continue;
        const schema = v.schema?.openAPIV3Schema ?? spec.validation?.openAPIV3Schema;
        if (!schema)
            throw new Error(`${file}: ${group}/${v.name}/${kind} is served but has no schema.openAPIV3Schema`);
        out.push({ key: `${group}/${v.name}/${kind}`, kind, file, schema });
    }
    return out;
}
