/** Component tests: `.astro` components rendered by Astro's container API, with Astro's own Vite setup. */
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    name: 'components',
    include: ['tests/components/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
