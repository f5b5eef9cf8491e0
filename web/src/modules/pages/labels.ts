import type { LinkProblem, NewsTopic, PageField, PageStatus, TranslationState } from './pages.api';

export const STATUS_LABEL: Record<PageStatus, string> = {
  draft: 'pages:status.draft',
  review: 'pages:status.review',
  published: 'pages:status.published',
};

export const FIELD_LABEL: Record<PageField, string> = {
  title: 'pages:editor.pageTitle',
  summary: 'pages:editor.summary',
  body: 'pages:editor.body',
  steps: 'pages:editor.steps',
};

export const STATE_LABEL: Record<TranslationState, string> = {
  source: 'pages:work.states.source',
  up_to_date: 'pages:work.states.up_to_date',
  outdated: 'pages:work.states.outdated',
  machine: 'pages:work.states.machine',
  missing: 'pages:work.states.missing',
};

/** What a revision did (pages' editing.service.ts and translations.service.ts name the events). */
export const EVENT_LABEL = {
  saved: 'pages:work.events.saved',
  submitted: 'pages:work.events.submitted',
  published: 'pages:work.events.published',
  rolled_back: 'pages:work.events.rolled_back',
  translated: 'pages:work.events.translated',
  machine_translated: 'pages:work.events.machine_translated',
} as const;

export const TOPIC_LABEL: Record<NewsTopic, string> = {
  authorities: 'pages:news.topics.authorities',
  health: 'pages:news.topics.health',
  school: 'pages:news.topics.school',
  work: 'pages:news.topics.work',
  housing: 'pages:news.topics.housing',
  family: 'pages:news.topics.family',
  courses: 'pages:news.topics.courses',
  events: 'pages:news.topics.events',
};

export const PROBLEM_LABEL: Record<LinkProblem, string> = {
  dead_link: 'pages:checks.problems.dead_link',
  refused_link: 'pages:checks.problems.refused_link',
  unpublished_offer: 'pages:checks.problems.unpublished_offer',
};
