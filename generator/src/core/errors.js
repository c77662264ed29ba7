/**
 * A problem the user can fix (bad configuration, bad flag, unreadable input).
 * The CLI prints its findings without a stack trace and exits 2.
 */
export class UserError extends Error {
    findings;
    constructor(findings) {
        const list = Array.isArray(findings) ? findings : [findings];
        super(list.map((f) => `${f.file}${f.line ? `:${f.line}` : ''}: ${f.message}`).join('\n'));
        this.name = 'UserError';
        this.findings = list;
    }
}
/** Usage error: a bad command-line flag or argument. Exit 2. */
export class UsageError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UsageError';
    }
}
