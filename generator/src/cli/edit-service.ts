/**
 * The second half of `canary` and `stage`, which both edit one service file and re-render: the edited
 * configuration must load and render cleanly before anything is written; then the file is written,
 * the tree re-rendered (the file restored if that fails), and what changed is printed.
 */
import * as path from 'node:path';
import { describeChanges } from '../canary/edit.js';
import { writeFileAtomic } from '../core/atomic-write.js';
import { loadConfig } from '../config/load.js';
import type { PlatformConfig, ServiceConfig } from '../config/types.js';
import { UsageError, UserError } from '../core/errors.js';
import { suggest } from '../core/names.js';
import { WAIVABLE } from '../policy/ids.js';
import type { FileSystem } from '../core/fs.js';
import { printable } from '../core/printable.js';
import { readRendered } from '../validate/load-rendered.js';
import { planWrite } from '../write/tree.js';
import type { CommandContext } from './context.js';
import { write } from './render.js';

/** The configuration and the service named on the command line, or a usage error suggesting the nearest name. */
export function serviceNamed(ctx: CommandContext, name: string): { config: PlatformConfig; service: ServiceConfig } {
  const config = loadConfig(ctx.fs, { waivable: WAIVABLE });
  const service = config.services.find((s) => s.name === name);
  if (service) return { config, service };
  const near = suggest(name, config.services.map((s) => s.name));
  throw new UsageError(`no service \`${name}\` (no apps/${name}/service.yaml)${near ? `; did you mean \`${near}\`?` : ''}`);
}

/** One edit of a service file, as `canary` and `stage` make it. */
export interface ServiceEdit {
  /** Repository-relative path of the service file, e.g. `apps/xiaoke/service.yaml`. */
  file: string;
  /** Its text now. */
  before: string;
  /** Its text after the edit. */
  after: string;
  /** First line of the report, already escaped for the terminal (core/printable.ts). */
  headline: string;
  /** Print the edit without writing or rendering anything (`promote --dry-run`). Default false. */
  dryRun?: boolean;
}

/** Writes the edit and re-renders, or throws with nothing written; prints the report. Returns the exit code. */
export function writeEditAndRender(ctx: CommandContext, e: ServiceEdit): number {
  const loaded = readRendered(overlay(ctx.fs, e.file, e.after));
  if (!loaded.value) throw new UserError(loaded.findings);
  if (e.dryRun) {
    printEdit(ctx, e);
    ctx.stdout('Dry run: nothing written.\n');
    return 0;
  }
  const abs = path.join(ctx.root, ...e.file.split('/'));
  writeFileAtomic(abs, e.after);
  let written;
  try {
    written = planWrite(ctx.fs, loaded.value.rendered.files);
    write(ctx, written);
  } catch (err) {
    writeFileAtomic(abs, e.before);
    if (err instanceof UserError) throw err;
    throw new Error(`re-rendering after editing ${e.file} (the file was restored)`, { cause: err });
  }
  printEdit(ctx, e);
  for (const f of written.write) ctx.stdout(`wrote ${printable(f.path)}\n`);
  for (const p of written.remove) ctx.stdout(`removed ${printable(p)}\n`);
  ctx.stdout(`Rendered: ${written.write.length} written, ${written.remove.length} removed, ${written.unchanged} unchanged.\n`);
  return 0;
}

/** The headline and the service file's changed lines. */
function printEdit(ctx: CommandContext, e: ServiceEdit): void {
  // The diff lines are the service file's own text: escaped, a line of it cannot forge another.
  ctx.stdout(`${e.headline}\n${printable(e.file)}\n`);
  for (const line of describeChanges(e.before, e.after)) ctx.stdout(`  ${printable(line)}\n`);
}

/** The repository as it would read with `file` holding `text`. */
function overlay(base: FileSystem, file: string, text: string): FileSystem {
  return {
    root: base.root,
    readText: (p, options) => (p === file ? text : base.readText(p, options)),
    size: (p) => (p === file ? Buffer.byteLength(text) : base.size(p)),
    list: (d) => base.list(d),
    isDir: (p) => base.isDir(p),
  };
}
