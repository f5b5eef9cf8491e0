import type { FormState } from '../form';
import type { TextField } from '../labels';

/** What each part of the offer form gets: its slice of the form, a change to merge, the error at a server path. */
export interface PartProps<K extends keyof FormState> {
  value: Pick<FormState, K>;
  onChange: (change: Partial<Pick<FormState, K>>) => void;
  errorAt: (path: string) => string | undefined;
}

/** The server path of a text field in a language (the accessibility note belongs to the location). */
export const textPath = (field: TextField, lang: string) =>
  field === 'accessibilityNote' ? `location.accessibilityNote.${lang}` : `texts.${field}.${lang}`;

/** Texts written in several lines; the name is one line. */
export const MULTILINE: ReadonlySet<TextField> = new Set([
  'description',
  'eligibility',
  'fees',
  'requiredDocuments',
]);

/** The texts with one field in one language replaced. */
export const withText = (
  texts: FormState['texts'],
  field: TextField,
  lang: string,
  value: string,
): FormState['texts'] => ({ ...texts, [field]: { ...texts[field], [lang]: value } });
