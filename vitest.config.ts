import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.{ts,tsx}', 'sim/**/*.ts', 'mocks/**/*.ts'],
      reporter: ['text', 'json-summary'],
    },
  },
});
