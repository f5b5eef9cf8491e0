/**
 * The enrolment race: 200 people enrol at the same moment, through the HTTP API, into a course with 12 places and
 * 4 childcare places (every other one needs childcare for a small child). On PostgreSQL they run truly in parallel
 * on a pool of 25 connections; PGlite runs the same scenario one statement at a time. Either way the database
 * decides: exactly the places there are, the rest waiting 1..k without gaps or repeats, in order of arrival.
 */
import { eq } from 'drizzle-orm';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { systemContext } from '../../core/context.ts';
import { type Database, openDatabase } from '../../core/db.ts';
import { buildCourse, buildEnrolment } from './courses.factories.ts';
import { createCourse } from './courses.service.ts';
import { courseEnrolments } from './courses.tables.ts';

let t: TestApp;
let original: Database;
let big: Database | null = null;

beforeAll(async () => {
  t = await createTestApp({ TRUST_PROXY: 'true' });
  t.services.clock.set(new Date('2026-12-07T09:00:00Z'));
  original = t.services.database;
  if (original.kind === 'postgres') {
    const url = (original.pool as pg.Pool).options.connectionString as string;
    big = await openDatabase({ kind: 'postgres', url, max: 25 });
    t.services.database = big;
  }
});
afterAll(async () => {
  if (big) {
    t.services.database = original;
    await big.close();
  }
  await t?.close();
});

type Answer = { status: 'enrolled' | 'waiting'; position: number | null; code: string };

describe('200 people enrolling at the same moment', () => {
  it('gives exactly the 12 places and 4 childcare places there are; the rest wait 1..k in order of arrival', async () => {
    const course = await createCourse(
      systemContext(t.services),
      buildCourse({ capacity: 12, childcarePlaces: 4, childcareAgeMin: 0, childcareAgeMax: 3 }),
    );
    const bodies = Array.from({ length: 200 }, (_, i) =>
      buildEnrolment({ childcare: i % 2 === 0 ? [2] : [] }),
    );
    // Each from its own address (the form allows 20 per minute and address), all sent before any answer.
    const replies = await Promise.all(
      bodies.map(async (body, i) => {
        const client = t.client(i % 3 === 0 ? 'bg' : 'de');
        const from = `10.${Math.floor(i / 250)}.${i % 250}.7`;
        return client.post(`/api/v1/courses/${course.id}/enrolments`, body, {
          headers: { 'x-forwarded-for': from },
        });
      }),
    );
    for (const reply of replies) expect(reply.status, reply.body).toBe(201);
    const answers = replies.map((reply) => reply.json<Answer>());

    const enrolled = answers.filter((a) => a.status === 'enrolled');
    expect(enrolled).toHaveLength(12);
    expect(enrolled.every((a) => a.position === null)).toBe(true);
    const waiting = answers.filter((a) => a.status === 'waiting');
    expect(waiting).toHaveLength(188);
    expect(waiting.map((a) => a.position).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: 188 }, (_, i) => i + 1),
    );
    expect(new Set(answers.map((a) => a.code)).size).toBe(200);

    // The database's order of arrival: replaying the rule over it gives exactly what each person was told.
    const rows = await t.services.database.db
      .select()
      .from(courseEnrolments)
      .where(eq(courseEnrolments.courseId, course.id));
    rows.sort((a, b) => a.arrival - b.arrival);
    expect(rows.map((r) => r.arrival)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    let places = 12;
    let childcare = 4;
    let position = 0;
    const expected = rows.map((row) => {
      const needs = row.childcareAges.length;
      if (places >= 1 && childcare >= needs) {
        places -= 1;
        childcare -= needs;
        return 'enrolled';
      }
      position += 1;
      return `waiting ${position}`;
    });
    expect(rows.map((r) => r.status)).toEqual(expected.map((e) => e.split(' ')[0]));
    // Each person was told the position of their arrival: the k-th waiting arrival heard "position k".
    const told = new Map(bodies.map((body, i) => [body.participant.name, answers[i]?.position ?? null]));
    expect(rows.map((r) => told.get(r.participantName) ?? null)).toEqual(
      expected.map((e) => (e === 'enrolled' ? null : Number(e.split(' ')[1]))),
    );
    const heldChildcare = rows.filter((r) => r.status === 'enrolled').flatMap((r) => r.childcareAges);
    expect(heldChildcare).toHaveLength(4);

    // What the list says now agrees.
    const listed = await t.client().get(`/api/v1/courses/${course.id}`);
    expect(listed.json()).toMatchObject({ capacityFree: 0, childcareFree: 0, waiting: 188 });
    // And each waiting person's follow page shows the position they were told.
    const sample = waiting.slice(0, 5);
    for (const answer of sample) {
      const follow = await t.client().get(`/api/v1/courses/enrolments/${answer.code}`);
      expect(follow.json()).toMatchObject({ status: 'waiting', position: answer.position });
    }
  });
});
