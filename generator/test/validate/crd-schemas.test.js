import { describe, expect, it } from 'vitest';
import { createSchemaValidator } from '../../src/validate/schema/index.js';
import { application, externalSecret, rollout, serviceMonitor } from './corpus.js';
import * as crd from './crd-corpus.js';
const validator = createSchemaValidator();
const judged = (o) => validator.validate(o, { file: 'cr.yaml', line: 1 });
/** `check path: message` of the findings, the skipped CEL rules (info) left out. */
const errors = (o) => judged(o).findings.filter((f) => f.check !== 'schema/cel-skipped').map((f) => `${f.check} ${f.path ?? ''}: ${f.message}`);
const mutate = (o, change) => {
    change(o);
    return o;
};
describe('upstream-valid custom resources pass (fields newer than the model packages)', () => {
    it.each(Object.entries(crd.CRD_VALID))('%s', (_name, make) => {
        expect(errors(make())).toEqual([]);
        expect(judged(make()).status).toBe('valid');
    });
});
const C0 = (o) => o.spec.template.spec.containers[0];
/** One wrong field per add-on kind, with the exact finding. */
const WRONG = [
    ['Rollout: maxSurge neither integer nor string (int-or-string)', () => mutate(rollout(), (o) => void (o.spec.strategy.canary.maxSurge = true)),
        'schema/type spec.strategy.canary.maxSurge: expected integer or string, got boolean true'],
    ['AnalysisTemplate: prometheus.timeout as a string', () => mutate(crd.analysisTemplate(), (o) => void (o.spec.metrics[0].provider.prometheus.timeout = 'x')),
        'schema/type spec.metrics[0].provider.prometheus.timeout: expected integer, got string "x"'],
    ['Application: automated.selfHeel (strict)', () => mutate(application(), (o) => void (o.spec.syncPolicy.automated.selfHeel = true)),
        'schema/unknown-field spec.syncPolicy.automated.selfHeel: unknown field "selfHeel", did you mean "selfHeal"?'],
    ['ApplicationSet: list.elemnts', () => mutate(crd.applicationSet(), (o) => void (o.spec.generators[0].list.elemnts = [])),
        'schema/unknown-field spec.generators[0].list.elemnts: unknown field "elemnts", did you mean "elements"?'],
    ['AppProject: syncWindows timezone', () => mutate(crd.appProject(), (o) => void (o.spec.syncWindows[0].timezone = 'UTC')),
        'schema/unknown-field spec.syncWindows[0].timezone: unknown field "timezone", did you mean "timeZone"?'],
    ['ExternalSecret: creationPolicy enum', () => mutate(externalSecret(), (o) => void (o.spec.target.creationPolicy = 'Sometimes')),
        'schema/enum spec.target.creationPolicy: "Sometimes" is not one of "Owner", "Orphan", "Merge", "None", "CreateOrMerge"'],
    ['ServiceMonitor: interval pattern', () => mutate(serviceMonitor(), (o) => void (o.spec.endpoints[0].interval = '30 seconds')),
        'schema/format spec.endpoints[0].interval: "30 seconds" does not match the pattern ^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$'],
    ['PodMonitor: podMetricsEndpoints paht', () => mutate(crd.podMonitor(), (o) => void (o.spec.podMetricsEndpoints[0].paht = '/x')),
        'schema/unknown-field spec.podMetricsEndpoints[0].paht: unknown field "paht", did you mean "path" or "port"?'],
    ['PrometheusRule: keep_firing_for pattern', () => mutate(crd.prometheusRule(), (o) => void (o.spec.groups[0].rules[0].keep_firing_for = '10 minutes')),
        'schema/format spec.groups[0].rules[0].keep_firing_for: "10 minutes" does not match the pattern ^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$'],
    ['PrometheusRule: expr required', () => mutate(crd.prometheusRule(), (o) => void delete o.spec.groups[0].rules[0].expr),
        'schema/required spec.groups[0].rules[0].expr: required field "expr" is missing'],
    ['VirtualService: weight as a string', () => mutate(crd.virtualService(), (o) => void (o.spec.http[0].route[0].weight = '80')),
        'schema/type spec.http[0].route[0].weight: expected integer, got string "80"'],
    ['DestinationRule: loadBalancer.simple enum', () => mutate(crd.destinationRule(), (o) => void (o.spec.trafficPolicy.loadBalancer = { simple: 'FASTEST' })),
        'schema/enum spec.trafficPolicy.loadBalancer.simple: "FASTEST" is not one of "UNSPECIFIED", "LEAST_CONN", "RANDOM", "PASSTHROUGH", "ROUND_ROBIN", "LEAST_REQUEST"'],
    ['Cluster: instances minimum', () => mutate(crd.pgCluster(), (o) => void (o.spec.instances = 0)),
        'schema/range spec.instances: 0 must be >= 1'],
    ['ScheduledBackup: method enum', () => mutate(crd.scheduledBackup(), (o) => void (o.spec.method = 'tape')),
        'schema/enum spec.method: "tape" is not one of "barmanObjectStore", "volumeSnapshot", "plugin"'],
    ['Certificate: privateKey.algorithm enum', () => mutate(crd.certificate(), (o) => void (o.spec.privateKey.algorithm = 'DSA')),
        'schema/enum spec.privateKey.algorithm: "DSA" is not one of "RSA", "ECDSA", "Ed25519"'],
    ['ClusterIssuer: ingressClassName as a number', () => mutate(crd.clusterIssuer(), (o) => void (o.spec.acme.solvers[0].http01.ingress.ingressClassName = 5)),
        'schema/type spec.acme.solvers[0].http01.ingress.ingressClassName: expected string, got number 5'],
];
describe('one wrong field per add-on kind is rejected with the exact message', () => {
    it.each(WRONG)('%s', (_name, make, want) => {
        expect(errors(make())).toEqual([want]);
        expect(judged(make()).status).toBe('invalid');
    });
});
describe('structural-schema extensions', () => {
    it('x-kubernetes-preserve-unknown-fields: anything below helm.valuesObject is accepted', () => {
        expect(errors(mutate(application(), (o) => void (o.spec.source.helm = { valuesObject: { any: { deep: [1, { x: 2 }] } } })))).toEqual([]);
    });
    it('x-kubernetes-preserve-unknown-fields: a field declared beside it is still checked', () => {
        // ApplicationSet list elements are free-form; the list generator's own fields are not.
        const o = mutate(crd.applicationSet(), (x) => void (x.spec.generators[0].list.elements = [{ any: { x: 1 } }]));
        expect(errors(o)).toEqual([]);
        expect(errors(mutate(o, (x) => void (x.spec.generators[0].list.elementsYaml = 5)))).toEqual([
            'schema/type spec.generators[0].list.elementsYaml: expected string, got number 5',
        ]);
    });
    it.each([['25%'], [1]])('x-kubernetes-int-or-string accepts %j', (value) => {
        expect(errors(mutate(rollout(), (o) => void (o.spec.strategy.canary.maxSurge = value)))).toEqual([]);
    });
    it('x-kubernetes-int-or-string refuses a fraction', () => {
        expect(errors(mutate(rollout(), (o) => void (o.spec.strategy.canary.maxSurge = 1.5)))).toEqual([
            'schema/type spec.strategy.canary.maxSurge: expected integer or string, got number 1.5',
        ]);
    });
    it('the resource root is an embedded resource: metadata is ObjectMeta (unknown field, label grammar)', () => {
        expect(errors(mutate(crd.certificate(), (o) => void (o.metadata.labelz = {})))).toEqual([
            'schema/unknown-field metadata.labelz: unknown field "labelz", did you mean "labels"?',
        ]);
        expect(errors(mutate(crd.certificate(), (o) => void (o.metadata.labels = { 'bad key!': 'x' })))).toEqual([
            'schema/label metadata.labels["bad key!"]: label key "bad key!" has a name part that must consist of alphanumerics, "-", "_" or ".", starting and ending with an alphanumeric',
        ]);
        expect(errors(mutate(crd.certificate(), (o) => void (o.metadata.finalizers = 'x')))).toEqual([
            'schema/type metadata.finalizers: expected array, got string "x"',
        ]);
    });
    it('x-kubernetes-list-type: map refuses two items with the same key (Rollout container env)', () => {
        const o = mutate(rollout(), (x) => void (C0(x).env = [{ name: 'A', value: '1' }, { name: 'B', value: '2' }, { name: 'A', value: '3' }]));
        expect(errors(o)).toEqual(['schema/duplicate spec.template.spec.containers[0].env[2]: duplicate entry: name="A" is already used by item [0]']);
    });
    it('x-kubernetes-list-map-keys with two keys: the same port over two protocols is fine, twice the same is not', () => {
        const ports = (list) => mutate(rollout(), (x) => void (C0(x).ports = list));
        expect(errors(ports([{ containerPort: 53, protocol: 'TCP' }, { containerPort: 53, protocol: 'UDP' }]))).toEqual([]);
        expect(errors(ports([{ containerPort: 53, protocol: 'TCP' }, { containerPort: 53, protocol: 'TCP' }]))).toEqual([
            'schema/duplicate spec.template.spec.containers[0].ports[1]: duplicate entry: containerPort=53, protocol="TCP" is already used by item [0]',
        ]);
    });
    it('x-kubernetes-list-type: set refuses a repeated item', () => {
        const o = mutate(rollout(), (x) => void (C0(x).restartPolicyRules = [{ action: 'Restart', exitCodes: { operator: 'In', values: [1, 2, 1] } }]));
        expect(errors(o)).toEqual(['schema/duplicate spec.template.spec.containers[0].restartPolicyRules[0].exitCodes.values[2]: duplicate entry: items [0] and [2] are equal']);
    });
});
describe('CEL x-kubernetes-validations', () => {
    it('a rule that fires gives its message at its field (CNPG imageName vs imageCatalogRef)', () => {
        const o = mutate(crd.pgCluster(), (x) => void (x.spec.imageCatalogRef = { apiGroup: 'postgresql.cnpg.io', kind: 'ImageCatalog', name: 'pg', major: 17 }));
        const [f, ...rest] = judged(o).findings;
        expect(rest).toEqual([]);
        expect(f).toMatchObject({ check: 'schema/cel', severity: 'error', path: 'spec', message: 'imageName and imageCatalogRef are mutually exclusive' });
        expect(f?.hint).toBe("the CRD's rule is: !(has(self.imageCatalogRef) && has(self.imageName))");
    });
    it('the same rule passes when only one is set', () => {
        const o = mutate(crd.pgCluster(), (x) => {
            delete x.spec.imageName;
            x.spec.imageCatalogRef = { apiGroup: 'postgresql.cnpg.io', kind: 'ImageCatalog', name: 'pg', major: 17 };
        });
        expect(judged(o).findings).toEqual([]);
    });
    it('a rule on a list (Gateway API: no tls on an HTTP listener)', () => {
        const gw = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'gw', namespace: 'x' },
            spec: { gatewayClassName: 'istio', listeners: [{ name: 'http', port: 80, protocol: 'HTTP', tls: { mode: 'Terminate', certificateRefs: [{ name: 'c' }] } }] } };
        expect(errors(gw)).toEqual(["schema/cel spec.listeners: tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']"]);
    });
    it('defaults are applied before the rules, as the API server does (HTTPRoute parentRefs kind, reserved word namespace)', () => {
        const route = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'r', namespace: 'x' },
            spec: { parentRefs: [{ name: 'gw', namespace: 'istio-system' }], rules: [{ backendRefs: [{ name: 's', port: 80 }] }] } };
        expect(errors(route)).toEqual([]);
        const noPort = mutate(structuredClone(route), (o) => void delete o.spec.rules[0].backendRefs[0].port);
        expect(errors(noPort)).toEqual(['schema/cel spec.rules[0].backendRefs[0]: Must have port for Service reference']);
    });
    it('a rule the evaluator cannot parse is listed as skipped with the reason (cel-js: has() of an indexed field)', () => {
        const route = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'r', namespace: 'x' },
            spec: { parentRefs: [{ name: 'gw' }], rules: [{ backendRefs: [{ name: 's', port: 80 }] }] } };
        const skipped = judged(route).findings.filter((f) => f.check === 'schema/cel-skipped');
        expect(skipped.map((f) => `${f.severity} ${f.path}: ${f.message}`)).toEqual(Array(4).fill('info spec.rules[0]: CEL rule not evaluated: has() invalid argument'));
        expect(skipped[0]?.hint).toMatch(/^rule: \(has\(self\.filters\) && self\.filters\.exists_one/);
    });
    it('a transition rule (oldSelf) is listed as skipped, with the reason, never silently dropped', () => {
        const findings = judged(crd.scheduledBackup()).findings;
        expect(findings).toEqual([
            {
                check: 'schema/cel-skipped',
                severity: 'info',
                file: 'cr.yaml',
                line: 1,
                object: 'postgresql.cnpg.io/v1/ScheduledBackup suoke-prod/xiaoke-db-daily',
                path: 'spec.cluster',
                message: 'CEL transition rule not evaluated: it compares with the object stored in the cluster (oldSelf)',
                hint: 'rule: self == oldSelf',
            },
        ]);
        expect(judged(crd.scheduledBackup()).status).toBe('valid');
    });
});
describe('kinds are found by group, version and kind', () => {
    const gatewayApi = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'gw', namespace: 'x' },
        spec: { gatewayClassName: 'istio', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] } };
    const istio = { apiVersion: 'networking.istio.io/v1', kind: 'Gateway', metadata: { name: 'gw', namespace: 'x' },
        spec: { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'] }] } };
    it('Gateway: the Gateway API and the Istio one each pass their own CRD', () => {
        expect(errors(gatewayApi)).toEqual([]);
        expect(errors(istio)).toEqual([]);
    });
    it("Gateway: Istio's selector is unknown to the Gateway API's Gateway", () => {
        expect(errors(mutate(structuredClone(gatewayApi), (o) => void (o.spec.selector = { istio: 'ingressgateway' })))).toEqual([
            'schema/unknown-field spec.selector: unknown field "selector"',
        ]);
    });
    it('Backup: CloudNativePG and Velero each by their own CRD', () => {
        const cnpg = { apiVersion: 'postgresql.cnpg.io/v1', kind: 'Backup', metadata: { name: 'b', namespace: 'x' }, spec: { cluster: { name: 'db' }, method: 'plugin' } };
        const velero = { apiVersion: 'velero.io/v1', kind: 'Backup', metadata: { name: 'b', namespace: 'velero' }, spec: { includedNamespaces: ['suoke-prod'], ttl: '720h0m0s' } };
        expect(errors(cnpg)).toEqual([]);
        expect(errors(velero)).toEqual([]);
        expect(errors({ ...velero, spec: { cluster: { name: 'db' } } })).toEqual([
            'schema/unknown-field spec.cluster: unknown field "cluster", did you mean "excludedClusterScopedResources" or "includeClusterResources" or "includedClusterScopedResources"?',
        ]);
    });
});
