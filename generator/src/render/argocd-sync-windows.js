import { compileWindows } from '../model/change-windows.js';
/**
 * The `spec.syncWindows` of the environment's AppProject: the same windows `validate` and
 * `npm run windows` decide on, so Argo CD's auto-sync obeys the rules the pull request was checked
 * against. `[]` for an environment without windows or with `alwaysOpen: true` (leave the field out
 * then: no windows means always allowed).
 *
 * - Every window matches every Application of the project (`applications: ['*']`); the project is
 *   the environment's own, so no `namespaces`/`clusters` are needed (they would be ORed with
 *   `applications` anyway).
 * - Allow windows: `manualSync: true` (a person may sync by hand outside the window, e.g. a
 *   rollback; the pull-request check and the project roles govern who and what). Deny windows and
 *   freezes: `manualSync: false` (nothing syncs, not even by hand, until it ends or the window is
 *   removed through a reviewed change).
 * - No `description`: the AppProject schema `validate` checks against (`@kubernetes-models/argo-cd`
 *   2.7) predates that field, so the rule's text is shown by `validate` and `npm run windows` only.
 * - A freeze is a deny window firing at 00:00 of its first day (`0 0 <day> <month> *`) for whole
 *   days up to the end of its last day. Cron has no year, so Argo CD repeats it every year on those
 *   dates: `validate` reports a freeze that has ended so that it is deleted.
 *
 * Example, prod (Tuesday and Thursday 22:00–24:00, Spring Festival 2027 freeze):
 *
 *     - {kind: allow, schedule: "0 22 * * 2,4", duration: 2h, applications: ["*"], manualSync: true, timeZone: Asia/Shanghai}
 *     - {kind: deny, schedule: "0 0 5 2 *", duration: 216h, applications: ["*"], manualSync: false, timeZone: Asia/Shanghai}
 */
export function syncWindowsFor(env) {
    return compileWindows(env.changeWindows).map((w) => ({
        kind: w.kind,
        schedule: w.schedule,
        duration: w.duration,
        applications: ['*'],
        manualSync: w.kind === 'allow',
        timeZone: w.timeZone,
    }));
}
