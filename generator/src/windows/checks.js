/**
 * The change-window checks `validate` reports, for the catalogue (SARIF rules, docs/change-windows.md,
 * README): the ids and severities that generator/src/windows/check.ts and overrides.ts emit. A test
 * holds the documentation tables to this list.
 */
/**
 * How many days before Argo CD repeats an ended freeze `windows/freeze-ended` turns from a warning
 * into an error. Until then an ended freeze is only a warning: a CI that turns red on a date, with no
 * change in the repository, would fail every unrelated pull request. Within this many days of the
 * repetition (and during it) it is an error: the repeated freeze is a deny window without
 * `manualSync`, so Argo CD would hold every sync of the environment, by hand too, on dates nobody chose.
 */
export const FREEZE_REPEAT_ERROR_DAYS = 30;
export const WINDOW_CHECKS = [
    { id: 'closed', severity: 'error', description: 'The change touches an environment that is closed at the evaluation instant; names the deciding rule and when it next opens.' },
    { id: 'override', severity: 'warning', description: 'The same, let through by an emergency override record in changes/ (names the approver and the reason).' },
    { id: 'override-invalid', severity: 'error', description: 'A malformed override record: a missing or unknown key, an unknown environment, a reason too short, an expiry without offset or more than 7 days ahead.' },
    { id: 'override-expired', severity: 'error', description: 'An override record past its `expires`: delete it.' },
    { id: 'canary-too-long', severity: 'error', description: 'An `auto` gray release in the change needs (steps below 100%) × `pause`, and the window closes earlier.' },
    { id: 'freeze-ended', severity: `warning; error from ${FREEZE_REPEAT_ERROR_DAYS} days before Argo CD repeats it`, description: 'A freeze has ended; Argo CD repeats it on the same dates next year (cron has no year): delete it.' },
    { id: 'freeze-early', severity: 'warning', description: 'A freeze declared more than a year ahead: Argo CD also applies it on the same dates of the year before, still to come.' },
];
