/**
 * Build step (last): writes `generator/dist/build-id`, a hash of everything `npm run build` produced.
 * Caches of results (validate's result cache) include it in their keys, so a rebuilt generator never
 * reuses an answer an older build gave.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
function files(dir) {
    return fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]))
        .filter((f) => !f.endsWith('build-id'))
        .sort();
}
function main() {
    const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    const hash = createHash('sha256');
    for (const f of files(dist))
        hash.update(path.relative(dist, f)).update('\0').update(fs.readFileSync(f)).update('\0');
    fs.writeFileSync(path.join(dist, 'build-id'), `${hash.digest('hex')}\n`);
}
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
    main();
