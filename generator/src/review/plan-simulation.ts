/**
 * The simulation `plan` reads (issue 14): the change applied at the clock's instant to a platform
 * already running the base revision. The base is played from three weeks before the instant (its
 * windows as configured, so it is running as Argo CD would have left it), and the change is merged at
 * the instant itself, meeting the windows as they are then. Pure.
 */
import type { RenderResult } from '../render/index.js';
import { renderedTree } from '../simulate/rendered.js';
import { simulate, type SimResult } from '../simulate/run.js';

/** How long the base has been running when the change lands: the simulation's default horizon, long enough for a 12-day freeze followed by a twice-weekly window. */
const RUNNING_MS = 21 * 86_400_000;

/**
 * Plays `after` applied at `at` on top of `before` running. `revision` names the base (an
 * Application notices a new revision); `addonKinds` as for {@link renderedTree}. The result's
 * `start` is `at`; each Application's `since` is when it reached its final state.
 */
export function simulateChange(before: RenderResult, after: RenderResult, revision: string, at: Date, addonKinds: ReadonlyMap<string, readonly string[]>): SimResult {
  const previous = renderedTree(before, revision, addonKinds).input;
  const head = renderedTree(after, 'HEAD', addonKinds);
  return simulate(head.input, { at: new Date(at.getTime() - RUNNING_MS), previous, changeAt: at }, head.expected);
}
