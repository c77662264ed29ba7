/**
 * JSON Schema of `environments.<env>.changeWindows` (structure only). Which keys go together, cron,
 * durations, zones and dates are checked in `checks-windows.ts`, with messages of their own.
 */
type Schema = Record<string, unknown>;

const rule = (example: Schema): Schema => ({
  type: 'object',
  additionalProperties: false,
  required: ['schedule', 'duration', 'description'],
  properties: {
    schedule: {
      type: 'string',
      description: '5-field cron (minute hour day-of-month month day-of-week, Sunday 0) in the environment\'s zone, as Argo CD reads it.',
      examples: [example.schedule],
    },
    duration: { type: 'string', description: 'Go duration in whole hours, minutes and seconds, e.g. `2h`, `1h30m`.', examples: [example.duration] },
    description: { type: 'string', minLength: 1, description: 'What the window is for.', examples: [example.description] },
  },
  examples: [example],
});

export const changeWindowsSchema: Schema = {
  type: 'object',
  description: 'Change windows (变更窗口): `alwaysOpen: true`, or `timeZone` with `allow`, `deny` and `freezes`. See docs/change-windows.md.',
  additionalProperties: false,
  properties: {
    alwaysOpen: { type: 'boolean', description: '`true`: changes may land at any time (dev, test). Nothing else may be given with it.' },
    timeZone: { type: 'string', minLength: 1, description: 'IANA zone of the schedules and freeze dates.', examples: ['Asia/Shanghai'] },
    allow: {
      type: 'array',
      description: 'Open only inside one of these. Default none.',
      items: rule({ schedule: '0 22 * * 2,4', duration: '2h', description: 'Tuesday and Thursday evening releases' }),
    },
    deny: {
      type: 'array',
      description: 'Closed inside any of these, even inside an allow window. Default none.',
      items: rule({ schedule: '0 0 * * 0', duration: '24h', description: 'No changes on Sundays' }),
    },
    freezes: {
      type: 'array',
      description: 'Closed on these dates (both days included). Default none.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'from', 'to', 'reason'],
        properties: {
          name: { type: 'string', minLength: 1, examples: ['Spring Festival 2027'] },
          from: { type: 'string', description: 'First day, YYYY-MM-DD.', examples: ['2027-02-05'] },
          to: { type: 'string', description: 'Last day, YYYY-MM-DD, included.', examples: ['2027-02-13'] },
          reason: { type: 'string', minLength: 1, examples: ['春节封网: peak traffic, reduced on-call'] },
        },
        examples: [{ name: 'Spring Festival 2027', from: '2027-02-05', to: '2027-02-13', reason: '春节封网' }],
      },
    },
  },
  examples: [{ timeZone: 'Asia/Shanghai', allow: [{ schedule: '0 22 * * 2,4', duration: '2h', description: 'Tuesday and Thursday evening releases' }] }],
};
