/** The alertmanager.yml (as data) the operator writes for `amc` merged into the default configuration. */
export function operatorAlertmanagerYaml(amc, target) {
    const ns = amc.metadata.namespace ?? '';
    // makeNamespacedString: receiver names become `<namespace>/<name>/<receiver>` (amcfg.go:1778-1783).
    const prefixed = (r) => (r ? `${ns}/${amc.metadata.name}/${r}` : undefined);
    // Routes and inhibition rules are confined to the config's namespace unless the strategy spares it
    // (getEnforcer amcfg.go:248-267; namespaceEnforcer :155-203; otherNamespaceEnforcer :212-224).
    const enforced = target.strategy === 'OnNamespace' || (target.strategy === 'OnNamespaceExceptForAlertmanagerNamespace' && ns !== target.namespace);
    const nsMatcher = `namespace="${escape(ns)}"`;
    const spec = amc.spec ?? {};
    const inhibitRules = (spec.inhibitRules ?? []).map((ir) => {
        const source = matchers(ir.sourceMatch);
        const target_ = matchers(ir.targetMatch);
        return omitEmpty({
            target_matchers: enforced ? withOnce(target_, nsMatcher) : target_,
            source_matchers: enforced ? withOnce(source, nsMatcher) : source,
            equal: ir.equal,
        });
    });
    const top = spec.route ? convertRoute(spec.route, prefixed) : undefined;
    if (top) {
        if (enforced)
            top.matchers = [...(top.matchers ?? []), nsMatcher];
        // continueToNextRoute: a config's top route always continues (amcfg.go:122-126).
        top.continue = true;
    }
    // Receivers are added only for a config that has a route (amcfg.go:371-392).
    const receivers = top ? (spec.receivers ?? []).map((r) => convertReceiver(r, prefixed, target.secret)) : [];
    // The default configuration when the Alertmanager names no Secret of its own (operator.go:852-857).
    return omitEmpty({
        route: { receiver: 'null', ...(top ? { routes: [top] } : {}) },
        // Inhibition rules first, receivers after the base's (amcfg.go:359-369, :386-392); sub-routes go
        // before the base's routes (amcfg.go:403-407).
        inhibit_rules: inhibitRules,
        receivers: [{ name: 'null' }, ...receivers],
    });
}
/** convertRoute (amcfg.go:549-601), children included; yaml keys of `route` (alertmanager/types.go:90-103). */
function convertRoute(r, prefixed) {
    const children = (r.routes ?? []);
    return omitEmpty({
        receiver: prefixed(r.receiver),
        group_by: r.groupBy,
        matchers: matchers(r.matchers),
        continue: r.continue || undefined,
        routes: children.map((c) => convertRoute(c, prefixed)),
        group_wait: r.groupWait,
        group_interval: r.groupInterval,
        repeat_interval: r.repeatInterval,
    });
}
/** convertReceiver (amcfg.go:604-800): webhook (:885-927) and email (:1280-1356) configs; keys of alertmanager/types.go:115-145, :330-350. */
function convertReceiver(r, prefixed, secret) {
    return omitEmpty({
        name: prefixed(r.name),
        webhook_configs: (r.webhookConfigs ?? []).map((w) => omitEmpty({ send_resolved: w.sendResolved, url: w.urlSecret ? secret(w.urlSecret.name ?? '', w.urlSecret.key) : w.url })),
        email_configs: (r.emailConfigs ?? []).map((e) => omitEmpty({
            send_resolved: e.sendResolved,
            to: e.to,
            from: e.from,
            smarthost: e.smarthost,
            auth_username: e.authUsername,
            auth_password: e.authPassword ? secret(e.authPassword.name ?? '', e.authPassword.key) : undefined,
            require_tls: e.requireTLS,
        })),
    });
}
/** convertMatchersV2 (amcfg.go:1674-1704) with Matcher.String (v1alpha1/alertmanager_config_types.go:1436-1438). */
function matchers(ms) {
    return (ms ?? []).map((m) => `${m.name}${m.matchType ?? '='}"${escape(m.value ?? '')}"`);
}
/** openMetricsEscape (v1alpha1/alertmanager_config_types.go:1497-1504). */
function escape(s) {
    return s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}
function withOnce(list, m) {
    return list.includes(m) ? list : [...list, m];
}
/** Go's `omitempty`: no key for an absent value or an empty list. */
function omitEmpty(o) {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
}
