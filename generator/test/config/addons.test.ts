/**
 * platform/addons.yaml, the fourth configuration file kind: the pins load typed and sorted, the file
 * is optional, and every bad pin is a configuration error with file, line, YAML path, message and hint.
 */
import { describe, expect, test } from 'vitest';
import { readConfig } from '../../src/config/load.js';
import { fixtureFs, withoutSeverity, type Expected } from './fixture.js';
import { loadOptions } from '../helpers/load-options.js';

const F = 'platform/addons.yaml';

/** Two valid pins, written out of order (the loader sorts them by name). */
const valid = `addons:
  - name: istio
    version: 1.30.3
    repository: istio/istio
    licence: Apache-2.0
  - name: cert-manager
    version: v1.21.1
    repository: cert-manager/cert-manager
    licence: Apache-2.0
`;

const load = (text: string | undefined) => readConfig(fixtureFs([], { [F]: text }), loadOptions);

test('the pins load typed, sorted by name, each knowing the line of its version', () => {
  const { config, findings } = load(valid);
  expect(findings).toEqual([]);
  expect(config?.addons).toEqual([
    { name: 'cert-manager', version: 'v1.21.1', repository: 'cert-manager/cert-manager', licence: 'Apache-2.0', file: F, index: 1, line: 7 },
    { name: 'istio', version: '1.30.3', repository: 'istio/istio', licence: 'Apache-2.0', file: F, index: 0, line: 3 },
  ]);
});

test('without platform/addons.yaml no add-on is pinned (and nothing is wrong)', () => {
  const { config, findings } = load(undefined);
  expect(findings).toEqual([]);
  expect(config).toBeDefined();
  expect(config?.addons).toBeUndefined();
});

interface Case {
  name: string;
  text: string;
  expect: Expected[];
}

const edit = (from: string, to: string) => {
  if (valid.split(from).length !== 2) throw new Error(`${from} is not once in the fixture`);
  return valid.replace(from, to);
};

const cases: Case[] = [
  { name: 'empty file', text: '# nothing yet\n',
    expect: [{ check: 'config/type', file: F, line: 1, message: 'platform/addons.yaml is empty; expected a mapping of the pinned add-ons', hint: 'start with `addons:` and one entry per add-on, e.g. `- {name: cert-manager, version: v1.21.1, repository: cert-manager/cert-manager, licence: Apache-2.0}`' }],
  },
  { name: 'missing `addons`', text: 'addon: []\n',
    expect: [{ check: 'config/unknown-key', file: F, line: 1, path: 'addon', message: 'unknown key `addon`', hint: 'did you mean `addons`?' }],
  },
  { name: 'missing version', text: edit('    version: 1.30.3\n', ''),
    expect: [{ check: 'config/required', file: F, line: 2, path: 'addons[0].version', message: 'missing required key `version` in `addons[0]`', hint: 'add `version: v1.21.1`' }],
  },
  { name: 'a version YAML reads as a number', text: edit('version: 1.30.3', 'version: 1.30'),
    expect: [{ check: 'config/type', file: F, line: 3, path: 'addons[0].version', message: '`addons[0].version` must be a string; found the number 1.30', hint: 'quote it: `version: "1.30"` (unquoted, YAML reads 1.30 as the number 1.3)' }],
  },
  { name: 'a version that is no release tag', text: edit('version: v1.21.1', 'version: latest'),
    expect: [{ check: 'config/version', file: F, line: 7, path: 'addons[1].version', message: '`addons[1].version` is "latest", not a release tag', hint: 'pin the exact upstream tag, e.g. `version: v1.21.1` (a branch, `latest` or a range would move under the pin)' }],
  },
  { name: 'a version that would leave its folder', text: edit('version: v1.21.1', 'version: ../v1.21.1'),
    expect: [{ check: 'config/version', file: F, line: 7, path: 'addons[1].version', message: '`addons[1].version` is "../v1.21.1", not a release tag', hint: 'pin the exact upstream tag, e.g. `version: v1.21.1` (a branch, `latest` or a range would move under the pin)' }],
  },
  { name: 'a name that is no DNS-1123 label', text: edit('name: cert-manager', 'name: Cert_Manager'),
    expect: [{ check: 'config/name', file: F, line: 6, path: 'addons[1].name', message: '`addons[1].name` is "Cert_Manager", not a DNS-1123 label', hint: 'use at most 63 lower-case letters, digits and `-`, starting and ending with a letter or digit, e.g. `cert-manager`' }],
  },
  { name: 'one add-on pinned twice', text: edit('name: cert-manager', 'name: istio'),
    expect: [{ check: 'config/duplicate', file: F, line: 6, path: 'addons[1].name', message: 'add-on `istio` is pinned twice (also `addons[0]`)', hint: 'keep one entry per add-on: the platform runs one version of each' }],
  },
  { name: 'a repository that is a URL', text: edit('repository: istio/istio', 'repository: https://github.com/istio/istio'),
    expect: [{ check: 'config/repository', file: F, line: 4, path: 'addons[0].repository', message: '`addons[0].repository` is "https://github.com/istio/istio", not a GitHub `owner/name`', hint: 'write it as platform/crds/README.md lists it, e.g. `repository: cert-manager/cert-manager`' }],
  },
  { name: 'a licence outside the accepted ones', text: edit('licence: Apache-2.0\n  - name: cert', 'licence: BUSL-1.1\n  - name: cert'),
    expect: [{ check: 'config/enum', file: F, line: 5, path: 'addons[0].licence', message: '`addons[0].licence` must be one of Apache-2.0, MPL-2.0, MIT, BSD-2-Clause, BSD-3-Clause, ISC, Elastic-2.0; found `BUSL-1.1`', hint: 'use one of: Apache-2.0, MPL-2.0, MIT, BSD-2-Clause, BSD-3-Clause, ISC, Elastic-2.0' }],
  },
  { name: 'an unknown key in an entry', text: edit('    licence: Apache-2.0\n  - name: cert', '    licence: Apache-2.0\n    chart: istio/base\n  - name: cert'),
    expect: [{ check: 'config/unknown-key', file: F, line: 6, path: 'addons[0].chart', message: 'unknown key `chart` in `addons[0]`', hint: 'allowed keys: name, version, repository, licence, install' }],
  },
];

describe('bad platform/addons.yaml gives exactly these configuration errors', () => {
  test.each(cases)('$name', (c) => {
    const { config, findings } = load(c.text);
    expect(withoutSeverity(findings)).toEqual(c.expect);
    expect(config).toBeUndefined();
  });
});
