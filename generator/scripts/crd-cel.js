const obj = (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined);
/** The rule tree of a schema, or `undefined` when it has no rule. */
export function celTree(s) {
    const t = {};
    const rules = [s, ...(Array.isArray(s.allOf) ? s.allOf.map(obj).filter((x) => x !== undefined) : [])].flatMap(rulesOf);
    if (rules.length > 0) {
        t.r = rules;
        const d = defaultsOf(s);
        if (d)
            t.d = d;
    }
    const props = obj(s.properties);
    if (props) {
        const p = {};
        for (const name of Object.keys(props).sort()) {
            const sub = celTree(obj(props[name]) ?? {});
            if (sub)
                p[name] = sub;
        }
        if (Object.keys(p).length > 0)
            t.p = p;
    }
    const items = obj(s.items);
    const i = items && celTree(items);
    if (i)
        t.i = i;
    const additional = obj(s.additionalProperties);
    const m = additional && celTree(additional);
    if (m)
        t.m = m;
    return Object.keys(t).length > 0 ? t : undefined;
}
/** The defaults below a schema node, or `undefined` when there is none. */
function defaultsOf(s) {
    const d = {};
    if (s.default !== undefined)
        d.v = s.default;
    const props = obj(s.properties);
    if (props) {
        const p = {};
        for (const name of Object.keys(props).sort()) {
            const sub = defaultsOf(obj(props[name]) ?? {});
            if (sub)
                p[name] = sub;
        }
        if (Object.keys(p).length > 0)
            d.p = p;
    }
    const items = obj(s.items);
    const i = items && defaultsOf(items);
    if (i)
        d.i = i;
    const additional = obj(s.additionalProperties);
    const m = additional && defaultsOf(additional);
    if (m)
        d.m = m;
    return Object.keys(d).length > 0 ? d : undefined;
}
function rulesOf(s) {
    const list = s['x-kubernetes-validations'];
    if (!Array.isArray(list))
        return [];
    const out = [];
    for (const raw of list) {
        const r = obj(raw);
        if (!r || typeof r.rule !== 'string')
            continue;
        const rule = { rule: r.rule };
        if (typeof r.message === 'string' && r.message.trim() !== '')
            rule.message = r.message.trim();
        if (typeof r.messageExpression === 'string')
            rule.messageExpression = r.messageExpression;
        if (typeof r.fieldPath === 'string')
            rule.fieldPath = r.fieldPath;
        if (typeof r.reason === 'string')
            rule.reason = r.reason;
        out.push(rule);
    }
    return out;
}
