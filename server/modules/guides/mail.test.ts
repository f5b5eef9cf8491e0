/**
 * Messages through a real SMTP server, in the recipient's language, each with a calendar file: the proposal,
 * the confirmation, the reminder 24 hours before (once), a change and a cancellation — in German and Arabic.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/harness.ts';
import { type ReceivedMail, startSmtpServer } from '../../../test/smtp.ts';
import { addGuide, at, book, icsUtc, MONDAY, parseIcs, type TestGuide } from './guides.testkit.ts';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let coordinator: Client;
let caseworker: Client;
let germanGuide: TestGuide;
let arabicGuide: TestGuide;

/** Sends what the outbox holds and waits until the SMTP server has it. */
async function deliver(): Promise<void> {
  await t.services.jobRunner.runSoon('mail.deliver');
  await t.services.jobRunner.tick();
}
const mailsTo = (address: string) => smtp.received.filter((mail) => mail.to.includes(address));
function calendarOf(mail: ReceivedMail | undefined) {
  const attachment = mail?.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  expect(attachment, 'an iCalendar attachment').toBeDefined();
  return parseIcs(attachment?.content.toString('utf8') ?? '');
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ SMTP_URL: smtp.url });
  t.services.clock.set(MONDAY);
  coordinator = await t.login('coordinator');
  caseworker = await t.login('caseworker');
  germanGuide = await addGuide(t, {
    name: 'Hanna Weber',
    languages: [{ code: 'tir', level: 'native', dialect: null }],
  });
  arabicGuide = await addGuide(t, {
    name: 'Huda Nasser',
    locale: 'ar',
    languages: [{ code: 'ckb', level: 'native', dialect: null }],
  });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

describe('messages to a German-speaking guide', () => {
  let requestId: string;
  const start = at(2, '09:30');

  it('sends the proposal in German with a provisional calendar entry', async () => {
    requestId = (await book(caseworker, start, { language: 'tir' })).id;
    const proposed = await coordinator.post(`/api/v1/guides/requests/${requestId}/propose`);
    expect(proposed.json()).toMatchObject({ guideId: germanGuide.id });
    await deliver();
    const [mail] = mailsTo(germanGuide.email);
    expect(mail?.subject).toBe('Lotse: Neue Anfrage für Mittwoch, 5. März 2031 um 09:30');
    expect(mail?.text).toContain('Guten Tag Hanna Weber,');
    expect(mail?.text).toContain('Sprache: Tigrinya');
    expect(mail?.text).toContain('Thema: Gesundheit');
    const ics = calendarOf(mail);
    expect(ics.events[0]).toMatchObject({ DTSTART: icsUtc(start), STATUS: 'TENTATIVE' });
  });

  it('confirms to the requester and the guide when the guide accepts', async () => {
    const guide = await t.login(germanGuide.email);
    const [proposal] = (await guide.get('/api/v1/guides/me/proposals')).json<{ items: { id: string }[] }>()
      .items;
    expect((await guide.post(`/api/v1/guides/proposals/${proposal?.id}/accept`)).status).toBe(200);
    await deliver();
    const toCaseworker = mailsTo('caseworker@demo.lotse.example').find((m) =>
      m.subject.includes('bestätigt'),
    );
    expect(toCaseworker?.subject).toBe('Lotse: Ihr Termin am Mittwoch, 5. März 2031 um 09:30 ist bestätigt');
    expect(toCaseworker?.text).toContain('zu Ihrem Termin kommt Hanna.');
    expect(toCaseworker?.text).not.toContain('Weber');
    expect(calendarOf(toCaseworker).events[0]).toMatchObject({ STATUS: 'CONFIRMED', DTSTART: icsUtc(start) });
    const toGuide = mailsTo(germanGuide.email).at(-1);
    expect(toGuide?.subject).toBe('Lotse: Sie haben den Termin am Mittwoch, 5. März 2031 um 09:30 zugesagt');
  });

  it('reminds the guide and the requester 24 hours before, once', async () => {
    const before = mailsTo(germanGuide.email).length;
    t.services.clock.set(new Date(start.getTime() - 25 * 3_600_000));
    await t.services.jobRunner.runSoon('guides.reminders');
    await t.services.jobRunner.tick();
    await deliver();
    expect(mailsTo(germanGuide.email)).toHaveLength(before);

    t.services.clock.set(new Date(start.getTime() - 23 * 3_600_000));
    await t.services.jobRunner.runSoon('guides.reminders');
    await t.services.jobRunner.tick();
    await deliver();
    const reminders = mailsTo(germanGuide.email).filter((m) => m.subject.startsWith('Lotse: Erinnerung'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.text).toContain('wir erinnern Sie an den bevorstehenden Termin');
    expect(calendarOf(reminders[0]).events).toHaveLength(1);
    expect(
      mailsTo('caseworker@demo.lotse.example').filter((m) => m.subject.startsWith('Lotse: Erinnerung')),
    ).toHaveLength(1);

    await t.services.jobRunner.runSoon('guides.reminders');
    await t.services.jobRunner.tick();
    await deliver();
    expect(mailsTo(germanGuide.email).filter((m) => m.subject.startsWith('Lotse: Erinnerung'))).toHaveLength(
      1,
    );
  });

  it('tells the guide about a change, with the moved calendar entry', async () => {
    t.services.clock.set(MONDAY);
    caseworker = await t.login('caseworker');
    const moved = at(2, '11:00');
    const reply = await caseworker.patch(`/api/v1/guides/requests/${requestId}`, {
      start: moved.toISOString(),
    });
    expect(reply.status, reply.body).toBe(200);
    await deliver();
    const change = mailsTo(germanGuide.email).find((m) =>
      m.subject.startsWith('Lotse: Der Termin wurde geändert'),
    );
    expect(change?.subject).toBe('Lotse: Der Termin wurde geändert – jetzt Mittwoch, 5. März 2031 um 11:00');
    expect(calendarOf(change).events[0]).toMatchObject({ DTSTART: icsUtc(moved) });
  });

  it('tells the guide about a cancellation, with a cancelling calendar entry', async () => {
    const reply = await caseworker.post(`/api/v1/guides/requests/${requestId}/cancel`);
    expect(reply.status, reply.body).toBe(200);
    expect(reply.json()).toMatchObject({ state: 'cancelled', lateCancellation: false });
    await deliver();
    const cancellation = mailsTo(germanGuide.email).find((m) => m.subject.includes('fällt aus'));
    expect(cancellation?.text).toContain('der Termin wurde abgesagt');
    const ics = calendarOf(cancellation);
    expect(ics.calendar.METHOD).toBe('CANCEL');
    expect(ics.events[0]).toMatchObject({ STATUS: 'CANCELLED' });
  });
});

describe('messages in Arabic', () => {
  it('sends the newcomer’s confirmation and the guide’s mails in Arabic', async () => {
    const newcomer = t.client('ar');
    const created = await newcomer.post('/api/v1/guides/public/requests', {
      language: 'ckb',
      start: at(3, '10:00').toISOString(),
      durationMinutes: 60,
      place: { address: 'Weseler Straße 10, 47169 Duisburg', ortsteilId: 'marxloh' },
      topic: 'authorities',
      newcomerFirstName: 'Dilan',
      requesterEmail: 'dilan@example.org',
    });
    expect(created.status, created.body).toBe(201);
    await deliver();
    const [received] = mailsTo('dilan@example.org');
    expect(received?.subject).toBe(`Lotse: وصل طلبك ${created.json<{ code: string }>().code}`);

    const { id } = (await coordinator.get('/api/v1/guides/requests?state=open&from=2031-03-06&to=2031-03-06'))
      .json<{ items: { id: string; language: string }[] }>()
      .items.find((r) => r.language === 'ckb') ?? { id: '' };
    const proposed = await coordinator.post(`/api/v1/guides/requests/${id}/propose`);
    expect(proposed.json()).toMatchObject({ guideId: arabicGuide.id });
    await deliver();
    const proposal = mailsTo(arabicGuide.email)[0];
    expect(proposal?.subject).toMatch(/^Lotse: طلب جديد بتاريخ /);
    expect(proposal?.text).toContain('مرحبًا Huda Nasser،');
    expect(proposal?.text).toContain('الموضوع: الدوائر الحكومية');
    expect(calendarOf(proposal).calendar.PRODID).toContain('AR');

    const guide = await t.login(arabicGuide.email);
    const [item] = (await guide.get('/api/v1/guides/me/proposals')).json<{ items: { id: string }[] }>().items;
    expect((await guide.post(`/api/v1/guides/proposals/${item?.id}/accept`)).status).toBe(200);
    await deliver();
    const confirmation = mailsTo('dilan@example.org').at(-1);
    expect(confirmation?.subject).toMatch(/^Lotse: تم تأكيد موعدك بتاريخ /);
    expect(confirmation?.text).toContain('سيحضر Huda إلى موعدك.');
    expect(calendarOf(confirmation).events[0]).toMatchObject({
      DTSTART: icsUtc(at(3, '10:00')),
      STATUS: 'CONFIRMED',
    });
  });
});
