/** `owners` in service files: who answers for a service (its runbook); bad values, exact messages, and what it loads to. */
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/load.js';
import { fixtureFs, withoutSeverity, type Edit } from './fixture.js';
import { loadOptions } from '../helpers/load-options.js';

const A = 'apps/alpha/service.yaml';
const AUTOSCALING = 'autoscaling: {minReplicas: 2, maxReplicas: 4, cpu: 70}\n';
const withOwners = (owners: string): Edit[] => [[A, AUTOSCALING, `${AUTOSCALING}owners:\n${owners}`]];
const show = (edits: Edit[]) => withoutSeverity(readConfig(fixtureFs(edits), loadOptions).findings).map((f) => `${f.file}:${f.line} ${f.path} ${f.check} ${f.message} | ${f.hint}`);
const alpha = (edits: Edit[]) => readConfig(fixtureFs(edits), loadOptions).config!.services.find((s) => s.name === 'alpha')!;

describe('owners', () => {
  it.each<[string, Edit[], string[]]>([
    ['every key', withOwners('  team: agent\n  onCall: agent-oncall\n  chat: "钉钉群 小克服务"\n  email: agent-team@suoke-life.com\n'), []],
    ['the team alone', withOwners('  team: agent\n'), []],
    ['no team', withOwners('  onCall: agent-oncall\n'), ['apps/alpha/service.yaml:10 owners.team config/required missing required key `team` in `owners` | add `team: agent`']],
    ['an empty team', withOwners('  team: ""\n'), ['apps/alpha/service.yaml:11 owners.team config/empty `owners.team` must not be empty | e.g. `team: agent`']],
    ['a key it does not know', withOwners('  team: agent\n  pager: agent-oncall\n'), ['apps/alpha/service.yaml:12 owners.pager config/unknown-key unknown key `pager` in `owners` | allowed keys: team, onCall, chat, email']],
    ['a mail address without a domain', withOwners('  team: agent\n  email: agent-team\n'), ['apps/alpha/service.yaml:12 owners.email config/pattern `owners.email` is `agent-team`, not of the form ^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$ | e.g. `email: agent-team@suoke-life.com`']],
    ['owners as one string', [[A, AUTOSCALING, `${AUTOSCALING}owners: agent\n`]], ['apps/alpha/service.yaml:10 owners config/type `owners` must be a mapping; found the string "agent" | undefined']],
  ])('%s', (_name, edits, expected) => {
    expect(show(edits)).toEqual(expected);
  });

  it('loads as written; left out, it is absent (the runbook then names the group)', () => {
    expect(alpha(withOwners('  team: agent\n  onCall: agent-oncall\n')).owners).toEqual({ team: 'agent', onCall: 'agent-oncall' });
    expect(alpha([]).owners).toBeUndefined();
  });
});
