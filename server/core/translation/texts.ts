/**
 * Texts translated per field and language, German the source: what a reader is shown (with a fallback marker) and
 * how translations age when the German changes. Pure; the directory's offers and the information pages share it.
 */
/** A translatable value: language code → text. German ("de") is the source. */
export type Translated = Partial<Record<string, string>>;

export type TextStatus = 'source' | 'up_to_date' | 'outdated' | 'machine';

/** What a reader sees of one field: the text, its language, and whether it is a fallback or outdated. */
export type ShownText = { value: string; lang: string; status: TextStatus | 'missing' };

export type TextRow = { field: string; lang: string; value: string; status: string };

/** Picks a field's text in the wanted language, falling back to German marked as missing. */
export function showText(rows: TextRow[], field: string, lang: string, source = 'de'): ShownText | null {
  const wanted = rows.find((row) => row.field === field && row.lang === lang);
  if (wanted) return { value: wanted.value, lang, status: wanted.status as TextStatus };
  const german = rows.find((row) => row.field === field && row.lang === source);
  if (!german) return null;
  return { value: german.value, lang: source, status: lang === source ? 'source' : 'missing' };
}

/**
 * The rows of one field after an edit. German is the source; a translation that was not changed while the German
 * changed becomes outdated — unless the edit is minor. Translations the edit leaves out are kept, never dropped.
 */
export function nextTextRows(
  old: TextRow[],
  field: string,
  input: Translated | null,
  minor: boolean,
): { lang: string; value: string; status: TextStatus }[] {
  if (!input) return [];
  const previous = new Map(old.filter((row) => row.field === field).map((row) => [row.lang, row]));
  const german = input.de ?? previous.get('de')?.value;
  if (!german) return [];
  const germanChanged = !minor && previous.has('de') && previous.get('de')?.value !== german;
  const langs = new Set([...previous.keys(), ...Object.keys(input)]);
  langs.delete('de');
  const rows: { lang: string; value: string; status: TextStatus }[] = [
    { lang: 'de', value: german, status: 'source' },
  ];
  for (const lang of langs) {
    const given = input[lang];
    const before = previous.get(lang);
    if (given !== undefined && given !== before?.value) {
      rows.push({ lang, value: given, status: 'up_to_date' });
    } else if (before) {
      rows.push({
        lang,
        value: before.value,
        status: germanChanged ? 'outdated' : (before.status as TextStatus),
      });
    }
  }
  return rows;
}
