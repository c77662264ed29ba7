/**
 * The generated runbook files (docs/runbooks.md): the facts of render/runbooks.ts written by
 * render/runbook-markdown.ts, one per service and an index, under {@link RUNBOOKS_DIR}.
 */
import type { RenderedFile } from '../core/generated-files.js';
import type { Model } from '../model/types.js';
import { runbookIndex, runbookMarkdown } from './runbook-markdown.js';
import { runbooks } from './runbooks.js';

/** Folder of the generated runbooks; a generated root of its own (write/paths.ts). */
export const RUNBOOKS_DIR = 'docs/runbooks';

/** The runbook files of the model: `<service>.md` for every service, and `README.md`. Pure. */
export function renderRunbooks(model: Model): RenderedFile[] {
  const books = runbooks(model);
  return [...books.map((b) => runbookMarkdown(b, RUNBOOKS_DIR)), runbookIndex(books, RUNBOOKS_DIR)];
}
