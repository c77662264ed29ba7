import { printable } from '../core/printable.js';
import { sortFindings } from '../core/finding.js';
/**
 * Formats a user error: one block per problem, `file:line: path: message`, then how to fix it.
 * No stack trace: the user can act on every line.
 */
export function formatUserError(e) {
    const findings = sortFindings(e.findings);
    const lines = findings.map((f) => {
        // File names, paths and messages can carry what the configuration holds: escaped, each stays on its line.
        const where = `${printable(f.file)}${f.line ? `:${f.line}` : ''}`;
        const head = `error: ${where}: ${f.path ? `${printable(f.path)}: ` : ''}${printable(f.message)}`;
        return f.hint ? `${head}\n  fix: ${printable(f.hint)}` : head;
    });
    const count = findings.length === 1 ? '1 problem' : `${findings.length} problems`;
    const all = (prefix) => findings.every((f) => f.check.startsWith(prefix));
    const what = all('render/')
        ? 'in writing the generated files'
        : all('repository/')
            ? 'in the repository'
            : all('kustomize/')
                ? 'with the installed tools'
                : 'in the configuration';
    // A render that stopped half way and could not undo it must not claim that nothing was written.
    const outcome = findings.some((f) => f.check === 'render/unfinished') ? 'the render is unfinished' : 'nothing was written';
    return `${lines.join('\n')}\n${count} ${what}; ${outcome}.\n`;
}
