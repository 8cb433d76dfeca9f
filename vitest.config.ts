import { defineConfig } from 'vitest/config';

/**
 * Two projects: the unit and integration suites, plain; and the component tests, which render `.astro`
 * components through Astro's container API and so need Astro's Vite plugins (vitest.components.config.ts).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      './vitest.components.config.ts',
    ],
  },
});
