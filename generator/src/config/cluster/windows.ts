/**
 * `environments.<env>.changeWindows` in `clusters/<cluster>/cluster.yaml`: declaration, checks and
 * the builder of the typed {@link ChangeWindowsConfig}. The schema checks structure; everything Argo
 * CD would accept silently but mean differently is refused by the checks: unknown zones (Argo CD
 * falls back to UTC), cron it cannot parse, durations with days or fractions, impossible dates.
 * See docs/change-windows.md.
 */
import type { Static } from '@sinclair/typebox';
import { Type } from '../shared/typebox.js';
import type { Finding } from '../../core/finding.js';
import { parseCron } from '../../time/cron.js';
import { daysBetween, parseDay } from '../../time/dates.js';
import { parseDuration } from '../../time/duration.js';
import { checkZone, knownZones } from '../../time/zone.js';
import type { ParsedFile, Raw } from '../shared/checks.js';
import { Reporter, isRaw, q } from '../shared/checks.js';
import { Struct } from '../shared/declare.js';
import { didYouMean } from '../shared/names.js';
import type { PathSegment } from '../yaml-source.js';

const Rule = (example: { schedule: string; duration: string; description: string }) =>
  Struct(
    {
      schedule: Type.String({
        description: "5-field cron (minute hour day-of-month month day-of-week, Sunday 0) in the environment's zone, as Argo CD reads it.",
        examples: [example.schedule],
      }),
      duration: Type.String({ description: 'Go duration in whole hours, minutes and seconds, e.g. `2h`, `1h30m`.', examples: [example.duration] }),
      description: Type.String({ minLength: 1, description: 'What the window is for.', examples: [example.description] }),
    },
    { examples: [example] },
  );

const Freeze = Struct(
  {
    name: Type.String({ minLength: 1, examples: ['Spring Festival 2027'] }),
    from: Type.String({ description: 'First day, YYYY-MM-DD.', examples: ['2027-02-05'] }),
    to: Type.String({ description: 'Last day, YYYY-MM-DD, included.', examples: ['2027-02-13'] }),
    reason: Type.String({ minLength: 1, examples: ['春节封网: peak traffic, reduced on-call'] }),
  },
  { examples: [{ name: 'Spring Festival 2027', from: '2027-02-05', to: '2027-02-13', reason: '春节封网' }] },
);

/** Structure only; which keys go together is checked below. */
export const ChangeWindows = Struct(
  {
    alwaysOpen: Type.Optional(Type.Boolean({ description: '`true`: changes may land at any time (dev, test). Nothing else may be given with it.' })),
    timeZone: Type.Optional(Type.String({ minLength: 1, description: 'IANA zone of the schedules and freeze dates.', examples: ['Asia/Shanghai'] })),
    allow: Type.Array(Rule({ schedule: '0 22 * * 2,4', duration: '2h', description: 'Tuesday and Thursday evening releases' }), {
      default: [],
      description: 'Open only inside one of these. Default none.',
    }),
    deny: Type.Array(Rule({ schedule: '0 0 * * 0', duration: '24h', description: 'No changes on Sundays' }), {
      default: [],
      description: 'Closed inside any of these, even inside an allow window. Default none.',
    }),
    freezes: Type.Array(Freeze, { default: [], description: 'Closed on these dates (both days included). Default none.' }),
  },
  {
    description: 'Change windows (变更窗口): `alwaysOpen: true`, or `timeZone` with `allow`, `deny` and `freezes`. See docs/change-windows.md.',
    examples: [{ timeZone: 'Asia/Shanghai', allow: [{ schedule: '0 22 * * 2,4', duration: '2h', description: 'Tuesday and Thursday evening releases' }] }],
  },
);

/** A recurring window: it opens when the cron fires (Argo CD's dialect, in the environment's zone) and lasts `duration`. */
export type ChangeWindowRule = Static<ReturnType<typeof Rule>>;

/** A change freeze (封网) on calendar dates `YYYY-MM-DD` in the environment's zone, both days included. */
export type ChangeFreeze = Static<typeof Freeze>;

/**
 * `{alwaysOpen: true}`, or a time zone with allow windows, deny windows and freezes (each default
 * none), decided as Argo CD decides sync windows.
 */
export type ChangeWindowsConfig = { alwaysOpen: true } | ({ alwaysOpen: false; timeZone: string } & Pick<Static<typeof ChangeWindows>, 'allow' | 'deny' | 'freezes'>);

/** Longest freeze: it is emitted as a yearly deny window, which must not overlap its own repetition. */
const MAX_FREEZE_DAYS = 365;

const LISTS = ['allow', 'deny', 'freezes'] as const;

/** Checks the change windows of every environment of one cluster file (structure already checked by the schema). */
export function checkChangeWindowsFile(f: ParsedFile, out: Finding[]): void {
  if (!isRaw(f.data.environments)) return;
  const r = new Reporter(f.source, out);
  for (const [env, e] of Object.entries(f.data.environments)) {
    if (isRaw(e) && isRaw(e.changeWindows)) checkWindows(r, ['environments', env, 'changeWindows'], e.changeWindows);
  }
}

function checkWindows(r: Reporter, at: PathSegment[], w: Raw): void {
  const given = LISTS.filter((k) => w[k] !== undefined);
  if (w.alwaysOpen === true) {
    for (const k of [...(w.timeZone !== undefined ? ['timeZone'] : []), ...given]) {
      r.report('change-windows', [...at, k], `${q([...at, k])} is given with \`alwaysOpen: true\`, which ignores it`, `remove \`${k}\`, or remove \`alwaysOpen\` to use the windows`, 'key');
    }
    return;
  }
  if (w.alwaysOpen === false) {
    r.report('change-windows', [...at, 'alwaysOpen'], `${q([...at, 'alwaysOpen'])} is \`false\`, which says nothing`, 'remove it: an environment with `timeZone` and windows is open only as they say', 'value');
  }
  if (typeof w.timeZone !== 'string') {
    if (w.timeZone === undefined) {
      r.report('change-windows', at, `missing \`timeZone\` in ${q(at)}`, 'add `timeZone: Asia/Shanghai` (an IANA zone; Argo CD would read windows without one in UTC)', 'key');
    }
  } else {
    const z = checkZone(w.timeZone);
    if (!z.ok) {
      const near = z.suggestion !== undefined ? `did you mean \`${z.suggestion}\`?` : didYouMean(w.timeZone, knownZones());
      r.report(
        'time-zone',
        [...at, 'timeZone'],
        `${q([...at, 'timeZone'])} is ${JSON.stringify(w.timeZone)}, not an IANA time zone (Argo CD would silently use UTC)`,
        near ?? 'use a zone name such as `Asia/Shanghai` or `Europe/Berlin` (case matters)',
      );
    }
  }
  const count = given.reduce((n, k) => n + (Array.isArray(w[k]) ? (w[k] as unknown[]).length : 0), 0);
  if (count === 0) {
    r.report('change-windows', at, `${q(at)} declares no window, freeze or \`alwaysOpen\``, 'add `allow` windows (e.g. `{schedule: "0 22 * * 2,4", duration: 2h, description: …}`), or write `alwaysOpen: true`', 'key');
  }
  for (const kind of ['allow', 'deny'] as const) {
    if (!Array.isArray(w[kind])) continue;
    (w[kind] as unknown[]).forEach((x, i) => {
      if (isRaw(x)) checkRule(r, [...at, kind, i], x);
    });
  }
  if (Array.isArray(w.freezes)) {
    const names = new Map<string, number>();
    (w.freezes as unknown[]).forEach((x, i) => {
      if (!isRaw(x)) return;
      checkFreeze(r, [...at, 'freezes', i], x);
      if (typeof x.name !== 'string') return;
      const first = names.get(x.name);
      if (first !== undefined) {
        r.report('duplicate', [...at, 'freezes', i, 'name'], `freeze name ${JSON.stringify(x.name)} is already used by ${q([...at, 'freezes', first])}`, 'give every freeze a name of its own, e.g. with its year');
      } else names.set(x.name, i);
    });
  }
}

function checkRule(r: Reporter, at: PathSegment[], x: Raw): void {
  if (typeof x.schedule === 'string') {
    const c = parseCron(x.schedule);
    if ('error' in c) {
      r.report('cron', [...at, 'schedule'], `${q([...at, 'schedule'])} ${JSON.stringify(x.schedule)} is not a schedule Argo CD accepts: ${c.error}`, 'write five fields, minute hour day-of-month month day-of-week (Sunday 0), e.g. `"0 22 * * 2,4"` for 22:00 on Tuesdays and Thursdays');
    }
  }
  if (typeof x.duration === 'string') {
    const d = parseDuration(x.duration);
    if (typeof d !== 'number') r.report('duration', [...at, 'duration'], `${q([...at, 'duration'])} ${JSON.stringify(x.duration)} is not a duration Argo CD accepts`, d.error);
  }
}

function checkFreeze(r: Reporter, at: PathSegment[], x: Raw): void {
  const from = typeof x.from === 'string' ? parseDay(x.from) : undefined;
  const to = typeof x.to === 'string' ? parseDay(x.to) : undefined;
  if (from && 'error' in from) r.report('date', [...at, 'from'], `${q([...at, 'from'])} is ${JSON.stringify(x.from)}: ${from.error}`, 'write the first day of the freeze, e.g. `from: 2027-02-05`');
  if (to && 'error' in to) r.report('date', [...at, 'to'], `${q([...at, 'to'])} is ${JSON.stringify(x.to)}: ${to.error}`, 'write the last day of the freeze, e.g. `to: 2027-02-13`');
  if (!from || !to || 'error' in from || 'error' in to) return;
  const days = daysBetween(from, to) + 1;
  if (days < 1) {
    r.report('date', [...at, 'to'], `${q(at)} ends (${String(x.to)}) before it starts (${String(x.from)})`, 'swap `from` and `to`: both days are included');
  } else if (days > MAX_FREEZE_DAYS) {
    r.report('date', [...at, 'to'], `${q(at)} lasts ${days} days; a freeze is at most ${MAX_FREEZE_DAYS} days`, 'Argo CD repeats a freeze every year (cron has no year): split it, or use a deny window');
  }
}

/** The typed config of a `changeWindows` mapping that passed the checks (with `timeZone` unless `alwaysOpen`). */
export function buildChangeWindows(v: Static<typeof ChangeWindows>): ChangeWindowsConfig {
  const { alwaysOpen, timeZone, allow, deny, freezes } = v;
  if (alwaysOpen === true) return { alwaysOpen: true };
  // The checks refuse windows without `timeZone` unless `alwaysOpen: true`, so it is present here.
  return { alwaysOpen: false, timeZone: timeZone!, allow, deny, freezes };
}
