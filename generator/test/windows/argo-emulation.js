const STAR = 1n << 63n;
/** robfig/cron getRange/getField, over BigInt bit sets. */
function field(text, min, max, names = [], namesFrom = 0) {
    let bits = 0n;
    const num = (s) => {
        const i = names.indexOf(s.toLowerCase());
        return i >= 0 ? i + namesFrom : Number.parseInt(s, 10);
    };
    for (const expr of text.split(',')) {
        const [range, step] = expr.split('/');
        const lowHigh = range.split('-');
        let start;
        let end;
        let extra = 0n;
        if (lowHigh[0] === '*' || lowHigh[0] === '?') {
            start = min;
            end = max;
            extra = STAR;
        }
        else {
            start = num(lowHigh[0]);
            end = lowHigh.length === 2 ? num(lowHigh[1]) : start;
        }
        let by = 1;
        if (step !== undefined) {
            by = Number.parseInt(step, 10);
            if (lowHigh.length === 1 && extra === 0n)
                end = max;
            if (by > 1)
                extra = 0n;
        }
        if (start < min || end > max || start > end || !(by > 0))
            throw new Error(`bad cron field ${text}`);
        for (let v = start; v <= end; v += by)
            bits |= 1n << BigInt(v);
        bits |= extra;
    }
    return bits;
}
function spec(schedule) {
    const f = schedule.trim().split(/\s+/);
    if (f.length !== 5)
        throw new Error(`bad cron ${schedule}`);
    const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
    const days = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
    return {
        minute: field(f[0], 0, 59),
        hour: field(f[1], 0, 23),
        dom: field(f[2], 1, 31),
        month: field(f[3], 1, 12, months, 1),
        dow: field(f[4], 0, 6, days, 0),
    };
}
const has = (bits, v) => (bits & (1n << BigInt(v))) !== 0n;
/** robfig SpecSchedule: does the (UTC wall clock) minute match? */
function matches(s, d) {
    if (!has(s.minute, d.getUTCMinutes()) || !has(s.hour, d.getUTCHours()) || !has(s.month, d.getUTCMonth() + 1))
        return false;
    const domMatch = has(s.dom, d.getUTCDate());
    const dowMatch = has(s.dow, d.getUTCDay());
    return (s.dom & STAR) !== 0n || (s.dow & STAR) !== 0n ? domMatch && dowMatch : domMatch || dowMatch;
}
function goDuration(text) {
    let ms = 0;
    for (const [, n, unit] of text.matchAll(/(\d+)([hms])/g))
        ms += Number(n) * { h: 3600_000, m: 60_000, s: 1000 }[unit];
    return ms;
}
const offsetFormats = new Map();
/** UTC offset (ms) of a zone at an instant, from `GMT+05:45`-style names. */
function emuOffset(zone, ms) {
    let f = offsetFormats.get(zone);
    if (!f) {
        f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
        offsetFormats.set(zone, f);
    }
    const name = f.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName').value;
    const m = /^GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(name);
    if (!m)
        throw new Error(`unexpected offset name ${name}`);
    if (!m[1])
        return 0;
    const abs = (Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0)) * 1000;
    return m[1] === '-' ? -abs : abs;
}
/** Argo CD as documented, for a list of emitted windows, valid for instants within [fromMs, toMs]. */
export class ArgoEmulation {
    fromMs;
    toMs;
    tables;
    constructor(windows, fromMs, toMs) {
        this.fromMs = fromMs;
        this.toMs = toMs;
        this.tables = windows.map((w) => {
            const durationMs = goDuration(w.duration);
            const s = spec(w.schedule);
            // Shifted clock is at most ±14 h from UTC; firings up to one duration back can matter.
            const firstMinute = Math.floor((fromMs - durationMs - 15 * 3600_000) / 60_000);
            const lastMinute = Math.ceil((toMs + 15 * 3600_000) / 60_000);
            const prefix = new Int32Array(lastMinute - firstMinute + 2);
            const firings = [];
            for (let m = firstMinute; m <= lastMinute; m++) {
                const fires = matches(s, new Date(m * 60_000));
                prefix[m - firstMinute + 1] = prefix[m - firstMinute] + (fires ? 1 : 0);
                if (fires)
                    firings.push(m * 60_000);
            }
            return { w, durationMs, firstMinute, prefix, firings };
        });
    }
    /** Firings in the open interval (a, b) of the shifted clock. */
    count(t, a, b) {
        const lo = Math.floor(a / 60_000) + 1; // first minute strictly after a
        const hi = Math.ceil(b / 60_000) - 1; // last minute strictly before b
        if (hi < lo)
            return 0;
        const i = lo - t.firstMinute;
        const j = hi - t.firstMinute;
        if (i < 0 || j + 1 >= t.prefix.length)
            throw new Error('instant outside the emulated range');
        return t.prefix[j + 1] - t.prefix[i];
    }
    /** Argo CD's `active()`: `schedule.Next(t + offset − duration)` is before `t + offset`. */
    active(t, ms) {
        const shifted = ms + emuOffset(t.w.timeZone, ms);
        return this.count(t, shifted - t.durationMs, shifted) > 0;
    }
    /** Argo CD's decision for automated sync (argo.md rules 1–5). */
    canSync(ms) {
        if (this.tables.length === 0)
            return true;
        if (this.tables.some((t) => t.w.kind === 'deny' && this.active(t, ms)))
            return false;
        const allows = this.tables.filter((t) => t.w.kind === 'allow');
        if (allows.some((t) => this.active(t, ms)))
            return true;
        return allows.length === 0;
    }
    /** Real instants near every window edge (both offsets of the zone around the firing), ±1 s and ±1 ms. */
    edgeInstants() {
        const out = [];
        for (const t of this.tables) {
            for (const f of t.firings) {
                for (const edge of [f, f + t.durationMs]) {
                    const offsets = new Set([emuOffset(t.w.timeZone, edge - 14 * 3600_000), emuOffset(t.w.timeZone, edge + 14 * 3600_000)]);
                    for (const off of offsets)
                        for (const d of [-1000, -1, 0, 1, 1000])
                            out.push(edge - off + d);
                }
            }
        }
        return out.filter((ms) => ms >= this.fromMs && ms <= this.toMs);
    }
}
/** Instants around every UTC-offset change of `zone` in [fromMs, toMs], found by hourly scanning. */
export function offsetChangeInstants(zone, fromMs, toMs) {
    const out = [];
    let prev = emuOffset(zone, fromMs);
    for (let ms = fromMs + 3600_000; ms <= toMs; ms += 3600_000) {
        const off = emuOffset(zone, ms);
        if (off === prev)
            continue;
        let [lo, hi] = [ms - 3600_000, ms];
        while (hi - lo > 1) {
            const mid = Math.floor((lo + hi) / 2);
            if (emuOffset(zone, mid) === prev)
                lo = mid;
            else
                hi = mid;
        }
        for (const d of [-3600_000, -1000, -1, 0, 1, 1000, 1800_000, 3600_000])
            out.push(hi + d);
        prev = off;
    }
    return out;
}
