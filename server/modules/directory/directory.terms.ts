/**
 * The directory's fixed terms, shared by the server and the web app (this file imports nothing, so the web
 * bundle can take it as it is).
 */
export const CATEGORIES = [
  'language_learning',
  'counselling',
  'health',
  'education',
  'work',
  'housing',
  'leisure_meeting',
  'legal_residence',
  'family',
  'anti_discrimination',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const TARGET_GROUPS = [
  'children',
  'parents',
  'women',
  'newcomers',
  'eu_citizens',
  'refugees',
  'youth',
  'seniors',
] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const SERVICE_STATUSES = ['draft', 'review', 'published', 'archived'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];
/** Where a translated text stands against its German source. */
export const TEXT_STATUSES = ['source', 'up_to_date', 'outdated', 'machine'] as const;
/** Weekdays as opening hours store them (RFC 5545 style). */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * The i18n key of each category, written out in full: the server names categories in the HSDS taxonomy and the
 * search words, the web app in filters, offers and the edit form.
 */
export const CATEGORY_LABEL: Record<Category, string> = {
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
