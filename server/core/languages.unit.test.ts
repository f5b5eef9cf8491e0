/** Language codes: the public forms' ISO 639-1 codes become the guides module's ISO 639-3 ones. */
import { describe, expect, it } from 'vitest';
import { toIso6393 } from './languages.ts';

describe('a language chosen on a form, as the guides module knows it', () => {
  it('maps the ten UI languages to ISO 639-3 (Romanian ro → ron, Bulgarian bg → bul), keeps three-letter codes and lower-cases', () => {
    expect(
      ['de', 'en', 'tr', 'ar', 'ro', 'bg', 'uk', 'ru', 'fa', 'pl'].map((code) => toIso6393(code)),
    ).toEqual(['deu', 'eng', 'tur', 'ara', 'ron', 'bul', 'ukr', 'rus', 'fas', 'pol']);
    expect(toIso6393('rom')).toBe('rom');
    expect(toIso6393('kmr')).toBe('kmr');
    expect(toIso6393('RO')).toBe('ron');
  });
});
