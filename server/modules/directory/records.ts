import type { Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { translate } from '../../core/i18n.ts';
import * as repo from './directory.repository.ts';
import { SERVICE_TEXT_FIELDS, type ServiceInput } from './directory.model.ts';
import type { Category } from './directory.tables.ts';
import { searchTextOf, type Translated } from './texts.ts';

const CATEGORY_LABEL: Record<Category, string> = {
  language_learning: 'directory:categories.language_learning',
  counselling: 'directory:categories.counselling',
  health: 'directory:categories.health',
  education: 'directory:categories.education',
  work: 'directory:categories.work',
  housing: 'directory:categories.housing',
  leisure_meeting: 'directory:categories.leisure_meeting',
  legal_residence: 'directory:categories.legal_residence',
  family: 'directory:categories.family',
  anti_discrimination: 'directory:categories.anti_discrimination',
};

function offsetMs(date: Date, timeZone: string): number {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(date)
      .map((part) => [part.type, Number(part.value)]),
  );
  return Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day, p.hour, p.minute, p.second) - date.getTime();
}

/** The UTC instant of a local wall-clock time ("2027-01-12T17:30") in a time zone, daylight saving included. */
export function zonedToUtc(local: string, timeZone: string): Date {
  const wall = new Date(`${local}Z`);
  const first = new Date(wall.getTime() - offsetMs(wall, timeZone));
  return new Date(wall.getTime() - offsetMs(first, timeZone));
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

/** Writes a whole offer (service, texts, place, opening hours, dates, first revision). Call inside a transaction. */
export async function insertServiceRecord(
  ctx: Ctx,
  input: ServiceInput,
  organisationName: string,
): Promise<string> {
  const district = ctx.city.districts.find((d) =>
    d.ortsteile.some((o) => o.id === input.location.ortsteilId),
  );
  const ortsteil = district?.ortsteile.find((o) => o.id === input.location.ortsteilId);
  if (!district || !ortsteil)
    throw new AppError('validation.invalid_value', { field: 'body.location.ortsteilId' });
  const languages = ctx.city.profile.languages.map((l) => l.code);
  const searchText = searchTextOf([
    ...SERVICE_TEXT_FIELDS.flatMap((field) =>
      Object.values(input.texts[field] ?? {}).filter((v): v is string => !!v),
    ),
    organisationName,
    input.location.name,
    input.location.address,
    ortsteil.name,
    district.name,
    ...input.categories.flatMap((category) =>
      languages.map((lang) => translate(lang, CATEGORY_LABEL[category])),
    ),
  ]);
  const id = await repo.insertService(ctx.db, {
    slug: input.slug,
    organisationId: input.organisationId,
    status: input.status,
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
    searchText,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  await repo.insertTexts(
    ctx.db,
    SERVICE_TEXT_FIELDS.flatMap((field) =>
      textRows('service', id, field, input.texts[field], input.outdated, ctx.now),
    ),
  );
  const locationId = await repo.insertLocation(ctx.db, {
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
  });
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
  const tz = ctx.city.profile.timezone;
  await repo.insertSchedules(
    ctx.db,
    input.schedule.map((s) => ({
      serviceId: id,
      kind: 'weekly',
      byDay: s.days,
      opensAt: s.opens,
      closesAt: s.closes,
    })),
  );
  for (const event of input.events) {
    const [eventId] = await repo.insertSchedules(ctx.db, [
      {
        serviceId: id,
        kind: 'event',
        startsAt: zonedToUtc(event.start, tz),
        endsAt: zonedToUtc(event.end, tz),
      },
    ]);
    if (eventId)
      await repo.insertTexts(
        ctx.db,
        textRows('schedule', eventId, 'title', event.title, input.outdated, ctx.now),
      );
  }
  await repo.insertRevision(ctx.db, {
    serviceId: id,
    status: input.status === 'published' ? 'published' : 'draft',
    snapshot: input,
    changedBy: ctx.actor.id,
    changedAt: ctx.now,
  });
  return id;
}
