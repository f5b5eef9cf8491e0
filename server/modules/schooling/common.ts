import type { Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { daysBetween, localDate } from '../../core/time.ts';

/** Consent purposes the module records and checks (platform consents, subject type below). */
export const CONSENT_SUBJECT = 'child';
export const CONSENT_COUNSELLING = 'schooling.counselling';
export const CONSENT_SHARE = 'schooling.share_with_school';

/** Today (or the day of `at`) in the city's time zone, as YYYY-MM-DD. */
export function cityDay(ctx: Ctx, at: Date = ctx.now): string {
  return localDate(at, ctx.city.profile.timezone);
}

/** Full weeks a child has waited: from registration to the first school day, or to today. */
export function weeksWaiting(
  ctx: Ctx,
  child: { registeredOn: string; firstSchoolDay: string | null },
): number {
  return Math.max(0, Math.floor(daysBetween(child.registeredOn, child.firstSchoolDay ?? cityDay(ctx)) / 7));
}

/** Age in full years on a day. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * Where an address lies: the Ortsteil (given, or the only one whose postcodes hold the postcode: a postcode that
 * spans Ortsteile is not guessed), its district, and coordinates (given, or the Ortsteil's centre).
 */
export function placeOf(
  ctx: Ctx,
  address: {
    postcode: string;
    ortsteilId?: string | undefined;
    lat?: number | undefined;
    lon?: number | undefined;
  },
  field: string,
) {
  const places = ctx.city.districts.flatMap((district) =>
    district.ortsteile
      .filter((ortsteil) =>
        address.ortsteilId
          ? ortsteil.id === address.ortsteilId
          : ortsteil.postcodes.includes(address.postcode),
      )
      .map((ortsteil) => ({ district, ortsteil })),
  );
  const [place] = places;
  if (!place)
    throw new AppError('schooling.address_unknown', {
      field: address.ortsteilId ? `${field}.ortsteilId` : `${field}.postcode`,
    });
  if (places.length > 1) throw new AppError('schooling.ortsteil_required', { field: `${field}.ortsteilId` });
  const given = address.lat !== undefined && address.lon !== undefined;
  return {
    districtId: place.district.id,
    ortsteilId: place.ortsteil.id,
    lat: given ? (address.lat as number) : place.ortsteil.centre.lat,
    lon: given ? (address.lon as number) : place.ortsteil.centre.lon,
  };
}

/** Whether a language code is one of the city's UI languages. */
export function requireUiLanguage(ctx: Ctx, code: string, field: string): void {
  if (!ctx.city.profile.languages.some((l) => l.code === code))
    throw new AppError('validation.invalid_value', { field });
}
