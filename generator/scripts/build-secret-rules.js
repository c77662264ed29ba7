/**
 * Turns the vendored gitleaks rule set (generator/vendor/gitleaks/gitleaks.toml) into
 * generator/src/core/secrets/gitleaks-rules.generated.ts, the data the secret detector runs.
 * Run by hand after updating the vendored file (`npm run secret-rules`); a test keeps the two equal.
 *
 * gitleaks writes its patterns for Go's RE2; this converts them to JavaScript: `(?i)`, `(?i:…)`,
 * `(?-i:…)` and `(?s:…)` become JavaScript flags or spelled-out letter cases (Node 20 has no inline
 * modifiers), `(?P<name>` becomes `(?<name>`, `\z` the end of input, `[[:alnum:]]` a class.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseGitleaksToml } from './gitleaks-toml.js';
/** The upstream release and commit the vendored file was taken from (generator/vendor/gitleaks/README.md). */
export const GITLEAKS_VERSION = 'v8.30.1';
export const GITLEAKS_COMMIT = '83d9cd684c87d95d656c1458ef04895a7f1cbd8e';
/** Converts an RE2 pattern to a JavaScript one that matches the same strings. */
export function re2ToJs(re2) {
    // A pattern that is case-insensitive throughout keeps its letters and takes the `i` flag.
    const whole = /^\(\?i\)/.test(re2) && !/\(\?-i|\(\?i:/.test(re2.slice(4)) && !/\(\?i\)/.test(re2.slice(4));
    if (whole)
        return { source: convert(re2.slice(4), false), flags: 'i' };
    return { source: convert(re2, false), flags: '' };
}
const POSIX = { alnum: '0-9A-Za-z', alpha: 'A-Za-z', digit: '0-9', xdigit: '0-9A-Fa-f', upper: 'A-Z', lower: 'a-z', space: '\\s', word: '\\w', punct: '!-\\/:-@\\[-`{-~' };
function convert(src, ci0) {
    let out = '';
    let i = 0;
    // Flags per open group: `ci` case-insensitive, `s` dot matches newline.
    const stack = [{ ci: ci0, s: false }];
    const top = () => stack[stack.length - 1];
    const letter = (c) => (top().ci && /[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c);
    while (i < src.length) {
        const c = src[i];
        if (c === '\\') {
            const e = src[i + 1];
            out += e === 'z' ? '(?![\\s\\S])' : `\\${e}`;
            i += 2;
        }
        else if (c === '[') {
            const [cls, next] = charClass(src, i, top().ci);
            out += cls;
            i = next;
        }
        else if (c === '(') {
            const flags = /^\(\?([a-z]*)(?:-([a-z]*))?([:)])/.exec(src.slice(i));
            if (src.startsWith('(?P<', i)) {
                const end = src.indexOf('>', i);
                out += `(?<${src.slice(i + 4, end)}>`;
                stack.push({ ...top() });
                i = end + 1;
            }
            else if (flags && (flags[1] !== '' || flags[2] !== undefined)) {
                const set = { ci: top().ci, s: top().s };
                for (const f of flags[1])
                    if (f === 'i')
                        set.ci = true;
                    else if (f === 's')
                        set.s = true;
                    else
                        throw new Error(`unsupported flag ${f} in ${src}`);
                for (const f of flags[2] ?? '')
                    if (f === 'i')
                        set.ci = false;
                    else if (f === 's')
                        set.s = false;
                    else
                        throw new Error(`unsupported flag ${f} in ${src}`);
                if (flags[3] === ')')
                    Object.assign(top(), set);
                else {
                    out += '(?:';
                    stack.push(set);
                }
                i += flags[0].length;
            }
            else {
                const plain = src.startsWith('(?:', i) ? '(?:' : '(';
                out += plain;
                stack.push({ ...top() });
                i += plain.length;
            }
        }
        else if (c === ')') {
            stack.pop();
            out += c;
            i++;
        }
        else if (c === '.') {
            out += top().s ? '[\\s\\S]' : '.';
            i++;
        }
        else if (c === '{') {
            // A repetition count is copied whole: its digits are not letters to case-fold.
            const rep = /^\{\d*(?:,\d*)?\}/.exec(src.slice(i));
            out += rep ? rep[0] : '\\{';
            i += rep ? rep[0].length : 1;
        }
        else {
            out += letter(c);
            i++;
        }
    }
    return out;
}
/** The character class starting at `src[start]` (`[`), converted; returns it and the index after it. */
function charClass(src, start, ci) {
    let i = start + 1;
    let body = '';
    const negated = src[i] === '^';
    if (negated)
        i++;
    const atoms = [];
    let first = true;
    while (i < src.length && (src[i] !== ']' || first)) {
        first = false;
        const posix = /^\[:([a-z]+):\]/.exec(src.slice(i));
        if (posix) {
            const cls = POSIX[posix[1]];
            if (cls === undefined)
                throw new Error(`unsupported POSIX class ${posix[0]} in ${src}`);
            atoms.push(cls);
            i += posix[0].length;
        }
        else if (src[i] === '\\') {
            atoms.push(src.slice(i, i + 2));
            i += 2;
        }
        else if (src[i] === '[') {
            atoms.push('\\[');
            i++;
        }
        else {
            atoms.push(src[i]);
            i++;
        }
    }
    if (src[i] !== ']')
        throw new Error(`unclosed character class in ${src}`);
    body = atoms.join('');
    if (ci)
        body += caseCounterparts(atoms);
    return [`[${negated ? '^' : ''}${body}]`, i + 1];
}
/** The other-case letters and ranges of a class's atoms (`a-f` → `A-F`), for a case-insensitive scope. */
function caseCounterparts(atoms) {
    let extra = '';
    for (let k = 0; k < atoms.length; k++) {
        const a = atoms[k];
        if (atoms[k + 1] === '-' && k + 2 < atoms.length && /^[a-z]$/i.test(a) && /^[a-z]$/i.test(atoms[k + 2])) {
            const b = atoms[k + 2];
            extra += a === a.toLowerCase() ? `${a.toUpperCase()}-${b.toUpperCase()}` : `${a.toLowerCase()}-${b.toLowerCase()}`;
            k += 2;
        }
        else if (/^[a-z]$/i.test(a) && atoms[k - 1] !== '-') {
            extra += a === a.toLowerCase() ? a.toUpperCase() : a.toLowerCase();
        }
    }
    return extra;
}
/** The generated module's text for the given gitleaks.toml text. */
export function gitleaksRulesModule(toml) {
    const doc = parseGitleaksToml(toml);
    const regexes = (t) => (t.regexes ?? []).map(re2ToJs);
    const allowlist = (t) => ({
        ...(t.regexTarget !== undefined ? { regexTarget: t.regexTarget } : {}),
        ...(t.condition !== undefined ? { condition: String(t.condition).toUpperCase() } : {}),
        ...(t.paths !== undefined ? { paths: true } : {}),
        regexes: regexes(t),
        stopwords: t.stopwords ?? [],
    });
    const rules = (doc.rules ?? []).map(({ fields: r, allowlists }) => ({
        id: r.id,
        ...(r.regex !== undefined ? { regex: re2ToJs(r.regex) } : {}),
        ...(r.path !== undefined ? { path: true } : {}),
        ...(r.entropy !== undefined ? { entropy: r.entropy } : {}),
        ...(r.secretGroup !== undefined ? { secretGroup: r.secretGroup } : {}),
        keywords: (r.keywords ?? []).map((k) => k.toLowerCase()),
        allowlists: allowlists.map(allowlist),
    }));
    for (const r of rules)
        if (r.regex)
            new RegExp(r.regex.source, r.regex.flags);
    const lines = [
        `// Generated by generator/scripts/build-secret-rules.ts from generator/vendor/gitleaks/gitleaks.toml`,
        `// (gitleaks ${GITLEAKS_VERSION}, commit ${GITLEAKS_COMMIT}, MIT License: generator/vendor/gitleaks/LICENSE).`,
        `// Do not edit: update the vendored file and run \`npm run secret-rules\`.`,
        `import type { GitleaksConfig } from './gitleaks-config.js';`,
        ``,
        `export const gitleaksConfig: GitleaksConfig = {`,
        `  version: ${JSON.stringify(GITLEAKS_VERSION)},`,
        `  allowlist: ${JSON.stringify(allowlist(doc.allowlist ?? {}))},`,
        `  rules: [`,
        ...rules.map((r) => `    ${JSON.stringify(r)},`),
        `  ],`,
        `};`,
        ``,
    ];
    return lines.join('\n');
}
/** Where the vendored file and the generated module are, from the repository root. */
export const SECRET_RULE_FILES = { toml: 'generator/vendor/gitleaks/gitleaks.toml', module: 'generator/src/core/secrets/gitleaks-rules.generated.ts' };
function main() {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
    const text = gitleaksRulesModule(fs.readFileSync(path.join(root, SECRET_RULE_FILES.toml), 'utf8'));
    fs.writeFileSync(path.join(root, SECRET_RULE_FILES.module), text);
    process.stdout.write(`secret rules: ${SECRET_RULE_FILES.toml} -> ${SECRET_RULE_FILES.module}\n`);
}
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
    main();
