/** Waivers: by annotation (with and without a reason, unknown checks) and from configuration. */
import { describe, expect, it } from 'vitest';
import { runPolicies } from '../../src/policy/engine.js';
import { RULES } from '../../src/policy/rules/index.js';
import { deployment, edited, platform } from './helpers.js';
const latest = (annotations = {}) => edited(deployment(), (d) => {
    d.metadata.annotations = annotations;
    d.spec.template.spec.containers[0].image = 'nginx:latest';
});
function scope(objects, waivers) {
    return { name: 'clusters/prod/prod/xiaoai', env: 'prod', tier: 'production', kubernetesVersion: '1.31', documents: objects.map((object) => ({ object, file: 'clusters/prod/prod/xiaoai' })), ...(waivers ? { waivers } : {}) };
}
const show = (s) => runPolicies(s, { rules: RULES }).map((f) => `${f.severity} ${f.check} ${f.object ?? '-'} ${f.path ?? '-'}: ${f.message}`);
const others = platform().filter((o) => o.kind !== 'Deployment');
const D = 'apps/v1/Deployment suoke-prod/xiaoai';
const IMAGE = 'spec.template.spec.containers[0].image';
describe('waivers', () => {
    it('without a waiver, the findings are reported', () => {
        expect(show([scope([latest(), ...others])])).toEqual([
            `warning policy/image-digest ${D} ${IMAGE}: container "xiaoai" image "nginx:latest" is not pinned by digest`,
            `error policy/image-tag ${D} ${IMAGE}: container "xiaoai" image "nginx:latest" uses the tag "latest", which changes under running pods`,
        ]);
    });
    it('an annotation with a reason waives the check and is reported as info', () => {
        const d = latest({ 'policy.suoke-life.com/waive.image-tag': 'upstream publishes nightly builds only', 'policy.suoke-life.com/waive.image-digest': 'the same nightly builds' });
        expect(show([scope([d, ...others])])).toEqual([
            `info policy/waived ${D} -: policy/image-digest waived (1 finding): the same nightly builds`,
            `info policy/waived ${D} -: policy/image-tag waived (1 finding): upstream publishes nightly builds only`,
        ]);
    });
    it('an annotation without a reason is an error, and the check still applies', () => {
        const d = latest({ 'policy.suoke-life.com/waive.image-tag': ' ' });
        expect(show([scope([d, ...others])])).toEqual([
            `error policy/waiver-reason ${D} metadata.annotations["policy.suoke-life.com/waive.image-tag"]: waiver of policy/image-tag has no reason; the check still applies`,
            `warning policy/image-digest ${D} ${IMAGE}: container "xiaoai" image "nginx:latest" is not pinned by digest`,
            `error policy/image-tag ${D} ${IMAGE}: container "xiaoai" image "nginx:latest" uses the tag "latest", which changes under running pods`,
        ]);
    });
    it('an annotation with a reason too short to judge is an error, and the check still applies', () => {
        const d = latest({ 'policy.suoke-life.com/waive.image-tag': 'ok' });
        expect(show([scope([d, ...others])])[0]).toBe(`error policy/waiver-reason ${D} metadata.annotations["policy.suoke-life.com/waive.image-tag"]: waiver of policy/image-tag gives the reason "ok", too short to tell a reviewer why; the check still applies`);
        expect(show([scope([d, ...others])])).toContain(`error policy/image-tag ${D} ${IMAGE}: container "xiaoai" image "nginx:latest" uses the tag "latest", which changes under running pods`);
    });
    it('an annotation naming an unknown check is an error with a suggestion', () => {
        const d = edited(deployment(), (x) => (x.metadata.annotations = { 'policy.suoke-life.com/waive.image-tags': 'x' }));
        expect(show([scope([d, ...others])])).toEqual([
            `error policy/waiver-unknown ${D} metadata.annotations["policy.suoke-life.com/waive.image-tags"]: waiver for unknown check "image-tags", did you mean "image-tag"?`,
        ]);
    });
    it('an annotation that waives nothing is a warning', () => {
        const d = edited(deployment(), (x) => (x.metadata.annotations = { 'policy.suoke-life.com/waive.privileged': 'legacy chart, OPS-7' }));
        expect(show([scope([d, ...others])])).toEqual([
            `warning policy/waiver-unused ${D} -: annotation policy.suoke-life.com/waive.privileged waives policy/privileged, which finds nothing to waive here`,
        ]);
    });
    it('a config waiver applies to its kind in every scope it is given to, and is judged unused only once', () => {
        const digest = { check: 'image-digest', reason: 'no digests yet', source: 'clusters/prod/cluster.yaml' };
        const onServices = { check: 'image-tag', reason: 'x', kind: 'Service', source: 'apps/xiaoai/service.yaml' };
        const shared = scope([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'suoke-prod' } }], [digest]);
        expect(show([scope([latest(), ...others], [digest, onServices]), { ...shared, name: 'clusters/prod/prod/shared' }])).toEqual([
            `warning policy/waiver-unused - -: a waiver waives policy/image-tag, which finds nothing to waive here`,
            `info policy/waived ${D} -: policy/image-digest waived in clusters/prod/cluster.yaml (1 finding): no digests yet`,
            `error policy/image-tag ${D} ${IMAGE}: container "xiaoai" image "nginx:latest" uses the tag "latest", which changes under running pods`,
        ]);
    });
});
