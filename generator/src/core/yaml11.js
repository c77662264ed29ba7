/**
 * What one plain YAML scalar means to the two kinds of reader Kubernetes tooling uses.
 *
 * **YAML 1.1, as go-yaml v2 resolves it** (`kubectl apply -f`, Argo CD plain-directory sources):
 * kubectl 1.31/1.32 and Argo CD 3.0/3.1 decode with sigs.k8s.io/yaml v1.4.0, whose `goyaml.v2` is
 * go-yaml v2.4.0 (Argo CD 3.2+ uses sigs.k8s.io/yaml v1.6.0, which aliases go.yaml.in/yaml/v2 v2.4.2,
 * the same resolver). The rules below are those of kubernetes-sigs/yaml `goyaml.v2/resolve.go` @ v1.4.0:
 * - lines 37-42: `y Y yes Yes YES on On ON` are true, `n N no No NO off Off OFF` false;
 * - line 43-47: null and `.inf`/`.nan` spellings are the YAML 1.2 ones (no difference);
 * - lines 124-126: base-60 numbers (`1:30`) are not supported, so stay strings (no difference);
 * - lines 132-137: a scalar starting with `.` is a number when Go's `strconv.ParseFloat` takes it
 *   (underscores between digits allowed: `.5_5`);
 * - lines 139-168: a scalar starting with a digit or sign: timestamps first (decoded into `interface{}`
 *   they stay strings, `goyaml.v2/decode.go:474-480`), then every `_` is removed and Go's
 *   `strconv.ParseInt(s, 0, 64)` decides: a leading `0` is octal (`010` is 8), `0b`/`0B` binary,
 *   `0o`/`0O` octal, `0x`/`0X` hexadecimal, each with an optional sign; then `ParseUint` (up to
 *   2^64-1); then the YAML float pattern of line 84 (an out-of-range float such as `1e400` is an error
 *   in Go, so it stays a string).
 * - keys resolve the same way; sigs.k8s.io/yaml `yaml.go:213-249` @ v1.4.0 turns a bool or number key
 *   into its string form (`on:` becomes the key `"true"`).
 *
 * **go-yaml v3** (kustomize's kyaml: sigs.k8s.io/kustomize/kyaml imports go.yaml.in/yaml/v3) has the same
 * number rules, octal `0777` included (go-yaml `resolve.go:180-258` @ v3.0.1, "Octals from the 1.1
 * spec, spelled as 0777, are still decoded by default in v3"), but only `true`/`false` as booleans
 * (`resolve.go:52-53` @ v3.0.1).
 *
 * **The YAML 1.2 core schema** (YAML 1.2.2 §10.3.2; our configuration loader, yq, ruamel): booleans
 * `true|True|TRUE|false|False|FALSE`, null `null|Null|NULL|~`, integers `[-+]?[0-9]+` (decimal, leading
 * zeros included), `0o[0-7]+`, `0x[0-9a-fA-F]+`, floats `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
 * and `[-+]?\.(inf|Inf|INF)`, `\.(nan|NaN|NAN)`; everything else is a string.
 */
const V2_TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const V2_FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const SPECIAL_FLOATS = {};
for (const s of ['inf', 'Inf', 'INF']) {
    SPECIAL_FLOATS[`.${s}`] = 'Infinity';
    SPECIAL_FLOATS[`+.${s}`] = 'Infinity';
    SPECIAL_FLOATS[`-.${s}`] = '-Infinity';
}
for (const s of ['nan', 'NaN', 'NAN'])
    SPECIAL_FLOATS[`.${s}`] = 'NaN';
/** goyaml.v2/resolve.go:84 (and the YAML 1.2 core float pattern: the same expression). */
const YAML_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
/** Go's `strconv.ParseInt(s, 0, 64)` syntax (no underscores: the resolver removed them). */
const GO_INT = /^([-+]?)(?:0[xX]([0-9a-fA-F]+)|0[bB]([01]+)|0[oO]([0-7]+)|(0[0-7]*)|([1-9][0-9]*))$/;
/** Go float syntax for a literal starting with `.`, underscores only between digits. */
const GO_DOT_FLOAT = /^\.[0-9](?:_?[0-9])*(?:[eE][-+]?[0-9](?:_?[0-9])*)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const str = (s) => ({ kind: 'string', value: JSON.stringify(s) });
const num = (n) => ({ kind: 'number', value: canonicalNumber(n) });
/** Integers exactly while a double holds them; beyond 2^53 as the double both readers end up with in JSON. */
function canonicalNumber(n) {
    const safe = (i) => i >= -MAX_SAFE && i <= MAX_SAFE;
    if (typeof n === 'bigint')
        return safe(n) ? n.toString() : String(Number(n));
    return Number.isInteger(n) && safe(BigInt(n)) ? BigInt(n).toString() : String(n);
}
/** go-yaml v2's reading of a plain scalar, as kubectl apply and Argo CD decode it (see the file comment). */
export function readYaml11(s) {
    if (V2_TRUE.has(s))
        return { kind: 'bool', value: 'true' };
    if (V2_FALSE.has(s))
        return { kind: 'bool', value: 'false' };
    return readNumberOrNull(s);
}
/** go-yaml v3's reading (kustomize's kyaml): YAML 1.1 numbers, YAML 1.2 booleans. */
export function readGoYamlV3(s) {
    if (s === 'true' || s === 'True' || s === 'TRUE')
        return { kind: 'bool', value: 'true' };
    if (s === 'false' || s === 'False' || s === 'FALSE')
        return { kind: 'bool', value: 'false' };
    return readNumberOrNull(s);
}
function readNumberOrNull(s) {
    if (NULLS.has(s))
        return { kind: 'null', value: 'null' };
    const special = SPECIAL_FLOATS[s];
    if (special !== undefined)
        return { kind: 'number', value: special };
    const c = s[0];
    if (c === '.') {
        if (!GO_DOT_FLOAT.test(s))
            return str(s);
        const f = Number(s.replace(/_/g, ''));
        return Number.isFinite(f) ? num(f) : str(s);
    }
    if (!(c === '+' || c === '-' || (c >= '0' && c <= '9')))
        return str(s);
    const plain = s.replace(/_/g, '');
    const m = GO_INT.exec(plain);
    if (m) {
        const [, sign, hex, bin, oct, leadingZero, dec] = m;
        const magnitude = hex !== undefined ? BigInt(`0x${hex}`)
            : bin !== undefined ? BigInt(`0b${bin}`)
                : oct !== undefined ? BigInt(`0o${oct}`)
                    : leadingZero !== undefined ? (leadingZero.length > 1 ? BigInt(`0o${leadingZero.slice(1)}`) : 0n)
                        : BigInt(dec);
        const value = sign === '-' ? -magnitude : magnitude;
        // ParseInt, then ParseUint (which takes no sign).
        if (value >= INT64_MIN && value <= INT64_MAX)
            return num(value);
        if (sign === '' && value <= UINT64_MAX)
            return num(value);
    }
    if (YAML_FLOAT.test(plain)) {
        const f = Number(plain);
        if (Number.isFinite(f))
            return num(f);
    }
    return str(s);
}
const CORE_INT = /^[-+]?[0-9]+$/;
/** The YAML 1.2 core schema's reading of a plain scalar. */
export function readYaml12(s) {
    if (s === 'true' || s === 'True' || s === 'TRUE')
        return { kind: 'bool', value: 'true' };
    if (s === 'false' || s === 'False' || s === 'FALSE')
        return { kind: 'bool', value: 'false' };
    if (NULLS.has(s))
        return { kind: 'null', value: 'null' };
    const special = SPECIAL_FLOATS[s];
    if (special !== undefined)
        return { kind: 'number', value: special };
    if (CORE_INT.test(s))
        return num(BigInt(s));
    if (/^0o[0-7]+$/.test(s))
        return num(BigInt(s));
    if (/^0x[0-9a-fA-F]+$/.test(s))
        return num(BigInt(s));
    if (YAML_FLOAT.test(s))
        return num(Number(s));
    return str(s);
}
/** Characters a plain scalar must start with for go-yaml v2 to read it as anything but a string. */
const MAY_DIFFER = /^[-+.0-9yYnNoO]/;
/** Both readings of a plain scalar when they differ, else `undefined`. */
export function yaml11Difference(s) {
    if (!MAY_DIFFER.test(s))
        return undefined;
    const yaml11 = readYaml11(s);
    const yaml12 = readYaml12(s);
    if (yaml11.kind === yaml12.kind && yaml11.value === yaml12.value)
        return undefined;
    return { yaml11, yaml12, kustomize: readGoYamlV3(s) };
}
/** A reading in words: `the boolean true`, `the integer 8`, `the number 0.5`, `null`, `the string "yes"`. */
export function describeReading(r) {
    if (r.kind === 'null')
        return 'null';
    if (r.kind === 'bool')
        return `the boolean ${r.value}`;
    if (r.kind === 'string')
        return `the string ${r.value}`;
    return /^-?[0-9]+$/.test(r.value) ? `the integer ${r.value}` : `the number ${r.value}`;
}
