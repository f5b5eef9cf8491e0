// The public side: the calendar of public activities, its iCalendar feeds, the meeting centre's rooms.
import ical from 'ical-generator';
import type { Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { authorize } from '../../core/policy.ts';
import { addDays, daysBetween, wallClock, zonedToUtc } from '../../core/time.ts';
import { type TargetGroup, vtimezone, zoned } from '../directory/index.ts';
import { organisationNames } from '../platform/index.ts';
import { actorNames, horizon } from './common.ts';
import * as repo from './network.repository.ts';
import { type Equipment, MAX_CALENDAR_DAYS } from './network.terms.ts';
import { expandDays, inHolidays } from './recurrence.ts';
import { networkSettings } from './settings.ts';

const MAX_ITEMS = 1000;

/** The public calendar: occurrences of public activities of approved actors between two days, filtered. */
export async function calendar(
  ctx: Ctx,
  input: {
    from: string;
    to: string;
    districtId?: string | undefined;
    ortsteilId?: string | undefined;
    targetGroup?: TargetGroup | undefined;
    language?: string | undefined;
  },
) {
  authorize(ctx, 'network.calendar');
  if (input.to < input.from) throw new AppError('network.date_order', { field: 'query.to' });
  if (daysBetween(input.from, input.to) > MAX_CALENDAR_DAYS)
    throw new AppError('network.period_too_long', {
      field: 'query.to',
      params: { max: MAX_CALENDAR_DAYS },
    });
  const timeZone = ctx.city.profile.timezone;
  const district = input.districtId ? ctx.city.districts.find((d) => d.id === input.districtId) : null;
  if (input.districtId && !district)
    throw new AppError('network.district_unknown', { field: 'query.districtId' });
  const ortsteile = input.ortsteilId
    ? [input.ortsteilId]
    : district
      ? district.ortsteile.map((o) => o.id)
      : null;
  const found = await repo.listPublicOccurrences(ctx.db, {
    from: zonedToUtc(input.from, '00:00', timeZone),
    to: zonedToUtc(addDays(input.to, 1), '00:00', timeZone),
    ortsteile,
    targetGroup: input.targetGroup ?? null,
    limit: MAX_ITEMS,
  });
  const activities = new Map(
    (await repo.activitiesByIds(ctx.db, [...new Set(found.map((f) => f.activityId))])).map((a) => [a.id, a]),
  );
  const names = await actorNames(
    ctx,
    found.map((f) => f.actorId),
  );
  const rooms = new Map(networkSettings(ctx).centre.rooms.map((r) => [r.id, r.name]));
  const items = found.flatMap((f) => {
    const activity = activities.get(f.activityId);
    if (!activity || (input.language && !activity.languages.includes(input.language))) return [];
    return [
      {
        activityId: activity.id,
        title: activity.title,
        description: activity.description,
        actorName: names.get(f.actorId) ?? '',
        start: f.start.toISOString(),
        end: f.end.toISOString(),
        ortsteilId: activity.ortsteilId,
        districtId: activity.districtId,
        place: activity.place,
        roomName: activity.roomId ? (rooms.get(activity.roomId) ?? null) : null,
        targetGroups: activity.targetGroups as TargetGroup[],
        languages: activity.languages,
        recurring: !!activity.rrule,
      },
    ];
  });
  return { items };
}

/**
 * An iCalendar (RFC 5545) of the public activities of approved actors: one VEVENT per activity with its RRULE kept,
 * exception days and (when it skips them) the school-holiday days within the horizon as EXDATE, times in the city's
 * zone with its VTIMEZONE. Filtered per actor, Ortsteil or target group; the whole city without a filter.
 */
export async function calendarFeed(
  ctx: Ctx,
  input: { actorId?: string | undefined; ortsteilId?: string | undefined; targetGroup?: string | undefined },
): Promise<string> {
  authorize(ctx, 'network.calendar');
  const timeZone = ctx.city.profile.timezone;
  const settings = networkSettings(ctx);
  const { last } = horizon(ctx);
  const found = await repo.listPublicActivities(ctx.db, input);
  const names = await organisationNames(
    ctx.db,
    found.map((f) => f.organisationId),
  );
  const rooms = new Map(settings.centre.rooms.map((r) => [r.id, r.name]));
  const years = [ctx.now, ...found.map((f) => new Date(`${f.activity.startDate}T12:00:00Z`))].map(
    (d) => wallClock(d, timeZone).year,
  );
  const host = new URL(ctx.config.publicUrl).host;
  const feed = ical({
    name: `${ctx.city.profile.name}: ${ctx.city.profile.branding.title}`,
    prodId: { company: 'Lotse', product: 'network', language: ctx.locale.toUpperCase() },
    timezone: {
      name: null,
      generator: (zone) =>
        vtimezone(zone, Math.min(...years), Math.max(...years, wallClock(ctx.now, timeZone).year) + 1),
    },
    x: [['X-WR-TIMEZONE', timeZone]],
  });
  for (const { activity, organisationId } of found) {
    const at = (time: string) => {
      const [year, month, day] = activity.startDate.split('-').map(Number) as [number, number, number];
      const [hour, minute] = time.split(':').map(Number) as [number, number];
      return zoned({ year, month, day, hour, minute, second: 0 }, timeZone);
    };
    let repeating: string | null = null;
    if (activity.rrule) {
      const skipped = activity.skipSchoolHolidays
        ? expandDays(
            {
              date: activity.startDate,
              from: activity.startTime,
              to: activity.endTime,
              rrule: activity.rrule,
              exceptions: [],
              skipSchoolHolidays: false,
            },
            { fromDate: activity.startDate, toDate: last, holidays: [] },
            5000,
          ).days.filter((day) => inHolidays(day, settings.schoolHolidays))
        : [];
      const exdates = [...new Set([...activity.exceptions, ...skipped])].sort();
      const time = `T${activity.startTime.replace(':', '')}00`;
      repeating = [
        `RRULE:${activity.rrule}`,
        ...(exdates.length
          ? [`EXDATE;TZID=${timeZone}:${exdates.map((d) => `${d.replaceAll('-', '')}${time}`).join(',')}`]
          : []),
      ].join('\n');
    }
    const place = [
      activity.roomId ? rooms.get(activity.roomId) : null,
      activity.place,
      activity.roomId ? settings.centre.address : null,
    ]
      .filter(Boolean)
      .join(', ');
    feed.createEvent({
      id: `network-${activity.id}@${host}`,
      timezone: timeZone,
      start: at(activity.startTime),
      end: at(activity.endTime),
      stamp: activity.updatedAt,
      lastModified: activity.updatedAt,
      summary: activity.title,
      description: [names.get(organisationId), activity.description].filter(Boolean).join('\n\n') || null,
      location: place || null,
      repeating,
      categories: activity.targetGroups.map((name) => ({ name })),
    });
  }
  return feed.toString();
}

/** The meeting centre and its rooms (public: the house's page shows them). */
export async function rooms(ctx: Ctx) {
  authorize(ctx, 'network.calendar');
  const { centre } = networkSettings(ctx);
  const rows = await repo.listRooms(ctx.db, centre.id);
  return {
    centre: {
      id: centre.id,
      name: centre.name,
      organisationId: centre.organisationId,
      address: centre.address,
      ortsteilId: centre.ortsteilId,
    },
    rooms: rows.map((r) => ({
      id: r.id,
      name: r.name,
      capacity: r.capacity,
      equipment: r.equipment as Equipment[],
    })),
  };
}
