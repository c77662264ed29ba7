/**
 * Checks of what `dataServices.redis` and `dataServices.mq` add (./redis-mq-schema.ts): a Sentinel
 * majority, pinned images and volume sizes. Called by ./data-services.ts for each environment.
 */
import { isDockerTag } from '../../core/names.js';
import { parseMemory } from '../../core/quantity.js';
import { isRaw, q } from '../shared/checks.js';
/** `rabbitmq:<version>-management`: the official image with the management plugin the operator expects. */
const MQ_IMAGE = /^rabbitmq:([A-Za-z0-9_][A-Za-z0-9_.-]*)-management$/;
/** Checks `redis` and `mq` of one `dataServices`; `at` builds paths under it. */
export function checkRedisMq(r, at, ds) {
    const redis = ds.redis;
    if (isRaw(redis)) {
        const replicas = typeof redis.replicas === 'number' ? redis.replicas : 1;
        const sentinels = redis.sentinels;
        // Sentinel elects a new master only with a majority of the Sentinels agreeing: an even count
        // tolerates no more failures than the odd count below it, and fewer than 3 tolerate none.
        if (replicas >= 2 && typeof sentinels === 'number' && (sentinels < 3 || sentinels % 2 === 0)) {
            r.report('sentinels', at('redis', 'sentinels'), `${q(at('redis', 'sentinels'))} is ${sentinels}; with ${replicas} replicas it must be odd and at least 3`, 'use 3 (or 5): Sentinel fails over only when a majority of the Sentinels agree');
        }
        if (typeof redis.version === 'string' && (redis.version === 'latest' || !isDockerTag(redis.version))) {
            r.report('image-tag', at('redis', 'version'), `${q(at('redis', 'version'))} is ${JSON.stringify(redis.version)}; expected a pinned image tag`, 'e.g. `v7.0.15`, a tag that never moves');
        }
        checkSize(r, at('redis', 'storage', 'size'), redis.storage);
    }
    const mq = ds.mq;
    if (isRaw(mq)) {
        if (typeof mq.image === 'string') {
            const m = MQ_IMAGE.exec(mq.image);
            if (!m || m[1] === 'latest') {
                r.report('image-tag', at('mq', 'image'), `${q(at('mq', 'image'))} is ${JSON.stringify(mq.image)}; expected \`rabbitmq:<version>-management\` with a pinned version`, 'e.g. `rabbitmq:4.2.6-management`');
            }
        }
        checkSize(r, at('mq', 'storage', 'size'), mq.storage);
    }
}
/** Each performance test of `environments.<env>.perfTests` needs its data service declared in `dataServices`. */
export function checkPerfTests(r, env, e) {
    if (!isRaw(e.perfTests))
        return;
    const ds = isRaw(e.dataServices) ? e.dataServices : {};
    for (const kind of ['redis', 'mq']) {
        if (e.perfTests[kind] === undefined || isRaw(ds[kind]))
            continue;
        r.report('perf-test', ['environments', env, 'perfTests', kind], `\`environments.${env}.perfTests.${kind}\` tests ${kind}, but \`environments.${env}.dataServices.${kind}\` does not declare it`, `declare \`dataServices.${kind}\`, or remove the test`, 'key');
    }
}
function checkSize(r, path, storage) {
    if (!isRaw(storage) || typeof storage.size !== 'string')
        return;
    if (!(Number(parseMemory(storage.size)) > 0)) {
        r.report('quantity', path, `${q(path)} is ${JSON.stringify(storage.size)}; expected a volume size`, 'write bytes with a binary suffix, e.g. `20Gi`');
    }
}
