import { Type } from '../shared/typebox.js';
import { Struct } from '../shared/declare.js';
const Rule = (example) => Struct({
    schedule: Type.String({
        description: "5-field cron (minute hour day-of-month month day-of-week, Sunday 0) in the environment's zone, as Argo CD reads it.",
        examples: [example.schedule],
    }),
    duration: Type.String({ description: 'Go duration in whole hours, minutes and seconds, e.g. `2h`, `1h30m`.', examples: [example.duration] }),
    description: Type.String({ minLength: 1, description: 'What the window is for.', examples: [example.description] }),
}, { examples: [example] });
const Freeze = Struct({
    name: Type.String({ minLength: 1, examples: ['Spring Festival 2027'] }),
    from: Type.String({ description: 'First day, YYYY-MM-DD.', examples: ['2027-02-05'] }),
    to: Type.String({ description: 'Last day, YYYY-MM-DD, included.', examples: ['2027-02-13'] }),
    reason: Type.String({ minLength: 1, examples: ['春节封网: peak traffic, reduced on-call'] }),
}, { examples: [{ name: 'Spring Festival 2027', from: '2027-02-05', to: '2027-02-13', reason: '春节封网' }] });
/** Structure only; which keys go together is checked below. */
export const ChangeWindows = Struct({
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
}, {
    description: 'Change windows (变更窗口): `alwaysOpen: true`, or `timeZone` with `allow`, `deny` and `freezes`. See docs/change-windows.md.',
    examples: [{ timeZone: 'Asia/Shanghai', allow: [{ schedule: '0 22 * * 2,4', duration: '2h', description: 'Tuesday and Thursday evening releases' }] }],
});
