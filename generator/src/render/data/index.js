import { postgresPlan } from '../../model/postgres.js';
import { dataContext } from './context.js';
import { restoreDrillObjects } from './restore-drill.js';
import { perfTestObjects } from './perf-tests.js';
import { postgresObjects } from './postgres.js';
import { rabbitmqObjects } from './rabbitmq.js';
import { redisObjects } from './redis.js';
import { poolScheduling } from '../../model/scheduling.js';
/** Every data-layer object of the environment, in a fixed order; empty when it renders none. */
export function dataObjects(e, environments) {
    const ctx = dataContext(e);
    if (!ctx)
        return [];
    const pg = postgresPlan(e);
    const pool = e.env.dataServices?.services.postgres?.nodePool;
    const pgCtx = pool ? { ...ctx, scheduling: poolScheduling(e.cluster, pool) } : ctx;
    return [
        ...(pg ? postgresObjects(pgCtx, pg) : []),
        ...(pg ? drill(pgCtx, pg, environments) : []),
        ...redisObjects(e, ctx.labels),
        ...rabbitmqObjects(e, ctx.labels, e.instances.map((i) => i.service)),
        ...perfTestObjects(e, ctx.labels),
    ];
}
/** The restore drill of `pg`, restoring the backups of the environment it names (the loader checked it has them). */
function drill(ctx, pg, environments) {
    const d = pg.cluster.restoreDrill;
    if (!d)
        return [];
    const from = environments.find((x) => x.env.name === d.from);
    const source = from ? postgresPlan(from) : undefined;
    if (!source?.cluster.backup)
        throw new Error(`restore drill of ${ctx.env}: environment ${d.from} renders no backed-up PostgreSQL (the config checks should have said so)`);
    return restoreDrillObjects(ctx, pg, source);
}
