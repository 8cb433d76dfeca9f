/**
 * Where the built site will be published, read from the environment at build time, so canonical and
 * link-preview URLs name the real address:
 * - `SITE_URL`: the origin the site is served from (`https://example.github.io`);
 * - `BASE_PATH`: the folder under that origin (`/durable-execution-report/`); `/` when it is served at the root.
 * Unset, they are what `npm start` serves locally. Plain JavaScript, because astro.config.mjs imports it.
 */

/** What `npm start` serves (`astro preview` on loopback). */
export const LOCAL_SITE_URL = 'http://127.0.0.1:4321';

/** `report`, `/report` and `/report/` all mean `/report/`; empty or unset means `/`. */
export function normaliseBasePath(path = '') {
  const inner = path.trim().replace(/^\/+|\/+$/g, '');
  return inner ? `/${inner}/` : '/';
}

/**
 * The site's origin and base path from `env` (`process.env` by default). Throws when `SITE_URL` is not an
 * http(s) origin: a path there would be ignored by every absolute URL, so it belongs in `BASE_PATH`.
 * @param {Record<string, string | undefined>} [env]
 * @returns {{ site: string, base: string }}
 */
export function siteLocation(env = process.env) {
  const raw = env.SITE_URL?.trim() || LOCAL_SITE_URL;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL is not a URL: "${raw}"`);
  }
  if (!/^https?:$/.test(url.protocol) || url.pathname.replace(/\/+$/, '') || url.search || url.hash) {
    throw new Error(`SITE_URL must be an http(s) origin such as https://example.org, not "${raw}"; put a folder in BASE_PATH`);
  }
  return { site: url.origin, base: normaliseBasePath(env.BASE_PATH) };
}
