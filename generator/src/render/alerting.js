import { ALERT_LEVELS } from '../config/shared/vocabulary.js';
import { clusterFolderApplication } from './cluster-platform.js';
import { prometheusSelected } from './conventions.js';
/** Name of the AlertmanagerConfig; the operator prefixes receiver names with `<namespace>/<name>/` (amcfg.go:786, :1778-1783). */
const ALERTING_CONFIG = 'suoke-alerting';
/** The Secret the ExternalSecret writes and the AlertmanagerConfig reads (same namespace: amcfg.go:892, :1316). */
const ALERTING_SECRET = 'alerting-receivers';
/** The Secret key of a receiver's webhook URL or SMTP password. */
const secretKey = (receiver, r) => `${receiver}-${r.channel === 'email' ? 'smtp-password' : 'url'}`;
/** The alerting objects of one cluster, by file name inside its folder; none without `alerting`. */
export function alertingObjects(cluster, labels) {
    const a = cluster.alerting;
    if (!a)
        return [];
    const meta = (name) => ({ name, namespace: cluster.monitoringNamespace, labels: { ...labels, ...prometheusSelected(cluster.monitoringLabels) } });
    const names = Object.keys(a.receivers).sort();
    const secret = {
        apiVersion: 'external-secrets.io/v1',
        kind: 'ExternalSecret',
        metadata: meta(ALERTING_SECRET),
        spec: {
            refreshInterval: '1h',
            secretStoreRef: { kind: a.secretStore.kind, name: a.secretStore.name },
            target: { name: ALERTING_SECRET, creationPolicy: 'Owner', deletionPolicy: 'Retain' },
            data: names.map((n) => {
                const r = a.receivers[n];
                const ref = r.channel === 'email' ? r.email.password : r.url;
                return { secretKey: secretKey(n, r), remoteRef: { key: ref.key, ...(ref.property ? { property: ref.property } : {}) } };
            }),
        },
    };
    const config = {
        apiVersion: 'monitoring.coreos.com/v1alpha1',
        kind: 'AlertmanagerConfig',
        metadata: meta(ALERTING_CONFIG),
        spec: {
            route: topRoute(a),
            receivers: names.map((n) => receiver(n, a.receivers[n])),
            inhibitRules: a.inhibit.map((i) => ({
                sourceMatch: [{ name: 'priority', value: i.source, matchType: '=' }],
                targetMatch: [{ name: 'priority', value: levelsRegex(i.targets), matchType: '=~' }],
                equal: i.equal,
            })),
        },
    };
    return [
        { file: 'alertmanagerconfig.yaml', object: config },
        { file: 'receivers-secret.yaml', object: secret },
    ];
}
/** `P2|P3`: the operator writes `=~` matchers as given (Matcher.String, alertmanager_config_types.go:1436-1438 @ v0.93.0). */
function levelsRegex(levels) {
    return [...new Set(levels)].sort().join('|');
}
/**
 * Only alerts with a level enter: one child route per level, whose receivers are chained with
 * `continue: true` so that each of them is notified. The top route's receiver is never reached (every
 * level has a route); it names P3's first receiver since the operator requires one.
 */
function topRoute(a) {
    return {
        receiver: a.levels.P3.receivers[0],
        groupBy: a.groupBy,
        matchers: [{ name: 'priority', value: levelsRegex(ALERT_LEVELS), matchType: '=~' }],
        routes: ALERT_LEVELS.map((level) => {
            const l = a.levels[level];
            const chain = l.receivers.map((r, i) => ({ receiver: r, ...(i < l.receivers.length - 1 ? { continue: true } : {}) }));
            return {
                receiver: l.receivers[0],
                matchers: [{ name: 'priority', value: level, matchType: '=' }],
                groupWait: l.groupWait,
                groupInterval: l.groupInterval,
                repeatInterval: l.repeatInterval,
                ...(chain.length > 1 ? { routes: chain } : {}),
            };
        }),
    };
}
function receiver(name, r) {
    const ref = { name: ALERTING_SECRET, key: secretKey(name, r) };
    if (r.channel !== 'email')
        return { name, webhookConfigs: [{ urlSecret: ref, sendResolved: r.sendResolved }] };
    const e = r.email;
    return {
        name,
        emailConfigs: [{ to: e.to, from: e.from, smarthost: e.smarthost, authUsername: e.username, authPassword: ref, requireTLS: e.requireTLS, sendResolved: r.sendResolved }],
    };
}
/** Folder of a cluster's alerting objects. */
export function alertingPath(cluster) {
    return `clusters/${cluster}/alerting`;
}
/** The Application `alerting-<cluster>` syncing that folder into the monitoring namespace, at the platform wave. */
export function alertingApplication(a, cluster, project, labels) {
    return clusterFolderApplication(a, cluster, project, labels, { name: `alerting-${cluster.name}`, path: alertingPath(cluster.name), namespace: cluster.monitoringNamespace });
}
