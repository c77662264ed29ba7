/**
 * Kubernetes resource quantities (`250m`, `0.5`, `512Mi`, `1e3`, `2G`).
 *
 * Grammar, as in k8s.io/apimachinery `resource.Quantity`:
 *
 *     quantity ::= [+-] number suffix
 *     number   ::= digits | digits "." digits | digits "." | "." digits
 *     suffix   ::= "" | "n" | "u" | "m" | "k" | "M" | "G" | "T" | "P" | "E"    (decimal SI)
 *                | "Ki" | "Mi" | "Gi" | "Ti" | "Pi" | "Ei"                     (binary SI)
 *                | ("e" | "E") [+-] digits                                     (decimal exponent)
 *
 * CPU and memory are parsed exactly (BigInt arithmetic), so `1.1` CPU is 1100 millicores and not
 * 1100.0000000000002.
 */
const Mi = 1024 ** 2;
const Gi = 1024 ** 3;
const decimalSuffix = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const binarySuffix = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
/** Quantities in config are short; anything longer is not one (and would cost BigInt time). */
const maxLength = 64;
/** Exponents beyond this are not meaningful resource amounts and are refused before any arithmetic. */
const maxExponent = 300;
const grammar = /^([+-]?)(\d+\.?\d*|\.\d+)([eE][+-]?\d+|[KMGTPE]i|[numkMGTPE]?)$/;
function parseExact(q) {
    const s = typeof q === 'number' ? (Number.isFinite(q) ? String(q) : '') : q;
    if (s.length === 0 || s.length > maxLength)
        return undefined;
    const m = grammar.exec(s);
    if (!m)
        return undefined;
    const [, sign = '', number = '', suffix = ''] = m;
    const [whole = '', fraction = ''] = number.split('.');
    let pow10 = -fraction.length;
    let pow2 = 0;
    if (suffix in binarySuffix)
        pow2 = binarySuffix[suffix];
    else if (suffix in decimalSuffix)
        pow10 += decimalSuffix[suffix];
    else {
        const exponent = Number(suffix.slice(1));
        if (Math.abs(exponent) > maxExponent)
            return undefined;
        pow10 += exponent;
    }
    return { negative: sign === '-', digits: BigInt(`${whole}${fraction}` || '0'), pow10, pow2, suffix };
}
/** digits × 10^pow10 × 2^pow2 as an exact non-negative integer, or undefined when it is not whole. */
function exactInteger(e, extraPow10) {
    const pow10 = e.pow10 + extraPow10;
    let n = e.digits * 2n ** BigInt(e.pow2);
    if (pow10 >= 0)
        return n * 10n ** BigInt(pow10);
    const d = 10n ** BigInt(-pow10);
    if (n % d !== 0n)
        return undefined;
    n /= d;
    return n;
}
function toSafeNumber(n) {
    return n !== undefined && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : undefined;
}
/**
 * Value of a quantity in base units (cores, bytes, plain numbers): `'250m'` → 0.25, `'1Ki'` → 1024,
 * `'1e3'` → 1000, `2` → 2. `undefined` when `q` is not a quantity.
 */
export function parseQuantity(q) {
    const e = parseExact(q);
    if (!e)
        return undefined;
    const v = Number(`${e.digits}e${e.pow10}`) * 2 ** e.pow2;
    return e.negative ? -v : v;
}
/**
 * CPU in whole millicores: `'250m'` → 250, `'0.5'` → 500, `'2'` → 2000, `1` → 1000.
 *
 * `undefined` unless the quantity is written as cores, millicores or with a decimal exponent:
 * binary suffixes (`100Mi`) and large decimal suffixes (`1k`, `2G`) are grammatical Kubernetes
 * quantities but, on a CPU, always a memory value pasted in the wrong place; `n`/`u` and amounts
 * finer than 1m are refused because Kubernetes does not allow CPU precision below 1m. Negative
 * amounts are refused too.
 */
export function parseCpu(q) {
    const e = parseExact(q);
    if (!e || e.negative)
        return undefined;
    if (!(e.suffix === '' || e.suffix === 'm' || /^[eE]/.test(e.suffix)))
        return undefined;
    return toSafeNumber(exactInteger(e, 3));
}
/**
 * Memory in whole bytes: `'512Mi'` → 536870912, `'1G'` → 1e9, `'1.5Gi'` → 1610612736.
 * `undefined` for millibyte-style suffixes (`m`, `u`, `n`: `128m` is 0.128 bytes and always means
 * `128Mi`), fractional bytes and negative amounts.
 */
export function parseMemory(q) {
    const e = parseExact(q);
    if (!e || e.negative || e.suffix === 'm' || e.suffix === 'u' || e.suffix === 'n')
        return undefined;
    return toSafeNumber(exactInteger(e, 0));
}
/** Formats millicores: 250 → `'250m'`, 2000 → `'2'`. Fractions round up to the next millicore. */
export function formatCpu(milli) {
    const m = Math.ceil(milli);
    return m % 1000 === 0 ? String(m / 1000) : `${m}m`;
}
/** Formats bytes: exact gibibytes as `'2Gi'`, anything else as mebibytes rounded up (`'768Mi'`); 0 → `'0'`. */
export function formatMemory(bytes) {
    if (bytes === 0)
        return '0';
    if (bytes % Gi === 0)
        return `${bytes / Gi}Gi`;
    return `${Math.ceil(bytes / Mi)}Mi`;
}
/**
 * Scales a CPU quantity by `factor`, rounding up to whole millicores, at least `1m`:
 * `scaleCpu('250m', 0.25)` → `'63m'`, `scaleCpu('2', 0.5)` → `'1'`.
 * Throws on a quantity `parseCpu` refuses: the config loader has already rejected those.
 */
export function scaleCpu(q, factor) {
    const milli = parseCpu(q);
    if (milli === undefined)
        throw new Error(`scaleCpu: not a CPU quantity: ${JSON.stringify(q)}`);
    checkFactor(factor);
    return formatCpu(Math.max(1, ceil(milli * factor)));
}
/**
 * Scales a memory quantity by `factor`, rounding up to whole mebibytes, at least `1Mi`:
 * `scaleMemory('1Gi', 0.25)` → `'256Mi'`, `scaleMemory('4Gi', 0.5)` → `'2Gi'`.
 * Throws on a quantity `parseMemory` refuses.
 */
export function scaleMemory(q, factor) {
    const bytes = parseMemory(q);
    if (bytes === undefined)
        throw new Error(`scaleMemory: not a memory quantity: ${JSON.stringify(q)}`);
    checkFactor(factor);
    return formatMemory(Math.max(1, ceil((bytes * factor) / Mi)) * Mi);
}
function checkFactor(factor) {
    if (!(Number.isFinite(factor) && factor > 0))
        throw new Error(`scale factor must be a positive number, got ${factor}`);
}
/** Rounds up, ignoring floating-point noise: 1000 × 0.3 = 300.00000000000006 is 300, not 301. */
function ceil(x) {
    return Math.ceil(x - 1e-9 * Math.max(1, Math.abs(x)));
}
