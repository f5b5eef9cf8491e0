import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as german from '@zxcvbn-ts/language-de';
import { AppError } from '../../core/errors.ts';

/**
 * What is wrong with a new password, beyond the schema's length rule (10–200 characters):
 * - personal: it contains the account's e-mail name (the part before @, or a word of it) or a word of its name;
 * - pattern: it is made only of repeats, sequences or keyboard rows ("aaaaaaaaaa", "abcabcabcabc", "qwertzuiop");
 * - common: zxcvbn (its list of about 49,000 common passwords, German words and names, dates, l33t swaps) guesses
 *   it in under 10⁸ tries, e.g. "1234567890", "password123", "P@ssw0rd123", "passwort123".
 */
export type PasswordProblem = 'personal' | 'pattern' | 'common';

let configured = false;
function configure() {
  if (configured) return;
  zxcvbnOptions.setOptions({
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...german.dictionary },
  });
  configured = true;
}

// zxcvbn's score 2 means "somewhat guessable: at least 10⁸ guesses"; below it a password falls to an online attack
// that gets past the login's rate limit over weeks, or to an offline one at once.
const MIN_SCORE = 2;
// Name and e-mail words shorter than this ("li", "max") appear in too many good passwords to forbid.
const MIN_WORD = 4;

/** The words of the account a password must not contain: the whole e-mail name, its parts, the name's words. */
function personalWords(person: { email: string; displayName?: string | null }): string[] {
  const local = person.email.split('@')[0]?.toLowerCase() ?? '';
  const words = [
    ...local.split(/[^\p{L}\p{N}]+/u),
    ...(person.displayName ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u),
  ].filter((word) => word.length >= MIN_WORD);
  return [...(local.length >= 3 ? [local] : []), ...words];
}

/** The problem of a new password for this account, or null when it may be used. */
export function passwordProblem(
  password: string,
  person: { email: string; displayName?: string | null },
): PasswordProblem | null {
  const lower = password.toLowerCase();
  if (personalWords(person).some((word) => lower.includes(word))) return 'personal';
  configure();
  const result = zxcvbn(password);
  if (result.score >= MIN_SCORE) return null;
  const patterns = ['repeat', 'sequence', 'spatial'];
  return result.sequence.every((match) => patterns.includes(match.pattern)) ? 'pattern' : 'common';
}

const ERROR_CODE = {
  personal: 'auth.password_personal',
  pattern: 'auth.password_pattern',
  common: 'auth.password_common',
} as const;

/** Refuses a new password with a 400 naming the field, in the caller's language. */
export function checkNewPassword(
  password: string,
  person: { email: string; displayName?: string | null },
  field = 'body.newPassword',
): void {
  const problem = passwordProblem(password, person);
  if (problem) throw new AppError(ERROR_CODE[problem], { field });
}
