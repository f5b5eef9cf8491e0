import {
  CATEGORIES,
  type Category,
  type EditableService,
  type ServiceBody,
  TARGET_GROUPS,
  type TargetGroup,
  type Translated,
  WEEKDAYS,
  type Weekday,
} from './editor.api';
import { TEXT_FIELDS, type TextField } from './labels';

/** Languages an offer's texts can be translated into (the UI languages but German), in the UI's order. */
export const TRANSLATION_LANGUAGES = ['en', 'tr', 'ar', 'bg', 'ro', 'uk', 'ru', 'pl', 'fa'] as const;
/** Shown open for translation from the start; the others are added on demand. */
export const DEFAULT_TRANSLATIONS = ['en', 'tr', 'ar'] as const;
const RTL = new Set(['ar', 'fa']);
export const directionOfText = (lang: string): 'rtl' | 'ltr' => (RTL.has(lang) ? 'rtl' : 'ltr');

/** Spoken languages offered as checkboxes (ISO 639-3); other codes go in a free field. */
export const COMMON_SPOKEN = [
  'deu',
  'eng',
  'tur',
  'ara',
  'bul',
  'ron',
  'ukr',
  'rus',
  'pol',
  'fas',
  'prs',
  'kmr',
  'rom',
  'tir',
  'fra',
  'srp',
] as const;

export interface ScheduleRow {
  key: number;
  days: Weekday[];
  opens: string;
  closes: string;
}

export interface EventRow {
  key: number;
  start: string;
  end: string;
  /** The event's title per language; only German is edited here, the others are kept as they were. */
  title: Translated;
}

/** Everything the form holds, as the inputs hold it (strings). */
export interface FormState {
  organisationId: string;
  categories: Category[];
  targetGroups: TargetGroup[];
  spoken: string[];
  otherSpoken: string;
  free: boolean;
  url: string;
  email: string;
  phone: string;
  hasCapacity: boolean;
  capacityFree: string;
  capacityWaiting: string;
  texts: Record<TextField, Translated>;
  locationName: string;
  address: string;
  postcode: string;
  ortsteilId: string;
  lat: string;
  lon: string;
  accessible: boolean;
  schedule: ScheduleRow[];
  events: EventRow[];
  minor: boolean;
}

let nextKey = 1;
/** A key for a new list row (React keeps the inputs of a row together while others are removed). */
export const rowKey = () => nextKey++;

export function emptyForm(organisationId: string): FormState {
  return {
    organisationId,
    categories: [],
    targetGroups: [],
    spoken: ['deu'],
    otherSpoken: '',
    free: true,
    url: '',
    email: '',
    phone: '',
    hasCapacity: false,
    capacityFree: '0',
    capacityWaiting: '0',
    texts: {
      name: {},
      description: {},
      eligibility: {},
      fees: {},
      requiredDocuments: {},
      accessibilityNote: {},
    },
    locationName: '',
    address: '',
    postcode: '',
    ortsteilId: '',
    lat: '',
    lon: '',
    accessible: false,
    schedule: [],
    events: [],
    minor: false,
  };
}

/** Fills the form from the latest version of an offer. */
export function formFromService(service: EditableService): FormState {
  const common = new Set<string>(COMMON_SPOKEN);
  return {
    organisationId: service.organisationId,
    categories: service.categories.filter((c) => (CATEGORIES as readonly string[]).includes(c)),
    targetGroups: service.targetGroups.filter((g): g is TargetGroup =>
      (TARGET_GROUPS as readonly string[]).includes(g),
    ),
    spoken: service.languages.filter((code) => common.has(code)),
    otherSpoken: service.languages.filter((code) => !common.has(code)).join(', '),
    free: service.free,
    url: service.url ?? '',
    email: service.email ?? '',
    phone: service.phone ?? '',
    hasCapacity: service.capacity !== null,
    capacityFree: String(service.capacity?.free ?? 0),
    capacityWaiting: String(service.capacity?.waitingList ?? 0),
    texts: {
      name: { ...service.texts.name },
      description: { ...service.texts.description },
      eligibility: { ...(service.texts.eligibility ?? {}) },
      fees: { ...(service.texts.fees ?? {}) },
      requiredDocuments: { ...(service.texts.requiredDocuments ?? {}) },
      accessibilityNote: { ...(service.location.accessibilityNote ?? {}) },
    },
    locationName: service.location.name,
    address: service.location.address,
    postcode: service.location.postcode,
    ortsteilId: service.location.ortsteilId,
    lat: String(service.location.lat),
    lon: String(service.location.lon),
    accessible: service.location.accessible,
    schedule: service.schedule.map((row) => ({
      key: rowKey(),
      days: WEEKDAYS.filter((day) => row.days.includes(day)),
      opens: row.opens,
      closes: row.closes,
    })),
    events: service.events.map((event) => ({
      key: rowKey(),
      start: event.start,
      end: event.end,
      title: { ...(event.title ?? {}) },
    })),
    minor: false,
  };
}

/** The languages with any text in the form (besides German). */
export function languagesWithText(form: Pick<FormState, 'texts'>): string[] {
  return TRANSLATION_LANGUAGES.filter((lang) =>
    TEXT_FIELDS.some((field) => (form.texts[field][lang] ?? '').trim() !== ''),
  );
}

/** Only the languages with text; null when there is none (optional texts). */
function cleanText(value: Translated): Translated | null {
  const entries = Object.entries(value)
    .map(([lang, text]) => [lang, (text ?? '').trim()] as const)
    .filter(([, text]) => text !== '');
  return entries.length ? Object.fromEntries(entries) : null;
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** A number as typed, or NaN (which the server then names as the wrong field). */
function toNumber(value: string): number {
  const normalised = value.trim().replace(',', '.');
  return normalised === '' ? Number.NaN : Number(normalised);
}

/** The request body from the form. */
export function bodyOf(form: FormState): ServiceBody {
  const other = form.otherSpoken
    .split(/[\s,;]+/)
    .map((code) => code.trim().toLowerCase())
    .filter(Boolean);
  return {
    organisationId: form.organisationId,
    categories: form.categories,
    targetGroups: form.targetGroups,
    languages: [...new Set([...form.spoken, ...other])],
    free: form.free,
    url: orNull(form.url),
    email: orNull(form.email),
    phone: orNull(form.phone),
    capacity: form.hasCapacity
      ? { free: toNumber(form.capacityFree), waitingList: toNumber(form.capacityWaiting) }
      : null,
    texts: {
      name: cleanText(form.texts.name) ?? {},
      description: cleanText(form.texts.description) ?? {},
      eligibility: cleanText(form.texts.eligibility),
      fees: cleanText(form.texts.fees),
      requiredDocuments: cleanText(form.texts.requiredDocuments),
    },
    location: {
      name: form.locationName.trim(),
      address: form.address.trim(),
      postcode: form.postcode.trim(),
      ortsteilId: form.ortsteilId,
      lat: toNumber(form.lat),
      lon: toNumber(form.lon),
      accessible: form.accessible,
      accessibilityNote: cleanText(form.texts.accessibilityNote),
    },
    schedule: form.schedule.map(({ days, opens, closes }) => ({ days, opens, closes })),
    events: form.events.map(({ start, end, title }) => ({ start, end, title: cleanText(title) })),
    minor: form.minor,
  };
}

/**
 * The id of the input an API field path points at: `body.location.postcode` → `svc-location-postcode`.
 * Inputs are named after their path, so an error lands at the right one; texts of the location's
 * accessibility note live with the other texts.
 */
export function inputIdOf(path: string): string {
  const parts = path.split('.');
  if (parts[0] === 'body') parts.shift();
  if (parts[0] === 'location' && parts[1] === 'accessibilityNote')
    parts.splice(0, 2, 'texts', 'accessibilityNote');
  return `svc-${parts.join('-')}`;
}

/** The API field path of an input id's path, without `body.` (`location.postcode`). */
export function pathOf(apiField: string | undefined): string | undefined {
  if (!apiField) return undefined;
  const parts = apiField.split('.');
  if (parts[0] === 'body') parts.shift();
  return parts.join('.');
}
