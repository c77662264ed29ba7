/**
 * What the CLI does differently in a terminal: colour (https://no-color.org: `NO_COLOR` set and not
 * empty turns it off; `FORCE_COLOR` turns it on in a pipe, `FORCE_COLOR=0` off) and progress lines
 * on stderr for the long stages. A pipe, a file or CI gets plain text with neither, byte for byte
 * what the tests compare. Pure: the entry passes whether the stream is a terminal and the environment.
 */

type Env = Readonly<Record<string, string | undefined>>;

/** Whether text written to a stream should be coloured. */
export function colorWanted(isTTY: boolean, env: Env): boolean {
  if ((env['NO_COLOR'] ?? '') !== '') return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return isTTY && env['TERM'] !== 'dumb';
}

/** Whether a long run reports its stages on stderr: a person is watching a terminal, not a CI log. */
export function progressWanted(stderrIsTTY: boolean, env: Env): boolean {
  const ci = env['CI'];
  return stderrIsTTY && (ci === undefined || ci === '' || ci === 'false' || ci === '0');
}

const RED = '\u001b[31m';
const YELLOW = '\u001b[33m';
const GREEN = '\u001b[32m';
const BOLD = '\u001b[1m';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

/**
 * Colours what a reader looks for in the text outputs: errors red, warnings yellow, an open window
 * green and a closed one red, the hint lines dim, the summary bold with its non-zero failure counts
 * red. Only escape sequences are added: with them removed the text is unchanged.
 */
export function colorize(text: string): string {
  return text
    .split('\n')
    .map((line) => paintLine(line))
    .join('\n');
}

function paintLine(line: string): string {
  if (line.startsWith('Summary: ')) {
    return `${BOLD}${line.replace(/\b(Invalid|Errors): ([1-9]\d*)/g, `${RED}$1: $2${RESET}${BOLD}`)}${RESET}`;
  }
  const hint = /^(\s+)(hint|fix):/.exec(line);
  if (hint) return `${hint[1]}${DIM}${hint[2]}:${RESET}${line.slice(hint[0].length)}`;
  return line
    .replace(/^error:/, `${RED}${BOLD}error${RESET}:`)
    .replace(/ - (error|failed validation|is invalid)(:?)/, ` - ${RED}${BOLD}$1${RESET}$2`)
    .replace(/ (is invalid|failed validation):/, ` ${RED}${BOLD}$1${RESET}:`)
    .replace(/ - warning:| has a warning/, (m) => `${YELLOW}${m}${RESET}`)
    .replace(/^([a-z0-9-]+): (open|closed)\b/, (_m, env: string, state: string) => `${env}: ${state === 'open' ? GREEN : RED}${state}${RESET}`);
}
