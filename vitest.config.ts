import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['generator/test/**/*.test.ts'],
    globalSetup: ['generator/test/setup/build.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // GitHub's workflow parser imports its JSON schema without an import attribute, which Node 20 refuses:
    // transformed by Vite instead (generator/test/workflow).
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
