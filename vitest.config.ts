import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts', 'sim/**/*.ts', 'mocks/**/*.ts', 'app/**/*.{ts,tsx}'],
      reporter: ['text', 'json-summary'],
    },
  },
});
