/**
 * Codes people read aloud, write down and type back: follow codes, confirmation codes. Upper case from an
 * alphabet without look-alikes (no 0/O, 1/I/L, U/V), in groups of four (`K7QP-2MXD-9RTA`); typed back in any
 * case, with or without dashes and spaces. Pure (Web Crypto, no Node APIs): the web app uses it as it is.
 */

/** 30 characters: the digits 2–9 and the letters without I, L, O and U. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUP = 4;

/** A random code of `groups` groups of four (three groups: about 59 bits), dashes between the groups. */
export function newCode(groups: number): string {
  const length = groups * GROUP;
  const chars: string[] = [];
  // Rejection sampling keeps every character equally likely.
  const limit = 256 - (256 % CODE_ALPHABET.length);
  while (chars.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < limit && chars.length < length)
        chars.push(CODE_ALPHABET[byte % CODE_ALPHABET.length] as string);
    }
  }
  return formatCode(chars.join(''));
}

/** What was typed without dashes, spaces and dots (case kept). */
export function stripCode(input: string): string {
  return input.replace(/[\s.\-‐-―]/g, '');
}

/** What was typed, as the code is compared: without dashes, spaces and dots, in upper case. */
export function normaliseCode(input: string): string {
  return stripCode(input).toUpperCase();
}

/** A code in groups of four for reading aloud (also older codes, whatever their case). */
export function formatCode(code: string): string {
  const plain = code.replace(/-/g, '');
  return plain.match(new RegExp(`.{1,${GROUP}}`, 'g'))?.join('-') ?? plain;
}
