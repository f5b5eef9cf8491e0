/** Test helpers for the guides module: guides with accounts, requests through the API, the clock. */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DEMO_PASSWORD } from '../../../test/config.ts';
import type { Client, TestApp } from '../../../test/harness.ts';
import { outbox } from '../../core/core.tables.ts';
import { hashPassword } from '../../core/passwords.ts';
import { users } from '../platform/platform.tables.ts';
import { buildGuideProfile, buildRequest, type ProfileInput, type RequestInput } from './guides.factories.ts';
import { guideOnboarding, guideProfiles } from './guides.tables.ts';
import { ONBOARDING_STEPS, type OnboardingStep } from './guides.terms.ts';

let passwordHash: Promise<string> | null = null;

/** A Monday in the future of every test run; tests set the clock to it. */
export const MONDAY = new Date('2031-03-03T07:00:00Z');
/** A local time on a day of that week (Europe/Berlin is UTC+1 in March). */
export const at = (day: number, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(2031, 2, 3 + day, h - 1, m));
};

export type TestGuide = { id: string; email: string; name: string };

/**
 * A guide with an account (password: the demo password), a profile and onboarding. Steps default to valid
 * until 2040; pass `steps: { police_clearance: { expiresOn: '…' } }` or `null` (missing) to change one.
 */
export async function addGuide(
  t: TestApp,
  input: Partial<ProfileInput> & {
    name?: string;
    locale?: string;
    steps?: Partial<Record<OnboardingStep, { completedOn?: string; expiresOn: string | null } | null>>;
  } = {},
): Promise<TestGuide> {
  const { name = `Test Guide ${randomUUID().slice(0, 6)}`, locale = 'de', steps = {}, ...profile } = input;
  const db = t.services.database.db;
  passwordHash ??= hashPassword(DEMO_PASSWORD);
  const email = `guide-${randomUUID()}@example.org`;
  const [user] = await db
    .insert(users)
    .values({ email, displayName: name, role: 'guide', locale, passwordHash: await passwordHash })
    .returning({ id: users.id });
  const id = user?.id ?? '';
  const p = buildGuideProfile(profile);
  await db.insert(guideProfiles).values({
    userId: id,
    kind: p.kind ?? 'volunteer',
    languages: p.languages.map((l) => ({ code: l.code, level: l.level, dialect: l.dialect ?? null })),
    topicsAccepted: p.topicsAccepted,
    topicsRefused: p.topicsRefused,
    districts: p.districts,
    travelMode: p.travelMode,
    homeLat: p.home.lat,
    homeLon: p.home.lon,
    gender: p.gender,
    weekly: p.weekly,
    exceptions: (p.exceptions ?? []).map((e) => ({ from: e.from, to: e.to, note: e.note ?? null })),
    maxPerWeek: p.maxPerWeek,
    privatePhone: p.privatePhone,
    privateEmail: p.privateEmail,
  });
  for (const step of ONBOARDING_STEPS) {
    const given = steps[step];
    if (given === null) continue;
    await db.insert(guideOnboarding).values({
      guideId: id,
      step,
      completedOn: given?.completedOn ?? '2025-01-01',
      expiresOn: given === undefined ? '2040-01-01' : given.expiresOn,
    });
  }
  return { id, email, name };
}

/** Creates a request as the given client; returns its id and code. */
export async function book(client: Client, start: Date, overrides: Partial<RequestInput> = {}) {
  const reply = await client.post('/api/v1/guides/requests', buildRequest(start, overrides));
  if (reply.status !== 201) throw new Error(`booking failed: ${reply.status} ${reply.body}`);
  return reply.json<{ id: string; code: string }>();
}

/** The mails queued for an address (outbox rows), oldest first. */
export async function outboxFor(t: TestApp, address: string) {
  const rows = await t.services.database.db.select().from(outbox).where(eq(outbox.toAddress, address));
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

export type IcsEvent = Record<string, string>;

/**
 * A strict little iCalendar reader for tests (RFC 5545 §3.1): unfolds lines, checks every content line has a
 * name and a value and that BEGIN/END nest; returns the calendar's properties and its events.
 */
export function parseIcs(text: string): { calendar: Record<string, string>; events: IcsEvent[] } {
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line) => line !== '');
  const stack: string[] = [];
  const calendar: Record<string, string> = {};
  const events: IcsEvent[] = [];
  let event: IcsEvent | null = null;
  for (const line of lines) {
    const match = /^([A-Z0-9-]+)((?:;[^:]*)?):(.*)$/.exec(line);
    if (!match) throw new Error(`not an iCalendar content line: ${line}`);
    const [, name = '', , value = ''] = match;
    if (name === 'BEGIN') {
      stack.push(value);
      if (value === 'VEVENT') event = {};
    } else if (name === 'END') {
      if (stack.pop() !== value) throw new Error(`END:${value} does not close ${stack.at(-1)}`);
      if (value === 'VEVENT' && event) events.push(event);
    } else if (stack.at(-1) === 'VEVENT' && event) event[name] = value;
    else if (stack.at(-1) === 'VCALENDAR') calendar[name] = value;
  }
  if (stack.length !== 0 || !lines[0]?.startsWith('BEGIN:VCALENDAR')) throw new Error('unbalanced calendar');
  return { calendar, events };
}

/** 2031-03-04T09:00:00.000Z → 20310304T090000Z, as iCalendar writes UTC times. */
export const icsUtc = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
