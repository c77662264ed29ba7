/**
 * `npm run diff -- [--base <rev>] [-o text|markdown|json]` (issue 14): what the change does to the
 * rendered objects, per environment and Argo CD path, without a cluster. Both sides are rendered
 * from configuration by this generator: the working tree's, and the base revision's read from Git,
 * so a change of the configuration shows even before it is rendered, and the objects compared are
 * those each path produces (overlays applied), not the files that produce them.
 */
import { UsageError, UserError } from '../core/errors.js';
import { memoryFs } from '../core/fs.js';
import { diffJson, diffMarkdown, diffText } from '../review/diff-format.js';
import { diffTargets } from '../review/object-diff.js';
import { readRendered, loadRendered } from '../validate/load-rendered.js';
import { baseRevision, filesAt } from './base-revision.js';
/** The folders a revision's configuration is read from. */
const CONFIG_DIRS = ['apps', 'clusters', 'argocd', 'platform'];
/** Prints the object changes; returns the exit code (0: a diff is a report, not a verdict). */
export function runDiff(ctx, o) {
    const base = baseRevision(ctx.root, o.base);
    if (!base)
        throw new UsageError(`${ctx.root} is not a Git work tree with a commit: \`diff\` compares the rendered objects with a revision`);
    const head = loadRendered(ctx.fs).rendered.targets;
    const files = filesAt(ctx.root, base.rev, CONFIG_DIRS);
    const before = readRendered(memoryFs(Object.fromEntries(files), `${ctx.root}@${base.rev.slice(0, 12)}`));
    if (!before.value) {
        const first = before.findings[0];
        throw new UserError({
            ...first,
            message: `the configuration at ${base.name} does not load with this generator, so its objects cannot be compared: ${first.message}`,
            hint: 'compare with a later revision (`--base <rev>`) whose configuration this version reads',
        });
    }
    const changes = diffTargets(before.value.rendered.targets, head);
    const heading = { base: base.name };
    ctx.stdout(o.output === 'json' ? diffJson(heading, changes) : o.output === 'markdown' ? diffMarkdown(heading, changes) : diffText(heading, changes));
    return 0;
}
