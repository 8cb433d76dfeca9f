/** The plugin ships no types; this is the part the VR-02 probe uses. */
declare module '@inngest/eslint-plugin' {
  import type { ESLint } from 'eslint';
  const plugin: ESLint.Plugin & { rules: NonNullable<ESLint.Plugin['rules']> };
  export default plugin;
}
