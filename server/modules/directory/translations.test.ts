import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let coordinator: Client;
beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.login('coordinator');
});
afterAll(() => t?.close());

type Overview = {
  items: { lang: string; missing: number; outdated: number; upToDate: number; machine: number }[];
};
type ErrorBody = { error: { code: string; field?: string } };
const xml = { 'content-type': 'application/xliff+xml' };

const overview = async (lang: string) =>
  (await coordinator.get('/api/v1/directory/translations'))
    .json<Overview>()
    .items.find((i) => i.lang === lang);

/** Fills the first `n` units of an exported file with a translation, as an agency would. */
function translateUnits(file: string, n: number, text: (i: number) => string): string {
  let i = 0;
  return file.replace(/<target state="[^"]*">([^<]*)<\/target>/g, (whole) =>
    i < n ? `<target state="translated">${text(i++)}</target>` : whole,
  );
}

describe('translation work', () => {
  it('shows per language what is missing and outdated (the demo data leaves some on purpose)', async () => {
    const ar = await overview('ar');
    expect(ar?.missing).toBeGreaterThan(0);
    expect(ar?.outdated).toBeGreaterThan(0);
    expect((await (await t.login('association')).get('/api/v1/directory/translations')).status).toBe(403);
  });

  it('exports the pending texts as XLIFF and imports the translated file: a round trip', async () => {
    const before = await overview('ar');
    const exported = await coordinator.get('/api/v1/directory/translations/ar/xliff');
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toContain('application/xliff+xml');
    expect(exported.body).toContain('source-language="de" target-language="ar"');
    const filled = translateUnits(exported.body, 2, (i) => `نص مترجم رقم ${i} بوكاهونتاس`);
    const imported = await coordinator.post('/api/v1/directory/translations/ar/xliff', filled, {
      headers: xml,
    });
    expect(imported.status, imported.body).toBe(200);
    expect(imported.json()).toEqual({ imported: 2, outdated: 0 });
    const after = await overview('ar');
    expect((after?.missing ?? 0) + (after?.outdated ?? 0)).toBe(
      (before?.missing ?? 0) + (before?.outdated ?? 0) - 2,
    );
    // The new Arabic words are searchable.
    const found = await t
      .client('ar')
      .get(`/api/v1/directory/services?q=${encodeURIComponent('بوكاهونتاس')}`);
    expect(found.json<{ total: number }>().total).toBeGreaterThan(0);

    // A corrected translation replaces the old words: the offer is found by the new word, no longer by the old.
    const corrected = filled.replaceAll('بوكاهونتاس', 'زنجبيلية');
    const again = await coordinator.post('/api/v1/directory/translations/ar/xliff', corrected, {
      headers: xml,
    });
    expect(again.status, again.body).toBe(200);
    const total = async (word: string) =>
      (await t.client('ar').get(`/api/v1/directory/services?q=${encodeURIComponent(word)}`)).json<{
        total: number;
      }>().total;
    expect(await total('زنجبيلية')).toBeGreaterThan(0);
    expect(await total('بوكاهونتاس')).toBe(0);
  });

  it('refuses a malformed or foreign file with a reason, and keeps nothing of it', async () => {
    const exported = (await coordinator.get('/api/v1/directory/translations/tr/xliff')).body;
    const pendingBefore = (await overview('tr'))?.missing;
    const cases: [string, string, string][] = [
      ['tr', '<xliff version="1.2"><file><body>', 'xliff.malformed'],
      ['tr', exported.replace('original="lotse-directory"', 'original="other-system"'), 'xliff.foreign'],
      ['ar', exported, 'xliff.wrong_language'],
      ['tr', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><xliff/>', 'xliff.malformed'],
    ];
    for (const [lang, body, code] of cases) {
      const reply = await coordinator.post(`/api/v1/directory/translations/${lang}/xliff`, body, {
        headers: xml,
      });
      expect(reply.status, code).toBe(400);
      expect(reply.json<ErrorBody>().error).toMatchObject({ code, field: 'body' });
    }
    // One good unit and one unknown unit: nothing is imported.
    const mixed = translateUnits(exported, 1, () => 'Çevrilmiş metin').replace(
      '</body>',
      '<trans-unit id="service/00000000-0000-0000-0000-000000000000/name" resname="x"><source>x</source><target>y</target></trans-unit></body>',
    );
    const refused = await coordinator.post('/api/v1/directory/translations/tr/xliff', mixed, {
      headers: xml,
    });
    expect(refused.json<ErrorBody>().error.code).toBe('xliff.unknown_unit');
    expect((await overview('tr'))?.missing).toBe(pendingBefore);
  });

  it('refuses a file nested 1,000 tags deep with a 400 naming the file, in the user’s language', async () => {
    const exported = (await coordinator.get('/api/v1/directory/translations/tr/xliff')).body;
    const nested = exported.replace('</body>', `${'<g>'.repeat(1000)}x${'</g>'.repeat(1000)}</body>`);
    const english = await coordinator.post('/api/v1/directory/translations/tr/xliff', nested, {
      headers: { ...xml, 'accept-language': 'en' },
    });
    expect(english.status).toBe(400);
    const { error } = english.json<ErrorBody & { error: { message: string } }>();
    expect(error).toMatchObject({ code: 'xliff.too_complex', field: 'body' });
    expect(error.message).toMatch(/nested too deeply to import: at most 60,?000 elements/);
    expect(error.message).toContain('32 levels');
  });

  it('refuses a 2.3 MB file with 200,000 attributes with a 400, and keeps nothing of it', async () => {
    const exported = (await coordinator.get('/api/v1/directory/translations/tr/xliff')).body;
    const pendingBefore = (await overview('tr'))?.missing;
    const attributes = Array.from({ length: 200_000 }, (_, i) => ` a${i}="x"`).join('');
    const oneElement = translateUnits(exported, 1, () => 'Çevrilmiş metin').replace(
      '<body>',
      `<body><note${attributes}/>`,
    );
    const spread = translateUnits(exported, 1, () => 'Çevrilmiş metin').replace(
      '<body>',
      `<body>${Array.from({ length: 100_000 }, (_, i) => `<note a="${i}" b="x"/>`).join('')}`,
    );
    for (const file of [oneElement, spread]) {
      expect(file.length).toBeGreaterThan(2_000_000);
      const reply = await coordinator.post('/api/v1/directory/translations/tr/xliff', file, { headers: xml });
      expect(reply.status).toBe(400);
      expect(reply.json<ErrorBody>().error).toMatchObject({ code: 'xliff.too_complex', field: 'body' });
    }
    expect((await overview('tr'))?.missing).toBe(pendingBefore);
  });

  it('machine-translates pending texts through a LibreTranslate-compatible service, marked as machine-made', async () => {
    expect(
      (await coordinator.post('/api/v1/directory/translations/uk/machine')).json<ErrorBody>().error.code,
    ).toBe('feature.disabled');
    const requests: { source: string; target: string; q: string[] }[] = [];
    const fake = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        const input = JSON.parse(body) as { source: string; target: string; q: string[] };
        requests.push(input);
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ translatedText: input.q.map((q) => `[uk] ${q}`) }));
      });
    });
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    const mt = await createTestApp({ MT_URL: `http://127.0.0.1:${(fake.address() as AddressInfo).port}` });
    try {
      const mtCoordinator = await mt.login('coordinator');
      type Pending = { items: { entityId: string; field: string; current: string | null; status: string }[] };
      const ukState = async () =>
        (await mtCoordinator.get('/api/v1/directory/translations'))
          .json<Overview>()
          .items.find((i) => i.lang === 'uk');
      const before = await ukState();
      const pending = (await mtCoordinator.get('/api/v1/directory/translations/uk')).json<Pending>().items;
      const first = pending.find((text) => text.status === 'missing');
      const reply = await mtCoordinator.post('/api/v1/directory/translations/uk/machine');
      expect(reply.status, reply.body).toBe(200);
      const translated = reply.json<{ translated: number }>().translated;
      expect(translated).toBeGreaterThan(0);
      expect(requests[0]).toMatchObject({ source: 'de', target: 'uk' });
      expect((await ukState())?.machine).toBe((before?.machine ?? 0) + translated);
      // The first missing text now has the service's translation, marked as machine-made.
      const after = (await mtCoordinator.get('/api/v1/directory/translations/uk')).json<Pending>().items;
      expect(
        after.find((text) => text.entityId === first?.entityId && text.field === first?.field),
      ).toMatchObject({
        status: 'machine',
        current: expect.stringMatching(/^\[uk\] /),
      });
    } finally {
      await mt.close();
      fake.close();
    }
  });
});
