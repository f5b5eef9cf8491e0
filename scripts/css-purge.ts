// Drops the rules of a CSS library (KERN UX) whose selectors name classes the app never uses: KERN ships every
// component, grid and utility in one file, and the phone downloads all of it before the first page shows.

/** Splits at top-level commas (not inside parentheses, brackets or strings). */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quote) {
      if (char === '\\') index += 1;
      else if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(' || char === '[') depth += 1;
    else if (char === ')' || char === ']') depth -= 1;
    else if (char === separator && depth === 0) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** The index of the brace that closes the block opened at `open`, skipping strings. */
function closingBrace(css: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let index = open; index < css.length; index += 1) {
    const char = css[index];
    if (quote) {
      if (char === '\\') index += 1;
      else if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '{') depth += 1;
    else if (char === '}') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return css.length - 1;
}

/**
 * The CSS without selectors that name a `prefix` class for which `isUsed` is false; a rule whose selectors are
 * all dropped goes, and so does an at-rule block (@media, @supports, @layer) left empty. Other at-rules
 * (@font-face, @keyframes, @charset, @import) and rules without such classes stay as they are.
 */
export function purgeCss(css: string, prefix: string, isUsed: (className: string) => boolean): string {
  const classPattern = new RegExp(`\\.(${prefix}[A-Za-z0-9_-]*)`, 'g');
  const keepSelector = (selector: string) =>
    [...selector.matchAll(classPattern)].every((match) => isUsed(match[1] ?? ''));
  let out = '';
  let index = 0;
  while (index < css.length) {
    const open = css.indexOf('{', index);
    const semicolon = css.indexOf(';', index);
    if (open === -1) {
      out += css.slice(index);
      break;
    }
    if (semicolon !== -1 && semicolon < open && css.slice(index, semicolon).trimStart().startsWith('@')) {
      out += css.slice(index, semicolon + 1); // @charset, @import
      index = semicolon + 1;
      continue;
    }
    const head = css.slice(index, open);
    const close = closingBrace(css, open);
    const body = css.slice(open + 1, close);
    const trimmed = head.trim();
    if (/^@(media|supports|layer|container)\b/.test(trimmed)) {
      const inner = purgeCss(body, prefix, isUsed);
      if (inner.trim()) out += `${head}{${inner}}`;
    } else if (trimmed.startsWith('@')) {
      out += `${head}{${body}}`;
    } else {
      const kept = splitTopLevel(head, ',').filter(keepSelector);
      if (kept.length > 0) out += `${kept.join(',')}{${body}}`;
    }
    index = close + 1;
  }
  return out;
}
