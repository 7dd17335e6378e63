import { fileURLToPath } from 'node:url';

/** The running c360 server under test (the Makefile starts one with seeded demo data). */
export const BASE_URL = (process.env.E2E_BASE_URL ?? 'http://127.0.0.1:18080').replace(/\/+$/, '');

/** Debian's Chromium; Playwright never downloads a browser here. */
export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

/** Screenshots and Playwright artifacts (git-ignored). */
export const OUTPUT_DIR = fileURLToPath(new URL('../../test-output/e2e/', import.meta.url));
