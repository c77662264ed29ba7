/**
 * Declaration of `environments.<env>.smokeTests` in `clusters/<cluster>/cluster.yaml`: the smoke test
 * Argo CD runs as a PostSync hook of the environment's `<env>-smoke` Application (render/verification/),
 * whose checks are derived from the services of the environment. Checks: ./verification.ts. Used by the
 * build and `npm run schemas`; run-time code imports its types only.
 */
import { Type } from '../shared/typebox.js';
import { Struct } from '../shared/declare.js';

/** `smokeTests`: whether the PostSync smoke Job runs, and how long it and each of its requests may take. */
export const SmokeTests = Struct(
  {
    enabled: Type.Boolean({ default: true, description: 'Render the smoke Job. `false` keeps the settings but renders none. Default true.', examples: [true] }),
    timeoutSeconds: Type.Integer({
      minimum: 30,
      maximum: 1800,
      default: 300,
      description: "The Job's `activeDeadlineSeconds`: past it the Job fails and with it the sync, 30–1800. Default 300.",
      examples: [300],
    }),
    requestTimeoutSeconds: Type.Integer({
      minimum: 1,
      maximum: 60,
      default: 10,
      description: 'Timeout of each HTTP request of the smoke test, 1–60 seconds; less than `timeoutSeconds`. Default 10.',
      examples: [10],
    }),
  },
  {
    description:
      "Smoke test after every sync of the environment's `<env>-smoke` Application (端到端/智能体协作测试): every service answers its readiness path, the business flow and the agent-collaboration path answer. A failed test fails that sync in Argo CD. Default none.",
    examples: [{ enabled: true, timeoutSeconds: 300 }],
  },
);
