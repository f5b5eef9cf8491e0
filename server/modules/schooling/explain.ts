/**
 * The placement's explanations in words: the run stores the solver's explanation per child (ids and codes),
 * and these functions say it in the reader's language (locales/<lang>/schooling-server.json).
 */
import type { Ctx } from '../../core/context.ts';
import { translate } from '../../core/i18n.ts';
import type { ChildExplanation, SeatsToClear } from './placement/index.ts';
import * as repo from './schooling.repository.ts';
import { listSchools } from './views.ts';

const FORM_KEYS = {
  grundschule: 'schooling-server:form.grundschule',
  hauptschule: 'schooling-server:form.hauptschule',
  realschule: 'schooling-server:form.realschule',
  gesamtschule: 'schooling-server:form.gesamtschule',
  gymnasium: 'schooling-server:form.gymnasium',
  berufskolleg: 'schooling-server:form.berufskolleg',
} as const;
const KIND_KEYS = {
  support: 'schooling-server:kind.support',
  regular: 'schooling-server:kind.regular',
} as const;
const WHY_KEYS = {
  full: 'schooling-server:explain.why.full',
  siblings: 'schooling-server:explain.why.siblings',
  preferred: 'schooling-server:explain.why.preferred',
  overall: 'schooling-server:explain.why.overall',
} as const;

/** What the run keeps per child: the solver's explanation. */
export type StoredExplanation = ChildExplanation;
/** What the run keeps per school and band. */
export type StoredSeatsToClear = SeatsToClear;

/** A school form's name in a language. */
export function formName(locale: string, form: string): string {
  const key = FORM_KEYS[form as keyof typeof FORM_KEYS];
  return key ? translate(locale, key) : form;
}

/** A seat kind's name in a language. */
export function kindName(locale: string, kind: string): string {
  const key = KIND_KEYS[kind as keyof typeof KIND_KEYS];
  return key ? translate(locale, key) : kind;
}

const band = (from: number, to: number) => (from === to ? `${from}` : `${from}–${to}`);
/** Kilometres with one decimal, written the way the reader's language writes numbers ("8,1" in German). */
const km = (locale: string, value: number) =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);

/** One child's explanation as sentences, with school names looked up in `schoolNames`. */
export function renderExplanation(
  locale: string,
  explanation: StoredExplanation,
  schoolNames: Map<string, string>,
  seat?: { form: string; gradeFrom: number; gradeTo: number; kind: string },
): string {
  if (!explanation.placed) {
    const { detail } = explanation;
    const params = {
      form: formName(locale, detail.form),
      kind: kindName(locale, detail.kind),
      grades: band(detail.gradeFrom, detail.gradeTo),
      km: detail.nearestKm === null ? '' : km(locale, detail.nearestKm),
    };
    return explanation.reasons.includes('no_seat_in_form_grade_kind')
      ? translate(locale, 'schooling-server:explain.no_seat', params)
      : translate(locale, 'schooling-server:explain.seats_taken', params);
  }
  const school = schoolNames.get(explanation.schoolId) ?? explanation.schoolId;
  const parts = [
    translate(locale, 'schooling-server:explain.placed', {
      school,
      km: km(locale, explanation.km),
      form: seat ? formName(locale, seat.form) : '',
      kind: seat ? kindName(locale, seat.kind) : '',
      grades: seat ? band(seat.gradeFrom, seat.gradeTo) : '',
    }),
  ];
  if (explanation.preferred) parts.push(translate(locale, 'schooling-server:explain.preferred'));
  if (explanation.siblingsTogether === true)
    parts.push(translate(locale, 'schooling-server:explain.siblings_together'));
  if (explanation.siblingsTogether === false)
    parts.push(translate(locale, 'schooling-server:explain.siblings_split'));
  if (explanation.alternatives.length === 0)
    parts.push(translate(locale, 'schooling-server:explain.nearest'));
  for (const alternative of explanation.alternatives) {
    parts.push(
      translate(locale, 'schooling-server:explain.alternative', {
        school: schoolNames.get(alternative.schoolId) ?? alternative.schoolId,
        km: km(locale, alternative.km),
        why: translate(locale, WHY_KEYS[alternative.why]),
      }),
    );
  }
  return parts.join(' ');
}

/** The school names of every school, by id. */
export async function schoolNamesById(ctx: Ctx): Promise<Map<string, string>> {
  return new Map((await listSchools(ctx.db)).map((s) => [s.id, s.name]));
}

/** The explanation of one child in one run, in the reader's language (null when the run did not see the child). */
export async function explanationText(ctx: Ctx, runId: string, childId: string): Promise<string | null> {
  const run = await repo.findRun(ctx.db, runId);
  const entry = (run?.explanations as StoredRunChild[] | undefined)?.find(
    (e) => e.explanation.childId === childId,
  );
  if (!entry) return null;
  return renderExplanation(
    ctx.locale,
    entry.explanation,
    await schoolNamesById(ctx),
    entry.seat ?? undefined,
  );
}

/** One child's entry in a run: the solver's explanation and the seat group taken (if placed). */
export type StoredRunChild = {
  explanation: StoredExplanation;
  seat: { id: string; form: string; gradeFrom: number; gradeTo: number; kind: string } | null;
};
