import { describe, expect, it } from 'vitest';
import { nextTextRows, showText, type TextRow } from './texts.ts';

const rows: TextRow[] = [
  { field: 'name', lang: 'de', value: 'Deutschkurs', status: 'source' },
  { field: 'name', lang: 'en', value: 'German course', status: 'up_to_date' },
  { field: 'name', lang: 'ar', value: 'دورة ألمانية', status: 'up_to_date' },
];

describe('translations after a German edit', () => {
  it('outdates the translations when the German text changes', () => {
    const next = nextTextRows(rows, 'name', { de: 'Deutschkurs am Abend', en: 'German course' }, false);
    expect(next).toEqual([
      { lang: 'de', value: 'Deutschkurs am Abend', status: 'source' },
      { lang: 'en', value: 'German course', status: 'outdated' },
      { lang: 'ar', value: 'دورة ألمانية', status: 'outdated' },
    ]);
  });

  it('keeps them up to date when the edit is marked minor', () => {
    const next = nextTextRows(rows, 'name', { de: 'Deutsch-Kurs' }, true);
    expect(next.map((r) => r.status)).toEqual(['source', 'up_to_date', 'up_to_date']);
  });

  it('marks a translation given with the edit as up to date', () => {
    const next = nextTextRows(
      rows,
      'name',
      { de: 'Deutschkurs am Abend', en: 'Evening German course' },
      false,
    );
    expect(next.find((r) => r.lang === 'en')).toEqual({
      lang: 'en',
      value: 'Evening German course',
      status: 'up_to_date',
    });
    expect(next.find((r) => r.lang === 'ar')?.status).toBe('outdated');
  });

  it('shows German marked as missing where a language has no text', () => {
    expect(showText(rows, 'name', 'tr')).toEqual({ value: 'Deutschkurs', lang: 'de', status: 'missing' });
    expect(showText(rows, 'name', 'ar')).toEqual({ value: 'دورة ألمانية', lang: 'ar', status: 'up_to_date' });
  });
});
