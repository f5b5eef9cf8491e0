import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/harness.ts';
import { signInStaff } from '../../../test/staff.ts';
import type { ServiceBody } from './editing.schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

type ErrorBody = { error: { code: string; field?: string; message: string } };

/** An offer of the demo association Punte in Hochfeld, as its editor would enter it. */
const offer = (overrides: Partial<ServiceBody> = {}): Record<string, unknown> => ({
  organisationId: 'punte-hochfeld',
  categories: ['counselling'],
  targetGroups: ['eu_citizens'],
  languages: ['deu', 'ron', 'bul'],
  free: true,
  phone: '+49 203 7654321',
  url: 'https://punte.example/beratung',
  texts: {
    name: { de: 'Quokka-Sprechstunde Hochfeld', ro: 'Consultații Quokka Hochfeld' },
    description: {
      de: 'Beratung zu Schule, Arbeit und Wohnen.',
      ro: 'Consiliere despre școală, muncă și locuință.',
    },
  },
  location: {
    name: 'Punte Vereinsraum',
    address: 'Wanheimer Straße 90',
    postcode: '47053',
    ortsteilId: 'hochfeld',
    lat: 51.418,
    lon: 6.76,
    accessible: false,
  },
  schedule: [{ days: ['TH'], opens: '15:00', closes: '18:00' }],
  ...overrides,
});

const publicNames = async (q: string, lang = 'de') => {
  const reply = await t.client(lang).get(`/api/v1/directory/services?q=${encodeURIComponent(q)}`);
  return reply.json<{ items: { slug: string; name: { value: string; status: string } }[] }>().items;
};

describe('editing offers', () => {
  it('goes draft → review → published; the public sees it only when published; history says who', async () => {
    const editor = await t.login('association');
    const created = await editor.post('/api/v1/directory/editor/services', offer());
    expect(created.status, created.body).toBe(201);
    const { slug } = created.json<{ slug: string; status: string }>();
    expect(created.json<{ status: string }>().status).toBe('draft');
    expect(await publicNames('quokka')).toEqual([]);

    expect((await editor.post(`/api/v1/directory/editor/services/${slug}/submit`)).status).toBe(204);
    expect((await editor.post(`/api/v1/directory/editor/services/${slug}/publish`)).status).toBe(403);
    const coordinator = await t.login('coordinator');
    const queue = await coordinator.get('/api/v1/directory/editor/services?status=review');
    expect(queue.json<{ items: { slug: string }[] }>().items.map((i) => i.slug)).toContain(slug);
    expect((await coordinator.post(`/api/v1/directory/editor/services/${slug}/publish`)).status).toBe(204);
    expect((await publicNames('quokka')).map((i) => i.slug)).toEqual([slug]);

    // A change to the published offer waits for review; the public still sees the old text.
    const changed = offer({
      texts: {
        name: { de: 'Quokka-Sprechstunde Hochfeld und Marxloh', ro: 'Consultații Quokka Hochfeld' },
        description: {
          de: 'Beratung zu Schule, Arbeit und Wohnen.',
          ro: 'Consiliere despre școală, muncă și locuință.',
        },
        eligibility: null,
        fees: null,
        requiredDocuments: null,
      },
    });
    const update = await editor.request('PUT', `/api/v1/directory/editor/services/${slug}`, {
      body: changed,
    });
    expect(update.json<{ pendingReview: boolean }>().pendingReview).toBe(true);
    expect((await publicNames('quokka'))[0]?.name.value).toBe('Quokka-Sprechstunde Hochfeld');
    expect((await coordinator.post(`/api/v1/directory/editor/services/${slug}/publish`)).status).toBe(204);
    expect((await publicNames('quokka'))[0]?.name.value).toBe('Quokka-Sprechstunde Hochfeld und Marxloh');
    // The Romanian name was not changed with the German one: it is now outdated.
    expect((await publicNames('quokka', 'ro'))[0]?.name).toMatchObject({
      value: 'Consultații Quokka Hochfeld',
      status: 'outdated',
    });

    const history = await editor.get(`/api/v1/directory/editor/services/${slug}/history`);
    const items = history.json<{ items: { status: string; changedByName: string }[] }>().items;
    expect(items.map((i) => i.status)).toEqual(['published', 'draft']);
    expect(items[0]?.changedByName).toBeTruthy();
  });

  it('keeps translations up to date after a minor German edit by a coordinator', async () => {
    const coordinator = await t.login('coordinator');
    const created = await coordinator.post(
      '/api/v1/directory/editor/services',
      offer({
        texts: {
          name: { de: 'Wombat-Treff', en: 'Wombat meeting' },
          description: { de: 'Treffen.' },
        } as ServiceBody['texts'],
      }),
    );
    const { slug } = created.json<{ slug: string }>();
    await coordinator.post(`/api/v1/directory/editor/services/${slug}/publish`);
    const minor = offer({
      minor: true,
      texts: { name: { de: 'Wombat‑Treff' }, description: { de: 'Treffen.' } } as ServiceBody['texts'],
    });
    expect(
      (await coordinator.request('PUT', `/api/v1/directory/editor/services/${slug}`, { body: minor })).status,
    ).toBe(200);
    expect((await publicNames('wombat', 'en'))[0]?.name).toMatchObject({
      value: 'Wombat meeting',
      status: 'up_to_date',
    });
  });

  it('lets an organisation edit only its own offers', async () => {
    const other = await t.login('institution');
    const reply = await other.post('/api/v1/directory/editor/services', offer());
    expect(reply.status).toBe(403);
    const demoOffer = await other.request(
      'PUT',
      '/api/v1/directory/editor/services/deutschkurs-marxloh-abend',
      { body: offer() },
    );
    expect(demoOffer.status).toBe(403);
    expect((await (await t.login('guide')).get('/api/v1/directory/editor/services')).status).toBe(403);
  });

  it('lists an organisation only its own offers, coordinators every organisation’s', async () => {
    type Editable = { items: { slug: string; organisationId: string }[] };
    const list = async (client: Client) =>
      (await client.get('/api/v1/directory/editor/services')).json<Editable>().items;
    const verein = await signInStaff(t, {
      role: 'association',
      organisationId: 'test-verein',
      kind: 'association',
    });
    expect(await list(verein)).toEqual([]);
    const created = await verein.post(
      '/api/v1/directory/editor/services',
      offer({ organisationId: 'test-verein' }),
    );
    expect(created.status, created.body).toBe(201);
    const { slug } = created.json<{ slug: string }>();
    expect((await list(verein)).map((i) => i.slug)).toEqual([slug]);
    const punte = await list(await t.login('association'));
    expect(punte.length).toBeGreaterThan(0);
    expect(punte.every((i) => i.organisationId === 'punte-hochfeld')).toBe(true);
    const coordinator = await list(await t.login('coordinator'));
    expect(coordinator.map((i) => i.organisationId)).toEqual(
      expect.arrayContaining(['test-verein', 'punte-hochfeld', 'schwerpunktambulanz']),
    );
  });

  it('refuses wrong phone numbers, URLs, postcodes and opening hours, naming the field', async () => {
    const editor = await t.login('association');
    const cases: [Record<string, unknown>, string][] = [
      [offer({ phone: 'call me maybe' }), 'body.phone'],
      [offer({ url: 'javascript:alert(1)' }), 'body.url'],
      [
        offer({
          location: { ...(offer().location as object), postcode: '10115' } as ServiceBody['location'],
        }),
        'body.location.postcode',
      ],
      [
        offer({ location: { ...(offer().location as object), postcode: '4705' } as ServiceBody['location'] }),
        'body.location.postcode',
      ],
      [offer({ schedule: [{ days: ['MO'], opens: '18:00', closes: '09:00' }] }), 'body.schedule.0.closes'],
      [
        offer({ schedule: [{ days: ['XX' as 'MO'], opens: '09:00', closes: '10:00' }] }),
        'body.schedule.0.days.0',
      ],
      [
        offer({ texts: { name: { en: 'No German' }, description: { de: 'x' } } as ServiceBody['texts'] }),
        'body.texts.name.de',
      ],
    ];
    for (const [body, field] of cases) {
      const reply = await editor.post('/api/v1/directory/editor/services', body, {
        headers: { 'accept-language': 'tr' },
      });
      expect(reply.status, field).toBe(400);
      expect(reply.json<ErrorBody>().error.field, JSON.stringify(body)).toBe(field);
    }
  });

  it('flags offers not checked for six months to their editors until they confirm them', async () => {
    const coordinator = await t.login('coordinator');
    const stale = await coordinator.get('/api/v1/directory/editor/services?stale=true');
    const items = stale.json<{ items: { slug: string; stale: boolean }[] }>().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.stale)).toBe(true);
    const first = items[0]?.slug ?? '';
    expect((await coordinator.post(`/api/v1/directory/editor/services/${first}/checked`)).status).toBe(204);
    const after = await coordinator.get('/api/v1/directory/editor/services?stale=true');
    expect(after.json<{ items: { slug: string }[] }>().items.map((i) => i.slug)).not.toContain(first);
  });
});
