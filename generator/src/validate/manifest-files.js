const MANIFEST_FILE = /\.(ya?ml|json)$/;
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);
/** The files of `paths`, in the order given, each folder's sorted; a file reached twice is listed once. */
export function manifestFiles(fs, paths) {
    const out = [];
    const seen = new Set();
    const add = (file) => {
        if (seen.has(file.real))
            return;
        seen.add(file.real);
        out.push(file);
    };
    for (const p of paths) {
        const shown = normalize(p);
        // A path typed on the command line is the user's: its links are followed (to a regular file or a
        // folder); inside a folder, nothing is (a link there is reported, never read).
        const real = fs.realPath ? fs.realPath(shown) : shown;
        if (real === undefined) {
            out.push({ shown, error: manifestError(shown, 'manifest/unreadable', 'no such file or directory', 'check the path') });
            continue;
        }
        const start = { shown, real };
        if (!fs.isDir(real))
            add(start);
        else
            for (const file of walk(fs, start))
                'error' in file ? out.push(file) : add(file);
    }
    return out;
}
function normalize(p) {
    const s = p.replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/\/+$/, '');
    return s === '.' ? '' : s;
}
function walk(fs, dir) {
    const files = [];
    const join = (a, name) => (a === '' ? name : `${a}/${name}`);
    for (const e of fs.list(dir.real)) {
        const p = { shown: join(dir.shown, e.name), real: join(dir.real, e.name) };
        // A link is reported unless its name shows it is no manifest (a folder link has no extension, mostly).
        if (e.link !== undefined) {
            if (MANIFEST_FILE.test(e.name) || !e.name.includes('.'))
                files.push({ shown: p.shown, error: refusal(p.shown, e.link) });
        }
        else if (e.dir) {
            if (!SKIPPED_DIRS.has(e.name))
                files.push(...walk(fs, p));
        }
        else if (MANIFEST_FILE.test(e.name))
            files.push(p);
    }
    return files;
}
/** A link found inside a folder: named, not followed (it could lead anywhere, e.g. to a secret). */
function refusal(file, target) {
    return manifestError(file, 'manifest/unreadable', `is a symbolic link (to ${JSON.stringify(target)}); links inside a folder are not followed`, "name the link's target on the command line to validate it, or replace the link with the file");
}
/** An error finding about a manifest file or document. */
export function manifestError(file, check, message, hint, line) {
    const f = { check, severity: 'error', file, message };
    if (line !== undefined)
        f.line = line;
    if (hint !== undefined)
        f.hint = hint;
    return f;
}
