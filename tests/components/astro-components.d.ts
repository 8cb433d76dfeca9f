/**
 * For `tsc`, which cannot read `.astro` files: a component imported by these tests is what the container API
 * renders. (`astro check` and Vitest resolve the real components.)
 */
declare module '*.astro' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
  const component: AstroComponentFactory;
  export default component;
}
