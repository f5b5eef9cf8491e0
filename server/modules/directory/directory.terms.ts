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
