/**
 * The generated runbook files (docs/runbooks.md): the facts of render/runbooks.ts written by
 * render/runbook-markdown.ts, one per service and an index, under {@link RUNBOOKS_DIR}.
 */
import type { RenderedFile } from '../core/generated-files.js';
import type { Model } from '../model/types.js';
import { lazyFile } from './files.js';
import { runbookIndex, runbookMarkdown } from './runbook-markdown.js';
import { runbooks } from './runbooks.js';

/** Folder of the generated runbooks; a generated root of its own (write/paths.ts). */
export const RUNBOOKS_DIR = 'docs/runbooks';

/**
 * The runbook files of the model: `<service>.md` for every service, and `README.md`. Pure. The
 * facts are gathered when a file is first read (once for all of them): the commands that compare
 * objects (`diff`, `plan`) read no file, and gathering re-renders every environment's alert rules.
 */
export function renderRunbooks(model: Model): RenderedFile[] {
  let books: ReturnType<typeof runbooks> | undefined;
  const gathered = () => (books ??= runbooks(model));
  return [
    ...model.services.map((s, i) => lazyFile(`${RUNBOOKS_DIR}/${s.name}.md`, () => runbookMarkdown(gathered()[i]!, RUNBOOKS_DIR).content)),
    lazyFile(`${RUNBOOKS_DIR}/README.md`, () => runbookIndex(gathered(), RUNBOOKS_DIR).content),
  ];
}
