/**
 * Declaration of `owners` in `apps/<service>/service.yaml`: who answers for the service, read by
 * its runbook (render/runbooks.ts, docs/runbooks.md). Used by the build and `npm run schemas`;
 * run-time code imports its type only.
 */
import { Type } from '../shared/typebox.js';
import { Struct } from '../shared/declare.js';

/**
 * `owners`: optional, so that a service file written before owners existed still loads; its runbook
 * then names the service's group as the team and says that no owners are declared. Every seed
 * service declares it. `team` is the one key a runbook cannot do without; the others are how to
 * reach the team, which not every team has in every form.
 */
export const Owners = Struct(
  {
    team: Type.String({ minLength: 1, description: 'The team that owns the service (not a person: people move).', examples: ['agent'] }),
    onCall: Type.Optional(
      Type.String({ minLength: 1, description: 'The on-call rotation paged for it, as the paging system names it.', examples: ['agent-oncall'] }),
    ),
    chat: Type.Optional(
      Type.String({ minLength: 1, description: 'Where to ask the team: a DingTalk or WeCom group, by name.', examples: ['钉钉群 小克服务'] }),
    ),
    email: Type.Optional(Type.String({ pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', description: 'The team\'s mail list.', examples: ['agent-team@suoke-life.com'] })),
  },
  {
    description: 'Who answers for the service: its runbook (docs/runbooks/<service>.md) lists them first. Default: none declared (the runbook names the service\'s group).',
    examples: [{ team: 'agent', onCall: 'agent-oncall', chat: '钉钉群 小克服务' }],
  },
);
