import type { Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { translate } from '../../core/i18n.ts';
import { zonedToUtc as wallClockToUtc } from '../../core/time.ts';
import { findOrganisationById } from '../platform/index.ts';
import { addSearchWords } from './word-expansions.ts';
import * as repo from './directory.repository.ts';
import { SERVICE_TEXT_FIELDS, type ServiceInput } from './directory.model.ts';
import { CATEGORY_LABEL } from './directory.terms.ts';
import { nextTextRows, searchWordsOf, type Translated } from './texts.ts';

/** The UTC instant of a local wall-clock time ("2027-01-12T17:30") in a time zone, daylight saving included. */
export function zonedToUtc(local: string, timeZone: string): Date {
  const [date = '', time = ''] = local.split('T');
  return wallClockToUtc(date, time.slice(0, 5), timeZone);
}

function textRows(
  entityType: string,
  entityId: string,
  field: string,
  value: Translated | null,
  outdated: string[],
  now: Date,
): repo.TextInsert[] {
  if (!value) return [];
  return Object.entries(value).flatMap(([lang, text]) =>
    text
      ? [
          {
            entityType,
            entityId,
            field,
            lang,
            value: text,
            status: lang === 'de' ? 'source' : outdated.includes(lang) ? 'outdated' : 'up_to_date',
            updatedAt: now,
          },
        ]
      : [],
  );
}

function placeOf(ctx: Ctx, ortsteilId: string) {
  const district = ctx.city.districts.find((d) => d.ortsteile.some((o) => o.id === ortsteilId));
  const ortsteil = district?.ortsteile.find((o) => o.id === ortsteilId);
  if (!district || !ortsteil)
    throw new AppError('validation.invalid_value', { field: 'body.location.ortsteilId' });
  return { district, ortsteil };
}

type SearchPlace = { name: string; address: string; ortsteilId: string };

/** Every language's words of an offer, its organisation, place and category labels (in all UI languages). */
function buildSearchWords(
  ctx: Ctx,
  categories: readonly string[],
  place: SearchPlace,
  textValues: string[],
  organisationName: string,
): string[] {
  const { district, ortsteil } = placeOf(ctx, place.ortsteilId);
  const languages = ctx.city.profile.languages.map((l) => l.code);
  return searchWordsOf([
    ...textValues,
    organisationName,
    place.name,
    place.address,
    ortsteil.name,
    district.name,
    ...categories.flatMap((category) =>
      languages.map((lang) => translate(lang, CATEGORY_LABEL[category as keyof typeof CATEGORY_LABEL])),
    ),
  ]);
}

/**
 * Rebuilds an offer's search words from what it says now, in every language (after translations were
 * imported or machine-made: words of replaced translations must not find it any more). Call inside a transaction.
 */
export async function refreshSearchWords(ctx: Ctx, serviceId: string): Promise<void> {
  const found = await repo.findServiceBySlugOrId(ctx.db, serviceId);
  const [place] = await repo.locationsOfServices(ctx.db, [serviceId]);
  if (!found || !place) return;
  const texts = await repo.textsOf(ctx.db, 'service', [serviceId]);
  const searchWords = buildSearchWords(
    ctx,
    found.service.categories,
    place.location,
    texts.map((t) => t.value),
    (await findOrganisationById(ctx.db, found.service.organisationId))?.name ?? '',
  );
  await addSearchWords(ctx, searchWords);
  await repo.updateServiceRow(ctx.db, serviceId, { searchWords });
}

/** The ids of an offer's Stadtbezirk and Ortsteil (services.places). */
function placesOf(ctx: Ctx, input: ServiceInput): string[] {
  const { district, ortsteil } = placeOf(ctx, input.location.ortsteilId);
  return [district.id, ortsteil.id];
}

function serviceColumns(ctx: Ctx, input: ServiceInput) {
  return {
    places: placesOf(ctx, input),
    organisationId: input.organisationId,
    categories: input.categories,
    targetGroups: input.targetGroups,
    languages: input.languages,
    free: input.free,
    url: input.url,
    email: input.email,
    phone: input.phone,
    capacityFree: input.capacity?.free ?? null,
    waitingList: input.capacity?.waitingList ?? null,
    lastCheckedAt: input.lastCheckedAt,
  };
}

function locationColumns(ctx: Ctx, input: ServiceInput) {
  const { district, ortsteil } = placeOf(ctx, input.location.ortsteilId);
  return {
    organisationId: input.organisationId,
    name: input.location.name,
    address: input.location.address,
    postcode: input.location.postcode,
    city: ctx.city.profile.name,
    districtId: district.id,
    ortsteilId: ortsteil.id,
    lat: input.location.lat,
    lon: input.location.lon,
    accessible: input.location.accessible,
  };
}

async function insertSchedulesOf(ctx: Ctx, serviceId: string, input: ServiceInput): Promise<void> {
  const tz = ctx.city.profile.timezone;
  await repo.insertSchedules(
    ctx.db,
    input.schedule.map((s) => ({
      serviceId,
      kind: 'weekly',
      byDay: s.days,
      opensAt: s.opens,
      closesAt: s.closes,
    })),
  );
  for (const event of input.events) {
    const [eventId] = await repo.insertSchedules(ctx.db, [
      { serviceId, kind: 'event', startsAt: zonedToUtc(event.start, tz), endsAt: zonedToUtc(event.end, tz) },
    ]);
    if (eventId)
      await repo.insertTexts(
        ctx.db,
        textRows('schedule', eventId, 'title', event.title, input.outdated, ctx.now),
      );
  }
}

const allValues = (input: ServiceInput) =>
  SERVICE_TEXT_FIELDS.flatMap((field) =>
    Object.values(input.texts[field] ?? {}).filter((v): v is string => !!v),
  );

/** Writes a whole offer (service, texts, place, opening hours, dates). Call inside a transaction. */
export async function insertServiceRecord(
  ctx: Ctx,
  input: ServiceInput,
  organisationName: string,
): Promise<string> {
  const searchWords = buildSearchWords(
    ctx,
    input.categories,
    input.location,
    allValues(input),
    organisationName,
  );
  await addSearchWords(ctx, searchWords);
  const id = await repo.insertService(ctx.db, {
    ...serviceColumns(ctx, input),
    slug: input.slug,
    status: input.status,
    searchWords,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  await repo.insertTexts(
    ctx.db,
    SERVICE_TEXT_FIELDS.flatMap((field) =>
      textRows('service', id, field, input.texts[field], input.outdated, ctx.now),
    ),
  );
  const locationId = await repo.insertLocation(ctx.db, locationColumns(ctx, input));
  await repo.insertTexts(
    ctx.db,
    textRows(
      'location',
      locationId,
      'accessibilityNote',
      input.location.accessibilityNote,
      input.outdated,
      ctx.now,
    ),
  );
  await repo.insertServiceLocation(ctx.db, id, locationId);
  await insertSchedulesOf(ctx, id, input);
  return id;
}

/**
 * Replaces what an offer says with an edit: German changes outdate the translations unless the edit is minor;
 * translations the edit leaves out are kept. Call inside a transaction.
 */
export async function replaceServiceRecord(
  ctx: Ctx,
  id: string,
  input: ServiceInput,
  organisationName: string,
  minor: boolean,
) {
  const oldTexts = await repo.textsOf(ctx.db, 'service', [id]);
  const newTexts = SERVICE_TEXT_FIELDS.flatMap((field) =>
    nextTextRows(oldTexts, field, input.texts[field], minor).map((row) => ({ ...row, field })),
  );
  const searchWords = buildSearchWords(
    ctx,
    input.categories,
    input.location,
    newTexts.map((row) => row.value),
    organisationName,
  );
  await addSearchWords(ctx, searchWords);
  await repo.updateServiceRow(ctx.db, id, {
    ...serviceColumns(ctx, input),
    searchWords,
    updatedAt: ctx.now,
  });
  await repo.deleteTextsOf(ctx.db, 'service', [id]);
  await repo.insertTexts(
    ctx.db,
    newTexts.map((row) => ({ ...row, entityType: 'service', entityId: id, updatedAt: ctx.now })),
  );
  const [place] = await repo.locationsOfServices(ctx.db, [id]);
  if (place) {
    const locationId = place.location.id;
    await repo.updateLocation(ctx.db, locationId, locationColumns(ctx, input));
    const oldNotes = await repo.textsOf(ctx.db, 'location', [locationId]);
    const notes = nextTextRows(oldNotes, 'accessibilityNote', input.location.accessibilityNote, minor);
    await repo.deleteTextsOf(ctx.db, 'location', [locationId]);
    await repo.insertTexts(
      ctx.db,
      notes.map((row) => ({
        ...row,
        field: 'accessibilityNote',
        entityType: 'location',
        entityId: locationId,
        updatedAt: ctx.now,
      })),
    );
  }
  const removed = await repo.deleteSchedulesOf(ctx.db, id);
  await repo.deleteTextsOf(ctx.db, 'schedule', removed);
  await insertSchedulesOf(ctx, id, input);
}
