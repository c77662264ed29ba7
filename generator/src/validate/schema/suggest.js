/** Nearest known names to a misspelt one, for "did you mean" messages. */
export function nearestNames(name, known, max = 3) {
    const lower = name.toLowerCase();
    const limit = Math.max(2, Math.floor(name.length / 3));
    const scored = [];
    const contained = [];
    for (const k of known) {
        const kl = k.toLowerCase();
        const d = kl === lower ? 0 : distance(lower, kl, limit);
        if (d <= limit)
            scored.push({ n: k, d });
        // A known name that contains the typed one (or the reverse) is a likely intent too: `image` vs `imageName`.
        else if (lower.length >= 4 && (kl.includes(lower) || lower.includes(kl)))
            contained.push(k);
    }
    if (scored.length === 0)
        return contained.sort().slice(0, max);
    scored.sort((a, b) => a.d - b.d || (a.n < b.n ? -1 : a.n > b.n ? 1 : 0));
    // Only the closest names: "imagePullPolicyy" suggests "imagePullPolicy", not also "image".
    const best = scored[0].d;
    return scored.filter((s) => s.d <= best + 1).slice(0, max).map((s) => s.n);
}
/** Levenshtein distance, giving up (returning limit + 1) once it exceeds `limit`. */
function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit)
        return limit + 1;
    let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const cur = [i];
        let best = i;
        for (let j = 1; j <= b.length; j++) {
            const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
            cur.push(v);
            if (v < best)
                best = v;
        }
        if (best > limit)
            return limit + 1;
        prev = cur;
    }
    return prev[b.length];
}
