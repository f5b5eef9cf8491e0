import { afterAll, beforeAll, test } from 'vitest';
import { type BrowserEnv, newContext, open, PHONE, startBrowserEnv } from '../browser.ts';

let env: BrowserEnv;
beforeAll(async () => { env = await startBrowserEnv(); });
afterAll(async () => { await env?.close(); });

test('look', async () => {
  for (const [role, path, lang, file] of [
    ['guide', '/guides/profile', 'ar', 'profile-ar'],
    ['guide', '/guides/assignments', 'de', 'assign-de'],
    ['institution', '/guides/requests', 'de', 'requests-de'],
    ['coordinator', '/guides/pool', 'de', 'pool-de'],
  ] as const) {
    const context = await newContext(env, { role, lang, viewport: PHONE });
    const page = await context.newPage();
    await open(page, path);
    await page.screenshot({ path: `/tmp/gl/${file}.png`, fullPage: false });
    await context.close();
  }
});
