import { describe, expect, it } from 'vitest';
import { createSchemaValidator } from '../../src/validate/schema/index.js';
import { application, configMap, deployment, externalSecret, rollout, service, serviceMonitor } from './corpus.js';
/** Sets `value` at a dotted path (`spec.template.spec.containers.0.image`); `undefined` deletes. */
function set(obj, path, value) {
    const keys = path.split('.');
    let cur = obj;
    for (const k of keys.slice(0, -1))
        cur = cur[k];
    const last = keys[keys.length - 1];
    if (value === undefined)
        delete cur[last];
    else
        cur[last] = value;
    return obj;
}
const validator = createSchemaValidator();
const C0 = 'spec.template.spec.containers.0';
const cases = [
    {
        name: 'unknown field at the top level',
        input: set(configMap(), 'dta', { a: 'b' }),
        want: ['schema/unknown-field dta: unknown field "dta", did you mean "data"?'],
    },
    {
        name: 'unknown field in spec (spec.replica typo)',
        input: set(deployment(), 'spec.replica', 3),
        want: ['schema/unknown-field spec.replica: unknown field "replica", did you mean "replicas"?'],
    },
    {
        name: 'unknown field in a container',
        input: set(deployment(), `${C0}.imagePullPolicyy`, 'Always'),
        want: ['schema/unknown-field spec.template.spec.containers[0].imagePullPolicyy: unknown field "imagePullPolicyy", did you mean "imagePullPolicy"?'],
    },
    {
        name: 'unknown field in metadata',
        input: set(service(), 'metadata.label', { a: 'b' }),
        want: ['schema/unknown-field metadata.label: unknown field "label", did you mean "labels"?'],
    },
    {
        name: 'unknown field without a close match',
        input: set(service(), 'spec.zzzzzz', true),
        want: ['schema/unknown-field spec.zzzzzz: unknown field "zzzzzz"'],
    },
    {
        name: 'unknown field in a Rollout canary step',
        input: set(rollout(), 'spec.strategy.canary.steps.0', { setWieght: 20 }),
        want: ['schema/unknown-field spec.strategy.canary.steps[0].setWieght: unknown field "setWieght", did you mean "setWeight"?'],
    },
    {
        name: 'unknown field in a Rollout pod template container',
        input: set(rollout(), `${C0}.resource`, {}),
        want: ['schema/unknown-field spec.template.spec.containers[0].resource: unknown field "resource", did you mean "resources"?'],
    },
    {
        name: 'unknown field in an Argo CD Application source',
        input: set(application(), 'spec.source.targetRevison', 'main'),
        want: ['schema/unknown-field spec.source.targetRevison: unknown field "targetRevison", did you mean "targetRevision"?'],
    },
    {
        name: 'unknown field in an ExternalSecret remoteRef',
        input: set(externalSecret(), 'spec.data.0.remoteRef.proprety', 'x'),
        want: ['schema/unknown-field spec.data[0].remoteRef.proprety: unknown field "proprety", did you mean "property"?'],
    },
    {
        name: 'unknown field in a ServiceMonitor endpoint',
        input: set(serviceMonitor(), 'spec.endpoints.0.intervall', '30s'),
        want: ['schema/unknown-field spec.endpoints[0].intervall: unknown field "intervall", did you mean "interval"?'],
    },
    {
        name: 'wrong type: replicas as a string',
        input: set(deployment(), 'spec.replicas', '3'),
        want: ['schema/type spec.replicas: expected integer, got string "3"'],
    },
    {
        name: 'wrong type: label value as a number',
        input: set(service(), 'metadata.labels.version', 2),
        want: ['schema/type metadata.labels.version: expected string, got number 2'],
    },
    {
        name: 'wrong type: containers as an object',
        input: set(deployment(), 'spec.template.spec.containers', { name: 'x' }),
        want: ['schema/type spec.template.spec.containers: expected array, got an object'],
    },
    {
        name: 'missing required field: container image is optional but name is not',
        input: set(deployment(), `${C0}.name`, undefined),
        want: ['schema/required spec.template.spec.containers[0].name: required field "name" is missing'],
    },
    {
        name: 'missing required field: Deployment selector',
        input: set(deployment(), 'spec.selector', undefined),
        want: ['schema/required spec.selector: required field "selector" is missing'],
    },
    {
        name: 'bad enum: imagePullPolicy',
        input: set(deployment(), `${C0}.imagePullPolicy`, 'Sometimes'),
        want: ['schema/enum spec.template.spec.containers[0].imagePullPolicy: "Sometimes" is not one of "Always", "IfNotPresent", "Never"'],
    },
    {
        name: 'bad enum: Service type',
        input: set(service(), 'spec.type', 'Internal'),
        want: ['schema/enum spec.type: "Internal" is not one of "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'],
    },
    {
        name: 'bad quantity',
        input: set(deployment(), `${C0}.resources.limits.memory`, '512MB'),
        want: ['schema/format spec.template.spec.containers[0].resources.limits.memory: "512MB" is not a valid quantity'],
    },
    {
        name: 'quantity of the wrong type',
        input: set(deployment(), `${C0}.resources.limits.memory`, true),
        want: ['schema/type spec.template.spec.containers[0].resources.limits.memory: expected number or string, got boolean true'],
    },
    {
        name: 'kubeconform #181: cpu with a memory unit (cpu: 100Mi)',
        input: set(deployment(), `${C0}.resources.requests.cpu`, '100Mi'),
        want: [
            'schema/quantity-unit spec.template.spec.containers[0].resources.requests.cpu: cpu quantity "100Mi" uses the memory unit "Mi"; CPU is counted in cores ("1", "0.5") or millicores ("500m")',
        ],
    },
    {
        name: 'kubeconform #315: label value with a space',
        input: set(service(), 'metadata.labels.team', 'agents team'),
        want: ['schema/label metadata.labels.team: label value "agents team" must be empty or consist of alphanumerics, "-", "_" or ".", starting and ending with an alphanumeric'],
    },
    {
        name: 'label value longer than 63 characters',
        input: set(service(), 'metadata.labels.team', 'a'.repeat(64)),
        want: [`schema/label metadata.labels.team: label value "${'a'.repeat(64)}" must be no more than 63 characters (has 64)`],
    },
    {
        name: 'bad label key prefix',
        input: set(service(), 'metadata.labels', { 'Suoke_Life/app': 'x' }),
        want: [
            'schema/label metadata.labels["Suoke_Life/app"]: label key "Suoke_Life/app" has a prefix "Suoke_Life" that must be a DNS-1123 subdomain: lower-case letters, digits, "-" and ".", starting and ending with a letter or digit',
        ],
    },
    {
        name: 'bad label value in a selector',
        input: set(service(), 'spec.selector', { app: 'x' }) && set(deployment(), 'spec.selector.matchLabels', { 'app.kubernetes.io/name': 'xiao ai' }),
        want: [
            'schema/label spec.selector.matchLabels["app.kubernetes.io/name"]: label value "xiao ai" must be empty or consist of alphanumerics, "-", "_" or ".", starting and ending with an alphanumeric',
            'schema/selector-mismatch spec.selector.matchLabels["app.kubernetes.io/name"]: selector requires app.kubernetes.io/name="xiao ai" but spec.template.metadata.labels has "xiaoai"; the workload would select none of its own pods',
        ],
    },
    {
        name: 'kubeconform #132: selector does not match the pod template labels',
        input: set(deployment(), 'spec.selector.matchLabels', { app: 'xiaoai' }),
        want: [
            'schema/selector-mismatch spec.selector.matchLabels.app: selector requires app="xiaoai" but spec.template.metadata.labels has no such label; the workload would select none of its own pods',
        ],
    },
    {
        name: 'selector expression that the template does not satisfy',
        input: set(deployment(), 'spec.selector', { matchExpressions: [{ key: 'tier', operator: 'Exists' }] }),
        want: ['schema/selector-mismatch spec.selector.matchExpressions[0]: selector expression "tier Exists" does not match spec.template.metadata.labels'],
    },
    {
        name: 'Rollout selector mismatch',
        input: set(rollout(), 'spec.template.metadata.labels', { app: 'other' }),
        want: [
            'schema/selector-mismatch spec.selector.matchLabels["app.kubernetes.io/name"]: selector requires app.kubernetes.io/name="xiaoai" but spec.template.metadata.labels has no such label; the workload would select none of its own pods',
        ],
    },
    {
        name: 'Deployment name with capitals',
        input: set(deployment(), 'metadata.name', 'XiaoAi'),
        want: ['schema/name metadata.name: Deployment name "XiaoAi" must be a DNS-1123 subdomain: lower-case letters, digits, "-" and ".", starting and ending with a letter or digit'],
    },
    {
        name: 'Service name starting with a digit (DNS-1035)',
        input: set(service(), 'metadata.name', '1xiaoai'),
        want: ['schema/name metadata.name: Service name "1xiaoai" must be a DNS-1035 label: lower-case letters, digits and "-", starting with a letter and ending with a letter or digit'],
    },
    {
        name: 'Service name with a dot',
        input: set(service(), 'metadata.name', 'xiao.ai'),
        want: ['schema/name metadata.name: Service name "xiao.ai" must be a DNS-1035 label: lower-case letters, digits and "-", starting with a letter and ending with a letter or digit'],
    },
    {
        name: 'missing metadata.name',
        input: set(configMap(), 'metadata.name', undefined),
        want: ['schema/name metadata.name: metadata.name is required'],
    },
    {
        name: 'bad namespace',
        input: set(configMap(), 'metadata.namespace', 'Suoke_Prod'),
        want: ['schema/name metadata.namespace: namespace "Suoke_Prod" must be a DNS-1123 label: lower-case letters, digits and "-", starting and ending with a letter or digit'],
    },
    {
        name: 'wrong type inside a CRD (ExternalSecret refreshInterval)',
        input: set(externalSecret(), 'spec.secretStoreRef.name', 5),
        want: ['schema/type spec.secretStoreRef.name: expected string, got number 5'],
    },
    {
        name: 'several problems in one object, all reported',
        input: set(set(deployment(), 'spec.replica', 2), `${C0}.imagePullPolicy`, 'Sometimes'),
        want: [
            'schema/unknown-field spec.replica: unknown field "replica", did you mean "replicas"?',
            'schema/enum spec.template.spec.containers[0].imagePullPolicy: "Sometimes" is not one of "Always", "IfNotPresent", "Never"',
        ],
    },
    {
        name: 'missing kind',
        input: { apiVersion: 'v1', metadata: { name: 'x' } },
        want: ['schema/missing-kind : the document has no kind'],
        status: 'error',
    },
    {
        name: 'missing apiVersion and kind',
        input: { metadata: { name: 'x' } },
        want: ['schema/missing-kind : the document has no apiVersion and kind'],
        status: 'error',
    },
    {
        name: 'a scalar document',
        input: 'just a string',
        want: ['schema/missing-kind : the document is a string, not a Kubernetes object'],
        status: 'error',
    },
    {
        name: 'unknown kind',
        input: { apiVersion: 'suoke.life/v1', kind: 'Widget', metadata: { name: 'w' } },
        want: ['schema/no-schema : could not find a schema for Widget (suoke.life/v1)'],
        status: 'error',
    },
    {
        name: 'kind typo',
        input: { ...service(), kind: 'Servcie' },
        want: ['schema/no-schema : could not find a schema for Servcie (v1)'],
        status: 'error',
    },
];
describe('bad manifests are reported with exact messages', () => {
    it.each(cases)('$name', ({ input, want, status }) => {
        const verdict = validator.validate(input, { file: 'bad.yaml', line: 3 });
        // Transition rules (oldSelf) are listed as skipped on every Rollout; crd-schemas.test.ts covers them.
        expect(verdict.findings.filter((f) => f.check !== 'schema/cel-skipped').map((f) => `${f.check} ${f.path ?? ''}: ${f.message}`)).toEqual(want);
        expect(verdict.status).toBe(status ?? 'invalid');
        for (const f of verdict.findings) {
            expect(f.file).toBe('bad.yaml');
            expect(f.line).toBe(3);
        }
    });
});
describe('finding details', () => {
    it('names the object as apiVersion/kind namespace/name', () => {
        const [f] = validator.validate(set(deployment(), 'spec.replica', 3), { file: 'd.yaml' }).findings;
        expect(f?.object).toBe('apps/v1/Deployment suoke-prod/xiaoai');
        expect(f?.hint).toBe('known fields here: minReadySeconds, paused, progressDeadlineSeconds, replicas, revisionHistoryLimit, selector, strategy, template');
    });
    it('memory in millibytes is a warning, not an error', () => {
        const v = validator.validate(set(deployment(), `${C0}.resources.limits.memory`, '512m'), { file: 'd.yaml' });
        expect(v.status).toBe('valid');
        expect(v.findings.map((f) => [f.severity, f.check, f.message])).toEqual([
            ['warning', 'schema/quantity-unit', 'memory quantity "512m" is in millibytes; "m" is the milli suffix, not mega'],
        ]);
    });
    it('ignoreMissingSchemas turns an unknown kind into Skipped', () => {
        const v = createSchemaValidator({ ignoreMissingSchemas: true }).validate({ apiVersion: 'suoke.life/v1', kind: 'Widget', metadata: { name: 'w' } }, { file: 'w.yaml' });
        expect(v.status).toBe('skipped');
        expect(v.findings.map((f) => f.severity)).toEqual(['info']);
    });
    it('a missing index tells to run npm run build', () => {
        expect(() => createSchemaValidator({ indexPath: '/nonexistent/schema-index.json' })).toThrow('schema index /nonexistent/schema-index.json is missing: run `npm run build` to generate it');
    });
    it('knows the aliased ExternalSecret v1 and Istio v1 kinds', () => {
        expect(validator.has('external-secrets.io/v1', 'ExternalSecret')).toBe(true);
        expect(validator.has('networking.istio.io/v1', 'VirtualService')).toBe(true);
        expect(validator.has('networking.istio.io/v1', 'DestinationRule')).toBe(true);
        expect(validator.has('suoke.life/v1', 'Widget')).toBe(false);
    });
});
