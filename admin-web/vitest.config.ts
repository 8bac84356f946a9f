import { defineConfig } from 'vitest/config';

// Unit tests cover the pure parts (menu filtering, error mapping, the API client), so Node is enough.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.spec.ts'],
  },
});
