import { useLanguageNames } from '../../app/languages';
import { SERVICE_STATUSES, type ServiceStatus, type TargetGroup } from './editor.api';

// The category labels are the public directory's and the server's: one map for all.
export { CATEGORY_LABEL } from '../../../../server/modules/directory/directory.terms.ts';

export const TARGET_GROUP_LABEL: Record<TargetGroup, string> = {
  children: 'directory-editor:targetGroups.children',
  parents: 'directory-editor:targetGroups.parents',
  women: 'directory-editor:targetGroups.women',
  newcomers: 'directory-editor:targetGroups.newcomers',
  eu_citizens: 'directory-editor:targetGroups.eu_citizens',
  refugees: 'directory-editor:targetGroups.refugees',
  youth: 'directory-editor:targetGroups.youth',
  seniors: 'directory-editor:targetGroups.seniors',
};

export const STATUS_LABEL: Record<ServiceStatus, string> = {
  draft: 'directory-editor:status.draft',
  review: 'directory-editor:status.review',
  published: 'directory-editor:status.published',
  archived: 'directory-editor:status.archived',
};

/** Whether a status from the API is one the labels know (the list's reply types it as a string). */
export function isServiceStatus(value: string): value is ServiceStatus {
  return (SERVICE_STATUSES as readonly string[]).includes(value);
}

export const STATUS_BADGE = {
  draft: 'info',
  review: 'warning',
  published: 'success',
  archived: 'info',
} as const satisfies Record<ServiceStatus, string>;

/** What became of a change in the history. */
export const REVISION_LABEL: Record<string, string> = {
  draft: 'directory-editor:history.statuses.draft',
  review: 'directory-editor:history.statuses.review',
  published: 'directory-editor:history.statuses.published',
  rejected: 'directory-editor:history.statuses.rejected',
};

/** The state of one translated text. */
export const TEXT_STATUS_LABEL: Record<string, string> = {
  missing: 'directory-editor:translations.missing',
  outdated: 'directory-editor:translations.outdated',
  machine: 'directory-editor:translations.machine',
  up_to_date: 'directory-editor:translations.upToDate',
};

/** The translatable text fields of an offer. */
export const TEXT_FIELDS = [
  'name',
  'description',
  'eligibility',
  'fees',
  'requiredDocuments',
  'accessibilityNote',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export const TEXT_FIELD_LABEL: Record<TextField, string> = {
  name: 'directory-editor:fields.name',
  description: 'directory-editor:fields.description',
  eligibility: 'directory-editor:fields.eligibility',
  fees: 'directory-editor:fields.fees',
  requiredDocuments: 'directory-editor:fields.requiredDocuments',
  accessibilityNote: 'directory-editor:fields.accessibilityNote',
};

/** The label of a pending text's field (the server names them like the offer's text fields). */
export function textFieldKey(field: string): string | undefined {
  return (TEXT_FIELD_LABEL as Record<string, string>)[field];
}

/** Names of languages in the UI language (the app's one helper, app/languages.ts). */
export function useNames() {
  const { nameOf } = useLanguageNames();
  return { languageName: nameOf };
}
