import { printable } from '../core/printable.js';
import { UserError } from '../core/errors.js';
import { loadRendered } from '../validate/load-rendered.js';
import { applyWrite, WriteFailed } from '../write/apply.js';
import { STAGING_DIR } from '../write/journal.js';
import { interruptedRenderFindings } from '../write/pending.js';
import { openForWriting } from '../write/session.js';
import { errnoReason } from '../write/switch.js';
import { planWrite } from '../write/tree.js';
/**
 * `render`: load → model → render → write. Throws `UserError` for bad configuration before anything
 * is written. Returns the exit code. Writing takes the render lock and first finishes (or rolls back)
 * a render that was interrupted.
 */
export function runRender(ctx, opts = {}) {
    if (opts.check)
        return check(ctx);
    const session = openForWriting(ctx.root, { now: ctx.now });
    try {
        for (const note of session.notes)
            ctx.stderr(`note: ${printable(note)}\n`);
        const { plan, what } = planned(ctx);
        write(ctx, plan);
        const debris = plan.debris.length > 0 ? `, ${plan.debris.length} temporary files of an interrupted render removed` : '';
        ctx.stdout(`Rendered ${what}: ${plan.write.length} written, ${plan.remove.length} removed, ${plan.unchanged} unchanged${debris}.\n`);
        return 0;
    }
    finally {
        session.close();
    }
}
function planned(ctx) {
    const { model, rendered: result } = loadRendered(ctx.fs);
    const plan = planWrite(ctx.fs, result.files);
    const instances = model.environments.reduce((n, e) => n + e.instances.length, 0);
    const what = `${result.files.length} files for ${model.services.length} services in ${model.environments.length} environments ` +
        `(${instances} service instances, ${result.targets.length} Argo CD paths)`;
    return { plan, what };
}
/** `render --check`: what would change, and what an interrupted render left (which makes it fail too). */
function check(ctx) {
    const { plan } = planned(ctx);
    const left = interruptedRenderFindings(ctx.fs, (what) => `render/${what}`);
    for (const f of left)
        ctx.stdout(`would finish: ${printable(f.file ?? '.')}: ${printable(f.message)}\n`);
    // Paths to remove come from the .generated-files index, which a pull request can edit: escaped.
    for (const f of plan.write)
        ctx.stdout(`would write ${printable(f.path)}\n`);
    for (const p of plan.remove)
        ctx.stdout(`would remove ${printable(p)}\n`);
    const unfinished = left.length > 0 ? `, an interrupted render to finish (${left.length} ${left.length === 1 ? 'thing' : 'things'} left)` : '';
    ctx.stdout(`render --check: ${plan.write.length} to write, ${plan.remove.length} to remove, ${plan.unchanged} unchanged${unfinished}\n`);
    return plan.write.length + plan.remove.length + left.length > 0 ? 1 : 0;
}
/** Applies `plan`; a refusal of the file system becomes a user error that says truly whether anything changed. */
export function write(ctx, plan) {
    try {
        applyWrite(ctx.root, plan, { now: ctx.now });
    }
    catch (e) {
        if (!(e instanceof WriteFailed))
            throw e;
        // The file system refused (a file where a folder must go, no space, an I/O error): the user's to fix.
        const bytes = plan.write.reduce((n, f) => n + Buffer.byteLength(f.content), 0);
        const cause = e.cause;
        const space = cause?.code === 'ENOSPC' ? `; the render needs about ${Math.ceil(bytes / 1024)} KiB free for the ${plan.write.length} files it writes` : '';
        throw new UserError({
            check: e.changed ? 'render/unfinished' : 'render/write-failed',
            severity: 'error',
            file: e.file,
            message: `cannot write the generated files: ${errnoReason(cause)}${space}`,
            hint: e.changed
                ? `the render stopped half way and could not undo it; ${STAGING_DIR}/ keeps what is needed: fix the cause, then run \`npm run render\` again to finish it`
                : cause?.code === 'ENOSPC'
                    ? 'free space on the disk, then render again; nothing was changed'
                    : 'make the path writable (move away what stands there), then render again; nothing was changed',
        });
    }
}
