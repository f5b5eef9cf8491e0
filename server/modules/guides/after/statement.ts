import { z } from 'zod';
import type { Outcome } from '../guides.terms.ts';

/**
 * The monthly statement of one guide, as pure functions: from what was logged (time, travel) and recorded (late
 * cancellations, no-shows) to amounts in cents, with the city profile's rates. No database, no clock.
 */

/** The rates of the city profile (`rates` in cities/<CITY>/profile.json) that statements use. */
export const statementRates = z.object({
  currency: z.string().min(3).max(3),
  mediatorHourly: z.number().nonnegative(),
  mediatorTravelPerKm: z.number().nonnegative(),
  volunteerAllowancePerAssignment: z.number().nonnegative(),
  volunteerTravelPerKm: z.number().nonnegative(),
  volunteerAnnualAllowanceCap: z.number().nonnegative(),
  /** Share of the booked time a mediator is paid for a late cancellation (1 = all of it). */
  lateCancellationMediatorShare: z.number().min(0).max(1).default(1),
  /** Share of the allowance a volunteer gets for a late cancellation (1 = the whole allowance). */
  lateCancellationVolunteerShare: z.number().min(0).max(1).default(1),
});
export type StatementRates = z.infer<typeof statementRates>;

/** Reads the statement rates from the city profile's `rates`; a wrong value names its key. */
export function parseRates(rates: Record<string, number | string>): StatementRates {
  const parsed = statementRates.safeParse(rates);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`city profile rates.${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

export type GuideKind = 'mediator' | 'volunteer';

/**
 * What happened to one assignment, for pay:
 * - `done`: the guide was there (time and travel as logged);
 * - `no_show_newcomer`: the guide came, the newcomer did not (paid like `done`, with the logged time);
 * - `late_cancellation`: the institution cancelled late (guides.lateCancellationHours of the city profile; the core
 *   records it on the request): the booked time by the city's share, travel if logged;
 * - `no_show_guide`: the guide did not come (nothing paid, listed for the record).
 */
export type { Outcome };

/** One assignment of the month, as the statement needs it (no names: ids, times, numbers). */
export type StatementEntry = {
  assignmentId: string;
  start: Date;
  bookedMinutes: number;
  outcome: Outcome;
  /** Time the guide logged; null when not yet logged. */
  loggedMinutes: number | null;
  travelKm: number | null;
  /** Whether the requester confirmed the logged time. */
  confirmed: boolean;
  language: string;
  topic: string;
};

export type StatementLine = StatementEntry & {
  /** Minutes paid (mediators): logged time, or the booked time's share for a late cancellation. */
  paidMinutes: number;
  km: number;
  payCents: number;
  travelCents: number;
  allowanceCents: number;
};

export type Statement = {
  guideId: string;
  kind: GuideKind;
  month: string;
  currency: string;
  lines: StatementLine[];
  totals: {
    assignments: number;
    paidMinutes: number;
    km: number;
    payCents: number;
    travelCents: number;
    /** Allowance after the yearly cap. */
    allowanceCents: number;
    totalCents: number;
  };
  /** Volunteers only: the yearly cap on allowances, what earlier months of the year used, what this month cut. */
  cap: { annualCents: number; usedBeforeCents: number; cutCents: number } | null;
};

const cents = (euros: number) => Math.round(euros * 100);
/** Kilometres as logged, to one decimal (what the form accepts); avoids 0.1 + 0.2 drifts in sums. */
const roundKm = (km: number) => Math.round(km * 10) / 10;

/** Whether an entry counts for pay at all (a guide's own no-show does not). */
const paid = (entry: StatementEntry) => entry.outcome !== 'no_show_guide';

/** The pay of one line, before the volunteers' yearly cap. */
export function statementLine(kind: GuideKind, rates: StatementRates, entry: StatementEntry): StatementLine {
  const km = paid(entry) ? roundKm(entry.travelKm ?? 0) : 0;
  let paidMinutes = 0;
  let allowanceShare = 0;
  switch (entry.outcome) {
    case 'done':
    case 'no_show_newcomer':
      paidMinutes = entry.loggedMinutes ?? 0;
      allowanceShare = entry.loggedMinutes === null ? 0 : 1;
      break;
    case 'late_cancellation':
      paidMinutes = Math.round(entry.bookedMinutes * rates.lateCancellationMediatorShare);
      allowanceShare = rates.lateCancellationVolunteerShare;
      break;
    case 'no_show_guide':
      break;
    default: {
      const unknown: never = entry.outcome;
      throw new Error(`unknown outcome ${String(unknown)}`);
    }
  }
  if (kind === 'mediator') {
    return {
      ...entry,
      paidMinutes,
      km,
      payCents: cents((paidMinutes / 60) * rates.mediatorHourly),
      travelCents: cents(km * rates.mediatorTravelPerKm),
      allowanceCents: 0,
    };
  }
  return {
    ...entry,
    paidMinutes: 0,
    km,
    payCents: 0,
    travelCents: cents(km * rates.volunteerTravelPerKm),
    allowanceCents: cents(allowanceShare * rates.volunteerAllowancePerAssignment),
  };
}

/** Allowance a volunteer's entries earn before any cap, in cents. */
function allowanceBeforeCap(rates: StatementRates, entries: StatementEntry[]): number {
  return entries.reduce((sum, entry) => sum + statementLine('volunteer', rates, entry).allowanceCents, 0);
}

/**
 * The statement of one guide for one month. `earlierThisYear` are the entries of the same calendar year before
 * this month: a volunteer's allowance is capped by `volunteerAnnualAllowanceCap` per year (the German
 * Ehrenamtspauschale); travel is reimbursed as spent and not capped.
 */
export function buildStatement(input: {
  guideId: string;
  kind: GuideKind;
  month: string;
  rates: StatementRates;
  entries: StatementEntry[];
  earlierThisYear: StatementEntry[];
}): Statement {
  const { kind, rates } = input;
  const lines = [...input.entries]
    .sort((a, b) => a.start.getTime() - b.start.getTime())
    .map((entry) => statementLine(kind, rates, entry));
  const sum = (pick: (line: StatementLine) => number) => lines.reduce((total, line) => total + pick(line), 0);
  const payCents = sum((line) => line.payCents);
  const travelCents = sum((line) => line.travelCents);
  let allowanceCents = sum((line) => line.allowanceCents);
  let cap: Statement['cap'] = null;
  if (kind === 'volunteer') {
    const annualCents = cents(rates.volunteerAnnualAllowanceCap);
    const usedBeforeCents = Math.min(annualCents, allowanceBeforeCap(rates, input.earlierThisYear));
    const left = Math.max(0, annualCents - usedBeforeCents);
    const cutCents = Math.max(0, allowanceCents - left);
    allowanceCents -= cutCents;
    cap = { annualCents, usedBeforeCents, cutCents };
  }
  return {
    guideId: input.guideId,
    kind,
    month: input.month,
    currency: rates.currency,
    lines,
    totals: {
      assignments: lines.filter((line) => paid(line)).length,
      paidMinutes: sum((line) => line.paidMinutes),
      km: roundKm(sum((line) => line.km)),
      payCents,
      travelCents,
      allowanceCents,
      totalCents: payCents + travelCents + allowanceCents,
    },
    cap,
  };
}
