import { auditRead } from '../../core/audit.ts';
import type { Ctx } from '../../core/context.ts';
import { AppError, errors } from '../../core/errors.ts';
import { authorize } from '../../core/policy.ts';
import { cityDay, requireUiLanguage } from './common.ts';
import { buildPlacementLetter, type LetterInput } from './letter.ts';
import * as repo from './schooling.repository.ts';
import { listSchools } from './views.ts';

/**
 * The family's letter for an accepted place, as PDF, in the family's language (or the one asked for) and German.
 * Reading it reads the child's record: audited.
 */
export async function placementLetter(ctx: Ctx, placementId: string, lang?: string) {
  authorize(ctx, 'schooling.letter');
  const placement = await repo.findPlacement(ctx.db, placementId);
  if (!placement) throw errors.notFound();
  if (placement.status !== 'accepted' || !placement.startDate)
    throw new AppError('schooling.letter_not_ready', { params: { state: placement.status } });
  const child = await repo.findChild(ctx.db, placement.childId);
  if (!child) throw errors.notFound();
  const family = await repo.findFamily(ctx.db, child.familyId);
  const [school] = await listSchools(ctx.db, placement.schoolId);
  if (!family || !school) throw errors.notFound();
  if (lang) requireUiLanguage(ctx, lang, 'query.lang');
  const letterLang = lang ?? family.letterLanguage;
  await auditRead(ctx, 'schooling_child', child.id);
  const pdf = await buildPlacementLetter(
    letterInput(ctx, { lang: letterLang, family, child, school, startDate: placement.startDate }),
  );
  return { pdf, filename: `schulplatz-${placementId.slice(0, 8)}-${letterLang}.pdf` };
}

/** What the letter and the family's mail say: the city's contact, the family, the child, the school, the start. */
export function letterInput(
  ctx: Ctx,
  facts: {
    lang: string;
    family: { guardianName: string };
    child: { givenName: string; familyName: string };
    school: { name: string; street: string | null; postcode: string | null };
    startDate: string;
  },
): LetterInput {
  const { lang, family, child, school, startDate } = facts;
  const language = ctx.city.profile.languages.find((l) => l.code === lang);
  return {
    lang,
    direction: language?.direction ?? 'ltr',
    city: ctx.city.profile.name,
    organisation: ctx.city.profile.branding.organisation,
    contact: ctx.city.profile.contact,
    guardianName: family.guardianName,
    childName: `${child.givenName} ${child.familyName}`,
    schoolName: school.name,
    schoolStreet: school.street ?? '',
    schoolPostcode: school.postcode ?? '',
    startDate,
    date: cityDay(ctx),
  };
}
