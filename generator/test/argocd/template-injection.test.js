/**
 * Issue 8 item 4, Go-template injection: which template expressions the generator writes (derived
 * from the renderer), that `validate` refuses any other however it got there, and that the values
 * substituted into the template are data, never parsed again (as in Argo CD).
 */
import { describe, expect, it } from 'vitest';
import { TEMPLATE_FIELDS } from '../../src/config/shared/template.js';
import { formatPath } from '../../src/core/finding.js';
import { eachString } from '../../src/core/walk.js';
import { generatedTemplateActions } from '../../src/render/argocd-apps.js';
import { projectName } from '../../src/render/conventions.js';
import { render } from '../../src/render/index.js';
import { argoDocuments } from '../../src/argo/documents.js';
import { checkArgo } from '../../src/validate/argocd.js';
import { FIXTURE_PLATFORM, modelOf } from '../helpers/platform.js';
function argo(model = modelOf(FIXTURE_PLATFORM)) {
    const rendered = render(model);
    const documents = argoDocuments(rendered.files, 'argocd');
    const paths = rendered.targets.map((t) => t.path);
    return { documents, result: checkArgo({ documents, renderedPaths: paths, isDir: (p) => paths.includes(p) }) };
}
const sets = (docs) => docs.filter((d) => d.object['kind'] === 'ApplicationSet').map((d) => d.object);
describe('the template expressions the generator writes', () => {
    it('are exactly one `{{.key}}` per parameter, at these places, and no map key', () => {
        expect(Object.fromEntries(generatedTemplateActions())).toEqual({
            'spec.template.metadata.name': '{{.name}}',
            'spec.template.metadata.labels["suoke-life.com/tier"]': '{{.tier}}',
            'spec.template.metadata.labels["suoke-life.com/service"]': '{{.service}}',
            'spec.template.metadata.labels["suoke-life.com/gray-release"]': '{{.grayRelease}}',
            'spec.template.metadata.labels["suoke-life.com/canary-weight"]': '{{.canaryWeight}}',
            'spec.template.metadata.annotations["suoke-life.com/canary-control"]': '{{.canaryControl}}',
            'spec.template.metadata.annotations["suoke-life.com/canary-steps"]': '{{.canarySteps}}',
            'spec.template.metadata.annotations["suoke-life.com/canary-version"]': '{{.canaryVersion}}',
            'spec.template.metadata.annotations["suoke-life.com/stable-version"]': '{{.stableVersion}}',
            'spec.template.spec.source.path': '{{.path}}',
        });
    });
    it('match what every rendered ApplicationSet holds', () => {
        for (const set of sets(argo().documents)) {
            const found = new Map();
            eachString(set.spec.template, ['spec', 'template'], (p, s, key) => {
                if (s.includes('{{') || s.includes('}}'))
                    found.set(`${key ? 'key ' : ''}${formatPath(p)}`, s);
            });
            expect(found).toEqual(generatedTemplateActions());
        }
    });
    it('the only configuration values in a template are those checked for template markers at load', () => {
        // A string of the template that differs between environments comes from the configuration: it
        // must be one of the per-environment values config/shared/template.ts checks (or the project
        // name made of the environment name); the rest are constants or argocd.yaml values, also checked.
        const model = modelOf(FIXTURE_PLATFORM);
        const all = sets(argo(model).documents).map((set) => {
            const strings = new Map();
            eachString(set.spec.template, [], (p, s, key) => strings.set(`${key ? 'key ' : ''}${formatPath(p)}`, s));
            return { env: set.metadata.labels['suoke-life.com/environment'], strings };
        });
        expect(Object.keys(TEMPLATE_FIELDS.cluster)).toEqual(['server', 'environment', 'namespace']);
        const varying = new Set();
        for (const { env, strings } of all) {
            const e = model.environments.find((x) => x.env.name === env);
            const fromConfig = [e.cluster.server, e.env.name, e.env.namespace, projectName(e.env.name)];
            for (const [place, s] of strings) {
                if (all.every((o) => o.strings.get(place) === s))
                    continue;
                varying.add(place);
                expect(fromConfig, place).toContain(s);
            }
        }
        expect([...varying].sort()).toEqual(['metadata.labels["suoke-life.com/environment"]', 'spec.destination.namespace', 'spec.destination.server', 'spec.project']);
        const a = model.argocd;
        const constant = all[0].strings;
        expect([...constant].filter(([, s]) => [a.repoURL, a.targetRevision, a.namespace].includes(s)).map(([p]) => p)).toEqual([
            'metadata.namespace',
            'spec.source.repoURL',
            'spec.source.targetRevision',
        ]);
    });
});
describe('validate refuses template expressions the generator does not write', () => {
    it('a poisoned targetRevision that got past the configuration checks is a finding on every ApplicationSet', () => {
        const model = modelOf(FIXTURE_PLATFORM);
        model.argocd = { ...model.argocd, targetRevision: '{{.stableVersion}}' };
        const { result } = argo(model);
        expect(result.findings.map((f) => `${f.check} ${f.file} ${f.path}`)).toEqual(['dev', 'prod', 'test'].map((env) => `argocd/template-injection argocd/environments/${env}/services.yaml spec.template.spec.source.targetRevision`));
        // What Argo CD would have done: every Application tracks its service's version as a revision.
        const app = result.applications.find((x) => x.application['metadata'].name === 'prod-records').application;
        expect(app.spec.source.targetRevision).toBe(app.metadata.annotations['suoke-life.com/stable-version']);
    });
    it('a map key is templated as Argo CD templates it, and refused', () => {
        const { documents } = argo();
        const set = sets(documents).find((s) => s.metadata.name === 'suoke-dev');
        set.spec.template.metadata.labels['team-{{.service}}'] = 'x';
        const result = checkArgo({ documents, renderedPaths: [], isDir: () => true });
        expect(result.findings.filter((f) => f.check === 'argocd/template-injection').map((f) => f.path)).toEqual(['spec.template.metadata.labels["team-{{.service}}"]']);
        const app = result.applications.find((x) => x.application['metadata'].name === 'dev-gateway').application;
        expect(app.metadata.labels['team-gateway']).toBe('x');
    });
});
describe('list-generator elements are data, not templates', () => {
    it('an element value holding `{{ … }}` is written out literally, as Argo CD does (list.go unmarshals it into the parameters)', () => {
        const { documents } = argo();
        const set = sets(documents).find((s) => s.metadata.name === 'suoke-prod');
        set.spec.generators[0].list.elements[0].canaryVersion = '{{.stableVersion}}';
        const { applications, findings } = checkArgo({ documents, renderedPaths: [], isDir: () => true });
        expect(findings.filter((f) => f.check.startsWith('argocd/template'))).toEqual([]);
        const app = applications.find((x) => x.origin === 'ApplicationSet suoke-prod element 0').application;
        expect(app.metadata.annotations['suoke-life.com/canary-version']).toBe('{{.stableVersion}}');
    });
});
