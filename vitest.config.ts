import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['generator/test/**/*.test.ts'],
    globalSetup: ['generator/test/setup/build.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
