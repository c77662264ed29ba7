import { isLabelKey, isLabelValue } from '../../core/names.js';
import { Reporter, checkEnvNames, checkReplicaCount, isRaw } from '../shared/checks.js';
import { checkName, checkOwnName } from '../shared/names.js';
import { noTemplateMarkers, TEMPLATE_FIELDS } from '../shared/template.js';
import { checkNamespaceSizes } from './quota.js';
import { checkAlerts } from './alerts.js';
/** Checks of one `clusters/<cluster>/cluster.yaml` that need no other file. */
export function checkClusterFile(f, out) {
    const r = new Reporter(f.source, out);
    const d = f.data;
    checkOwnName(r, f, 'clusters', 'cluster.yaml');
    if (noTemplateMarkers(r, ['server'], d.server, TEMPLATE_FIELDS.cluster.server))
        checkServer(r, d.server);
    if (typeof d.kubernetesVersion === 'string' && !/^1\.(0|[1-9]\d{0,2})$/.test(d.kubernetesVersion)) {
        r.report('kubernetes-version', ['kubernetesVersion'], `\`kubernetesVersion\` is ${JSON.stringify(d.kubernetesVersion)}; expected a minor version such as \`1.31\``, 'write major and minor only, quoted: `kubernetesVersion: "1.31"`');
    }
    const ingressOk = checkName(r, ['ingressNamespace'], d.ingressNamespace, 'istio-ingress');
    const monitoringOk = checkName(r, ['monitoringNamespace'], d.monitoringNamespace, 'monitoring');
    if (isRaw(d.monitoringLabels)) {
        for (const [k, v] of Object.entries(d.monitoringLabels)) {
            if (!isLabelKey(k))
                r.report('label', ['monitoringLabels', k], `\`${k}\` in \`monitoringLabels\` is not a valid label key`, 'use at most 63 letters, digits, `-`, `_` and `.`, optionally after a DNS prefix and `/`', 'key');
            else if (typeof v === 'string' && !isLabelValue(v))
                r.report('label', ['monitoringLabels', k], `\`monitoringLabels.${k}\` is ${JSON.stringify(v)}, not a valid label value`, 'use at most 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit');
        }
    }
    if (!isRaw(d.environments))
        return;
    // Namespaces are per cluster: two environments of one cluster must not share one, nor take the
    // ingress or monitoring namespace (their NetworkPolicies would open each other up).
    const taken = new Map();
    if (ingressOk)
        taken.set(d.ingressNamespace, '`ingressNamespace`');
    if (monitoringOk && !taken.has(d.monitoringNamespace))
        taken.set(d.monitoringNamespace, '`monitoringNamespace`');
    for (const [env, e] of Object.entries(d.environments)) {
        if (noTemplateMarkers(r, ['environments', env], env, TEMPLATE_FIELDS.cluster.environment, 'key'))
            checkName(r, ['environments', env], env, 'staging');
        if (!isRaw(e))
            continue;
        checkEnvironment(r, env, e);
        const ns = e.namespace;
        const nsPath = ['environments', env, 'namespace'];
        if (typeof ns === 'string' && noTemplateMarkers(r, nsPath, ns, TEMPLATE_FIELDS.cluster.namespace) && checkName(r, nsPath, ns, `suoke-${env}`)) {
            const owner = taken.get(ns);
            if (owner) {
                r.report('duplicate', ['environments', env, 'namespace'], `namespace \`${ns}\` is already used by ${owner} of this cluster`, 'give every environment a namespace of its own, e.g. `suoke-<env>`');
            }
            else
                taken.set(ns, `environment \`${env}\``);
        }
    }
}
function checkServer(r, v) {
    if (typeof v !== 'string')
        return;
    let url;
    try {
        url = new URL(v);
    }
    catch {
        url = undefined;
    }
    const hint = 'e.g. `server: https://kubernetes.default.svc`';
    if (!url || url.protocol !== 'https:' || url.hostname === '') {
        r.report('url', ['server'], `\`server\` is ${JSON.stringify(v)}; expected an https URL of the API server`, hint);
    }
    else if (url.username !== '' || url.password !== '') {
        r.report('url', ['server'], '`server` must not contain credentials', 'remove `user:password@`; Argo CD holds the cluster credentials');
    }
}
function checkEnvironment(r, env, e) {
    const at = (...p) => ['environments', env, ...p];
    if (isRaw(e.secretStore))
        checkName(r, at('secretStore', 'name'), e.secretStore.name, `suoke-vault-${env}`, true);
    checkEnvNames(r, at('settings'), e.settings);
    if (isRaw(e.sizing)) {
        const hint = 'every service runs at least one replica';
        const min = 'replicas' in e.sizing ? checkReplicaCount(r, at('sizing', 'replicas'), e.sizing.replicas, hint) : undefined;
        const max = 'maxReplicas' in e.sizing ? checkReplicaCount(r, at('sizing', 'maxReplicas'), e.sizing.maxReplicas, hint) : undefined;
        if (min !== undefined && max !== undefined && max < min) {
            r.report('replicas-range', at('sizing', 'maxReplicas'), `\`environments.${env}.sizing.maxReplicas\` (${max}) is less than \`sizing.replicas\` (${min})`, 'raise `maxReplicas` or lower `replicas`');
        }
    }
    checkNamespaceSizes(r, env, e);
    checkAlerts(r, env, e);
}
