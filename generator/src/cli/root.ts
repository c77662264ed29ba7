/**
 * The repository root when `--root` is not given: the nearest folder, from the working directory up,
 * that holds the Argo CD settings file (`argocd/argocd.yaml`, the one hand-edited file every
 * repository of this layout has), so a command run from `apps/xiaoke/` or `clusters/prod/` works on
 * the whole repository as Git and npm do from a sub-folder. No such folder: the working directory,
 * whose loader then says what is missing.
 */
import * as path from 'node:path';

/** config/load.ts `ARGOCD_CONFIG_FILE`, written here so that finding the root loads no configuration code (a test holds them equal). */
export const ROOT_MARKER = 'argocd/argocd.yaml';

/** `start` (absolute) or its nearest ancestor where `isFile(<dir>/argocd/argocd.yaml)`; else `start`. */
export function findRoot(start: string, isFile: (file: string) => boolean): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (isFile(path.join(dir, ROOT_MARKER))) return dir;
    if (path.dirname(dir) === dir) return start;
  }
}
