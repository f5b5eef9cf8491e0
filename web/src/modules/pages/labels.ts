import type { PageStatus } from './pages.api';

export const STATUS_LABEL: Record<PageStatus, string> = {
  draft: 'pages:status.draft',
  review: 'pages:status.review',
  published: 'pages:status.published',
};
