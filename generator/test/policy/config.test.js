/** Policy configuration: `waivers` (service and cluster files) and `nodePools` (cluster files), bad and good. */
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/load.js';
import { alpha, fixtureFs, prod, withoutSeverity } from '../config/fixture.js';
import { loadOptions } from '../helpers/load-options.js';
const A = 'apps/alpha/service.yaml';
const P = 'clusters/prod/cluster.yaml';
const show = (files) => withoutSeverity(readConfig(fixtureFs([], files), loadOptions).findings).map((f) => `${f.file}:${f.line} ${f.check} ${f.message}`);
describe('waivers in configuration', () => {
    it.each([
        ['an unknown check, with a suggestion', `waivers:\n  - {check: image-tags, reason: "nightly builds only, see OPS-12"}\n`, [`${A}:11 config/waiver \`waivers[0].check\` is "image-tags", not a policy check; did you mean \`image-tag\`?`]],
        ['the policy/ prefix', `waivers:\n  - {check: policy/image-tag, reason: "nightly builds only, see OPS-12"}\n`, [`${A}:11 config/waiver \`waivers[0].check\` is "policy/image-tag"; write the id without \`policy/\``]],
        ['no written reason', `waivers:\n  - {check: image-tag, reason: "ok"}\n`, [`${A}:11 config/waiver \`waivers[0].reason\` is "ok"; a waiver needs a written reason`]],
        ['a reason missing altogether', `waivers:\n  - {check: image-tag}\n`, [`${A}:11 config/required missing required key \`reason\` in \`waivers[0]\``]],
        ['an unknown environment', `waivers:\n  - {check: image-tag, reason: "nightly builds only, see OPS-12", environments: [prd]}\n`, [`${A}:11 config/unknown-environment \`waivers[0].environments\` names \`prd\`, which is not an environment here; did you mean \`prod\`?`]],
        ['capacity in a service file', `waivers:\n  - {check: capacity, reason: "nightly builds only, see OPS-12"}\n`, [`${A}:11 config/waiver \`capacity\` is a check of the cluster: waive it in clusters/<cluster>/cluster.yaml`]],
    ])('service file: %s', (_name, add, expected) => {
        expect(show({ [A]: `${alpha}${add}` })).toEqual(expected);
    });
    it('a good service waiver and a good cluster waiver load', () => {
        const r = readConfig(fixtureFs([], { [A]: `${alpha}waivers:\n  - {check: image-tag, reason: "nightly builds only, see OPS-12", environments: [prod], kind: Deployment}\n`, [P]: `${prod}waivers:\n  - {check: capacity, reason: "pool resize ordered, ticket OPS-9"}\n` }), loadOptions);
        expect(r.findings).toEqual([]);
        // `line`: the waiver's own line, right after `waivers:` (which follows the fixture's text), for findings about it.
        const after = (text) => text.split('\n').length + 1;
        expect(r.config.services.find((s) => s.name === 'alpha').waivers).toEqual([{ line: after(alpha), check: 'image-tag', reason: 'nightly builds only, see OPS-12', environments: ['prod'], kind: 'Deployment' }]);
        expect(r.config.clusters.find((c) => c.name === 'prod').waivers).toEqual([{ line: after(prod), check: 'capacity', reason: 'pool resize ordered, ticket OPS-9' }]);
    });
});
describe('nodePools', () => {
    it('bad pools: quantities, duplicates, unknown services', () => {
        const pools = `nodePools:\n  - {name: agents, nodes: 4, cpu: 8Gi, memory: "16", groups: [agent]}\n  - {name: agents, nodes: 1, cpu: "4", memory: 8Gi, groups: [agent], services: [gamma]}\n`;
        expect(show({ [P]: `${prod}${pools}` }).map((l) => l.replace(/^[^ ]+ /, ''))).toEqual([
            'config/quantity `nodePools[0].cpu` is "8Gi"; expected the CPU of one node, e.g. `"4"` or `3500m`',
            'config/quantity `nodePools[0].memory` is "16"; expected the memory of one node (at least 1Gi), e.g. `8Gi`',
            'config/duplicate `agent` is already placed in node pool `agents`',
            'config/duplicate node pool `agents` is declared twice',
            'config/unknown-service `nodePools[1].services` names `gamma`, which is not a service',
        ]);
    });
    it('good pools load with their defaults', () => {
        const r = readConfig(fixtureFs([], { [P]: `${prod}nodePools:\n  - {name: general, nodes: 3, cpu: 4, memory: 16Gi}\n` }), loadOptions);
        expect(r.findings).toEqual([]);
        expect(r.config.clusters.find((c) => c.name === 'prod').nodePools).toEqual([{ line: prod.split('\n').length + 1, name: 'general', nodes: 3, cpu: '4', memory: '16Gi', groups: [], services: [], labels: { 'suoke-life.com/node-pool': 'general' }, taints: [] }]);
    });
});
