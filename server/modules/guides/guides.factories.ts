/** Factories for guide profiles and requests: the demo data and the tests build on the same defaults. */
import type { z } from 'zod';
import type * as s from './guides.schema.ts';
import type { GuideKind } from './guides.terms.ts';

export type ProfileInput = z.input<typeof s.ownProfileBody> & { kind?: GuideKind };
export type RequestInput = z.input<typeof s.requestBody>;

/** A weekday guide in Duisburg-Mitte speaking Arabic, valid unless overridden. */
export function buildGuideProfile(overrides: Partial<ProfileInput> = {}): ProfileInput {
  return {
    languages: [{ code: 'ara', level: 'native', dialect: null }],
    topicsAccepted: ['health', 'authorities', 'school', 'housing'],
    topicsRefused: [],
    districts: ['mitte'],
    travelMode: 'transit',
    home: { lat: 51.432, lon: 6.765 },
    gender: null,
    weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '08:00', to: '18:00' })),
    exceptions: [],
    maxPerWeek: 5,
    privatePhone: '+49 203 555 0100',
    privateEmail: 'privat@example.org',
    ...overrides,
  };
}

/** A clinic appointment in Hochfeld for an Arabic speaker, starting at `start`. */
export function buildRequest(start: Date, overrides: Partial<RequestInput> = {}): RequestInput {
  return {
    language: 'ara',
    dialect: null,
    start: start.toISOString(),
    durationMinutes: 60,
    place: { address: 'Wanheimer Straße 1, 47053 Duisburg', lat: 51.419, lon: 6.762 },
    topic: 'health',
    mode: 'on_site',
    genderRequired: null,
    urgency: 0,
    notes: null,
    newcomerFirstName: 'Amal',
    contactOnDay: '+49 203 555 0199',
    requesterEmail: null,
    caseRef: null,
    organisationId: null,
    ...overrides,
  };
}
