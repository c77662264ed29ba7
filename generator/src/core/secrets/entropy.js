/**
 * Shannon entropy of strings, in bits per character, and the "high entropy" test of Yelp's
 * detect-secrets (v1.5.0, commit 01886c8, detect_secrets/plugins/high_entropy_strings.py): a value
 * made only of base64 characters is random-looking above 4.5 bits, one made only of hex digits above
 * 3.0 bits, where an all-digit hex string first loses 1.2 / log2(length) so numbers rarely qualify.
 */
/** Entropy over the characters of `s` (gitleaks' `shannonEntropy`: every distinct character counts). */
export function shannonEntropy(s) {
    if (s === '')
        return 0;
    const counts = new Map();
    for (const ch of s)
        counts.set(ch, (counts.get(ch) ?? 0) + 1);
    const n = [...s].length;
    let h = 0;
    for (const c of counts.values())
        h -= (c / n) * Math.log2(c / n);
    return h;
}
/** detect-secrets' limits: `Base64HighEntropyString(limit=4.5)`, `HexHighEntropyString(limit=3.0)`. */
export const ENTROPY_LIMITS = { base64: 4.5, hex: 3.0 };
const HEX = /^[0-9a-fA-F]+$/;
const BASE64 = /^[A-Za-z0-9+/\-_=]+$/;
/**
 * Whether `s` is a random-looking token as detect-secrets judges one: the whole value drawn from the
 * hex or the base64 alphabet, with entropy above that alphabet's limit. Returns the alphabet and the
 * entropy when it is, for the finding's message.
 */
export function highEntropy(s) {
    if (HEX.test(s)) {
        let h = shannonEntropy(s);
        if (/^\d+$/.test(s) && s.length > 1)
            h -= 1.2 / Math.log2(s.length);
        return h > ENTROPY_LIMITS.hex ? { charset: 'hex', entropy: h } : undefined;
    }
    if (BASE64.test(s)) {
        const h = shannonEntropy(s);
        return h > ENTROPY_LIMITS.base64 ? { charset: 'base64', entropy: h } : undefined;
    }
    return undefined;
}
