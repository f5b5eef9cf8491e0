import type { ReportInput } from './reports.schema.ts';

/** A valid report from the public form; overrides replace whole fields. */
export function buildReport(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    description: 'Bei der Besichtigung hieß es, an Familien wie uns werde nicht vermietet.',
    when: { date: '2026-05-04' },
    where: { kind: 'ortsteil', ortsteilId: 'hochfeld' },
    setting: 'housing',
    grounds: ['racism'],
    violence: false,
    police: 'no',
    extremist: [],
    affected: 'me',
    ...overrides,
  };
}
