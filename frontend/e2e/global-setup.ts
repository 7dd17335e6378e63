import { accessSync, constants, mkdirSync } from 'node:fs';
import { BASE_URL, CHROMIUM, OUTPUT_DIR } from './env';

// Fail early, with the fix in the message, instead of timing out inside a test.
export default async function globalSetup(): Promise<void> {
  try {
    accessSync(CHROMIUM, constants.X_OK);
  } catch {
    throw new Error(
      `e2e: no Chromium at ${CHROMIUM}. Install Debian's: ` +
        '`apt-get update && apt-get install -y chromium fonts-noto-cjk` (or set E2E_CHROMIUM).',
    );
  }

  let body: string;
  try {
    const response = await fetch(`${BASE_URL}/`, { signal: AbortSignal.timeout(5_000) });
    body = await response.text();
    if (!response.ok) throw new Error(`GET / answered ${response.status}`);
  } catch (error) {
    throw new Error(
      `e2e: no c360 server answers at ${BASE_URL} (${String(error)}). Start one with seeded ` +
        'data, e.g. `c360 migrate && c360 seed --customers 200 && c360 serve --addr 127.0.0.1:18080`, ' +
        'or set E2E_BASE_URL.',
    );
  }
  if (body.includes('the SPA is not built')) {
    throw new Error(
      `e2e: the server at ${BASE_URL} embeds the placeholder page: run \`npm run build\` in ` +
        'frontend/ and rebuild the binary before starting it.',
    );
  }

  mkdirSync(OUTPUT_DIR, { recursive: true });
}
