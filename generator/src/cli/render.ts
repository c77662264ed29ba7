import { printable } from '../core/printable.js';
import * as path from 'node:path';
import { loadConfig } from '../config/load.js';
import { UserError } from '../core/errors.js';
import { buildModel } from '../model/build.js';
import { render } from '../render/index.js';
import { applyWrite, planWrite } from '../write/tree.js';
import type { CommandContext } from './context.js';

export interface RenderOptions {
  /** Only report what would change; write nothing. Exit 1 when something would change. Default false. */
  check?: boolean;
}

/**
 * `render`: load → model → render → write. Throws `UserError` for bad configuration before anything
 * is written. Returns the exit code.
 */
export function runRender(ctx: CommandContext, opts: RenderOptions = {}): number {
  const config = loadConfig(ctx.fs);
  const model = buildModel(config);
  const result = render(model);
  const plan = planWrite(ctx.fs, result.files);
  const instances = model.environments.reduce((n, e) => n + e.instances.length, 0);
  const what =
    `${result.files.length} files for ${model.services.length} services in ${model.environments.length} environments ` +
    `(${instances} service instances, ${result.targets.length} Argo CD paths)`;
  if (opts.check) {
    // Paths to remove come from the .generated-files index, which a pull request can edit: escaped.
    for (const f of plan.write) ctx.stdout(`would write ${printable(f.path)}\n`);
    for (const p of plan.remove) ctx.stdout(`would remove ${printable(p)}\n`);
    ctx.stdout(`render --check: ${plan.write.length} to write, ${plan.remove.length} to remove, ${plan.unchanged} unchanged\n`);
    return plan.write.length + plan.remove.length > 0 ? 1 : 0;
  }
  try {
    applyWrite(ctx.root, plan);
  } catch (e) {
    // The file system refused (a file where a folder must go, no space, read-only): the user's to fix.
    const cause = (e as Error).cause as NodeJS.ErrnoException | undefined;
    const where = cause?.path ? path.relative(ctx.root, cause.path).split(path.sep).join('/') : '.';
    throw new UserError({
      check: 'render/write-failed',
      severity: 'error',
      file: where,
      message: `cannot write the generated files: ${cause?.message ?? (e as Error).message}`,
      hint: 'make the path writable (move away what stands there), then render again; nothing was changed',
    });
  }
  ctx.stdout(`Rendered ${what}: ${plan.write.length} written, ${plan.remove.length} removed, ${plan.unchanged} unchanged.\n`);
  return 0;
}
