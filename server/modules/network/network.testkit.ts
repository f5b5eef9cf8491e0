/** Test helpers of the network module: dates ahead, a staff member of a new actor, an activity body, iCal parsing. */
import { randomUUID } from 'node:crypto';
import type { Client, TestApp } from '../../../test/harness.ts';
import { signInStaff } from '../../../test/staff.ts';
import { addDays, isoWeekday, localDate } from '../../core/time.ts';

export const ZONE = 'Europe/Berlin';
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** The next local date (from tomorrow, plus `weeks` weeks) that falls on the weekday. */
export function next(day: (typeof DAYS)[number], weeks = 0, now = new Date()): string {
  const tomorrow = addDays(localDate(now, ZONE), 1);
  return addDays(tomorrow, ((DAYS.indexOf(day) + 1 - isoWeekday(tomorrow) + 7) % 7) + weeks * 7);
}

export type Actor = { id: string; name: string; status: string; organisationId: string };

/** A new organisation's staff member who entered its actor; approved by the coordinator unless `pending`. */
export async function newActor(
  t: TestApp,
  coordinator: Client,
  input: { kind?: string; pending?: boolean; role?: 'association' | 'institution' } = {},
): Promise<{ client: Client; actor: Actor }> {
  const organisationId = `test-${randomUUID().slice(0, 8)}`;
  const client = await signInStaff(t, {
    role: input.role ?? 'association',
    organisationId,
    kind: 'association',
  });
  const reply = await client.post('/api/v1/network/actors', {
    name: 'ignored for staff',
    kind: input.kind ?? 'migrant_organisation',
    districts: ['hamborn'],
    topics: ['leisure_meeting'],
    languages: ['tur', 'deu'],
    targetGroups: ['women'],
    public: true,
    contacts: [],
  });
  if (reply.status !== 201) throw new Error(`actor: ${reply.status} ${reply.body}`);
  let actor = reply.json<Actor>();
  if (!input.pending) {
    const approved = await coordinator.post(`/api/v1/network/actors/${actor.id}/approve`, {});
    if (approved.status !== 200) throw new Error(`approve: ${approved.status} ${approved.body}`);
    actor = approved.json<Actor>();
  }
  return { client, actor };
}

/** A valid activity: weekly on Sundays at dawn, where the demo data has nothing. */
export function activity(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Frauenfrühstück',
    kind: 'open_meeting',
    date: next('SU'),
    from: '06:00',
    to: '07:30',
    rrule: 'FREQ=WEEKLY;BYDAY=SU',
    exceptions: [],
    skipSchoolHolidays: false,
    ortsteilId: 'marxloh',
    place: 'Weseler Straße 1',
    targetGroups: ['women'],
    languages: ['tur', 'deu'],
    public: true,
    ...overrides,
  };
}

export type IcsEvent = Record<string, { params: string; value: string }>;

/** The VEVENTs of an iCalendar text, each property with its parameters (lines unfolded). */
export function icsEvents(text: string): IcsEvent[] {
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
  if (lines[0] !== 'BEGIN:VCALENDAR' || lines.at(-1) !== 'END:VCALENDAR') throw new Error('not a calendar');
  const events: IcsEvent[] = [];
  let event: IcsEvent | null = null;
  let depth = 0;
  for (const line of lines) {
    const match = /^([A-Z0-9-]+)((?:;[^:]*)?):(.*)$/.exec(line);
    if (!match) throw new Error(`not an iCalendar content line: ${line}`);
    const [, name = '', params = '', value = ''] = match;
    if (name === 'BEGIN') {
      depth++;
      if (value === 'VEVENT') event = {};
    } else if (name === 'END') {
      depth--;
      if (value === 'VEVENT' && event) events.push(event);
      if (value === 'VEVENT') event = null;
    } else if (event) event[name] = { params, value };
  }
  if (depth !== 0) throw new Error('unbalanced calendar');
  return events;
}
