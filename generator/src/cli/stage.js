/**
 * `npm run stage -- <service> --env <env> [--from <env>] [--base <rev>]`: makes a change of
 * `apps/<service>/service.yaml` reach one environment, through the service's per-environment
 * overrides (stage/edit.ts), so a pull request touches that environment alone and lands inside its
 * own window. Checks that the edited configuration loads, writes it, re-renders, and prints the lines
 * of the service file and the generated files that changed. Nothing is written when anything is wrong.
 */
import { loadConfig } from '../config/load.js';
import { UsageError } from '../core/errors.js';
import { suggest } from '../core/names.js';
import { printable } from '../core/printable.js';
import { promotionOrder } from '../model/build.js';
import { stageServiceText } from '../stage/edit.js';
import { openForWriting } from '../write/session.js';
import { writeEditAndRender } from './edit-service.js';
import { baseRevision, filesAt } from './base-revision.js';
import { WAIVABLE } from '../policy/ids.js';
/** Returns the exit code. */
export function runStage(ctx, o) {
    const session = openForWriting(ctx.root, { now: ctx.now });
    try {
        for (const note of session.notes)
            ctx.stderr(`note: ${printable(note)}\n`);
        return stage(ctx, o);
    }
    finally {
        session.close();
    }
}
function stage(ctx, o) {
    const file = `apps/${o.service}/service.yaml`;
    const now = ctx.fs.readText(file);
    const config = loadConfig(ctx.fs, { waivable: WAIVABLE });
    if (now === undefined) {
        const near = suggest(o.service, config.services.map((s) => s.name));
        throw new UsageError(`no service \`${o.service}\` (no ${file})${near ? `; did you mean \`${near}\`?` : ''}`);
    }
    const envs = config.clusters.flatMap((c) => c.environments).sort(promotionOrder).map((e) => e.name);
    for (const e of [o.env, ...(o.from !== undefined ? [o.from] : [])]) {
        if (!envs.includes(e))
            throw new UsageError(`no environment \`${e}\`; environments: ${envs.join(', ')}`);
    }
    let edited;
    if (o.from !== undefined) {
        edited = stageServiceText(file, now, { action: 'promote', env: o.env, from: o.from });
    }
    else {
        const base = baseRevision(ctx.root, o.base);
        if (!base)
            throw new UsageError(`${ctx.root} is not a Git work tree with a commit: \`stage\` measures the change against the base revision`);
        const before = filesAt(ctx.root, base.rev, [file]).get(file);
        edited = stageServiceText(file, now, { action: 'enable', env: o.env, envs, before });
    }
    const what = o.from !== undefined ? `Promoted the change of ${o.service} from ${o.from} to ${o.env}` : `Staged the change of ${o.service} in ${o.env} alone`;
    const headline = `${printable(what)}: ${edited.notes.map(printable).join('; ')}.`;
    return writeEditAndRender(ctx, { file, before: now, after: edited.text, headline });
}
