import { printable } from '../core/printable.js';
import { editServiceText, nextWeight, stableVersion } from '../canary/edit.js';
import { loadConfig } from '../config/load.js';
import { UsageError } from '../core/errors.js';
import { isDockerTag, suggest } from '../core/names.js';
import { promotionOrder } from '../model/build.js';
import { openForWriting } from '../write/session.js';
import { writeEditAndRender } from './edit-service.js';
import { WAIVABLE } from '../policy/ids.js';
/**
 * `canary`: edits `environments.<env>.grayRelease` of one service (comments and formatting kept),
 * checks that the edited configuration loads cleanly, writes it, re-renders, and prints the
 * configuration lines and generated files that changed. Nothing is written when anything is wrong;
 * if the render fails after the write, the service file is restored. Returns the exit code.
 */
export function runCanary(ctx, o) {
    // Like `render`: one writer at a time, and an interrupted render finished before anything is read.
    const session = openForWriting(ctx.root, { now: ctx.now });
    try {
        for (const note of session.notes)
            ctx.stderr(`note: ${printable(note)}\n`);
        return editAndRender(ctx, o);
    }
    finally {
        session.close();
    }
}
function editAndRender(ctx, o) {
    const config = loadConfig(ctx.fs, { waivable: WAIVABLE });
    const service = config.services.find((s) => s.name === o.service);
    if (!service) {
        const near = suggest(o.service, config.services.map((s) => s.name));
        throw new UsageError(`no service \`${o.service}\` (no apps/${o.service}/service.yaml)${near ? `; did you mean \`${near}\`?` : ''}`);
    }
    const envs = config.clusters.flatMap((c) => c.environments).sort(promotionOrder).map((e) => e.name);
    if (!envs.includes(o.env)) {
        throw new UsageError(`no environment \`${o.env}\`; environments: ${envs.join(', ')}`);
    }
    if (o.action !== 'start' && o.image !== undefined)
        throw new UsageError(`--image is for \`start\` only; \`${o.action}\` works on the canary in progress`);
    const { edit, summary } = plan(service, o);
    const file = service.file;
    const before = ctx.fs.readText(file);
    const after = editServiceText(before, o.env, edit);
    // The edited configuration must load cleanly (schema, checks, gray-release rules) before anything is written.
    return writeEditAndRender(ctx, { file, before, after, headline: printable(summary) });
}
/** Decides the edit from the configuration as loaded, or explains why the action does not apply. */
function plan(service, o) {
    const where = `${service.name} in ${o.env}`;
    const g = service.environments[o.env]?.grayRelease;
    if (!g) {
        throw new UsageError(`${where} has no gray release: add \`environments.${o.env}.grayRelease\` to ${service.file} (steps, pause, control, analysis; see docs/gray-releases.md)`);
    }
    const stable = stableVersion(service, o.env);
    const c = g.canary;
    const startHint = `start one with \`npm run canary -- start ${service.name} --env ${o.env} --image <version>\``;
    switch (o.action) {
        case 'start': {
            if (c)
                throw new UsageError(`a canary of ${c.version} is already in progress for ${where} (at ${c.weight}%); promote or abort it first`);
            const v = o.image;
            if (v === undefined)
                throw new UsageError(`\`start\` needs --image <version>: the image tag to release, e.g. --image 2.2.0`);
            if (v.toLowerCase() === 'latest' || !isDockerTag(v)) {
                throw new UsageError(`--image ${JSON.stringify(v)} is not a pinned image tag: expected 1–128 letters, digits, \`_\`, \`.\` or \`-\`, never \`latest\``);
            }
            if (v === stable)
                throw new UsageError(`--image ${v} is already the stable version of ${where}; a canary releases a different version`);
            const weight = g.steps[0];
            return { edit: { action: 'start', version: v, weight }, summary: `Started canary ${v} of ${where} at ${weight}% (stable ${stable}, ${g.control} control).` };
        }
        case 'advance': {
            if (!c)
                throw new UsageError(`no canary in progress for ${where}; ${startHint}`);
            if (g.control !== 'git') {
                throw new UsageError(`${where} uses \`control: auto\`: the Rollouts controller advances the weights itself (${g.steps.join(' → ')}, pause ${g.pause}); ` +
                    'set `control: git` to advance by reviewed commits, or promote or abort the canary');
            }
            const next = nextWeight(g, c.weight);
            if (next === undefined)
                throw new UsageError(`the canary ${c.version} of ${where} is already at ${c.weight}%; promote it to make it the stable version`);
            return { edit: { action: 'advance', weight: next }, summary: `Advanced canary ${c.version} of ${where} from ${c.weight}% to ${next}%.` };
        }
        case 'promote':
            if (!c)
                throw new UsageError(`no canary in progress for ${where}; ${startHint}`);
            return {
                edit: { action: 'promote', version: c.version, serviceVersion: service.version },
                summary: `Promoted ${c.version} of ${where}: now the stable version at 100% (was ${stable}).`,
            };
        case 'abort':
            if (!c)
                throw new UsageError(`no canary in progress for ${where}; nothing to abort`);
            return { edit: { action: 'abort' }, summary: `Aborted canary ${c.version} of ${where}: all traffic back to stable ${stable}.` };
    }
}
