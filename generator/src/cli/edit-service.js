/**
 * The second half of `canary` and `stage`, which both edit one service file and re-render: the edited
 * configuration must load and render cleanly before anything is written; then the file is written,
 * the tree re-rendered (the file restored if that fails), and what changed is printed.
 */
import * as path from 'node:path';
import { describeChanges } from '../canary/edit.js';
import { writeFileAtomic } from '../core/atomic-write.js';
import { UserError } from '../core/errors.js';
import { printable } from '../core/printable.js';
import { readRendered } from '../validate/load-rendered.js';
import { planWrite } from '../write/tree.js';
import { write } from './render.js';
/** Writes the edit and re-renders, or throws with nothing written; prints the report. Returns the exit code. */
export function writeEditAndRender(ctx, e) {
    const loaded = readRendered(overlay(ctx.fs, e.file, e.after));
    if (!loaded.value)
        throw new UserError(loaded.findings);
    const abs = path.join(ctx.root, ...e.file.split('/'));
    writeFileAtomic(abs, e.after);
    let written;
    try {
        written = planWrite(ctx.fs, loaded.value.rendered.files);
        write(ctx, written);
    }
    catch (err) {
        writeFileAtomic(abs, e.before);
        if (err instanceof UserError)
            throw err;
        throw new Error(`re-rendering after editing ${e.file} (the file was restored)`, { cause: err });
    }
    // The diff lines are the service file's own text: escaped, a line of it cannot forge another.
    ctx.stdout(`${e.headline}\n${printable(e.file)}\n`);
    for (const line of describeChanges(e.before, e.after))
        ctx.stdout(`  ${printable(line)}\n`);
    for (const f of written.write)
        ctx.stdout(`wrote ${printable(f.path)}\n`);
    for (const p of written.remove)
        ctx.stdout(`removed ${printable(p)}\n`);
    ctx.stdout(`Rendered: ${written.write.length} written, ${written.remove.length} removed, ${written.unchanged} unchanged.\n`);
    return 0;
}
/** The repository as it would read with `file` holding `text`. */
function overlay(base, file, text) {
    return {
        root: base.root,
        readText: (p, options) => (p === file ? text : base.readText(p, options)),
        size: (p) => (p === file ? Buffer.byteLength(text) : base.size(p)),
        list: (d) => base.list(d),
        isDir: (p) => base.isDir(p),
    };
}
