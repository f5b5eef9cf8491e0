import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BrowserEnv, LANGUAGE_CODES, newContext, open, startBrowserEnv, text } from '../browser.ts';

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => {
  await env?.close();
});

describe('language names', () => {
  test.each(LANGUAGE_CODES.map((lang) => [lang] as const))(
    'an offer in Romani names the language in %s, never the code "rom"',
    async (lang) => {
      const context = await newContext(env, { lang });
      try {
        const found = await context.request.get('/api/v1/directory/services?language=rom&per_page=1');
        const slug = ((await found.json()) as { items: { slug: string }[] }).items[0]?.slug;
        expect(slug, 'a demo offer in Romani').toBeTruthy();
        const page = await context.newPage();
        await open(page, `/angebote/${slug}`);
        const languages = page
          .locator('dt', { hasText: text(lang, 'directory:detail.languages') })
          .locator('xpath=following-sibling::dd[1]');
        const shown = (await languages.textContent()) ?? '';
        // Words, not \b: "română" must not count as the code.
        expect(shown.split(/[\s,;、،]+/u)).not.toContain('rom');
        expect(shown.length).toBeGreaterThan(10);
      } finally {
        await context.close();
      }
    },
  );
});
