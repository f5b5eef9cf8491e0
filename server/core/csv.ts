// CSV files for spreadsheets: the one writer every export uses (open data, statements, figures).

/**
 * A text cell a spreadsheet would run as a formula or command gets a leading apostrophe: one that starts with
 * "=", "+", "-", "@", a tab or a carriage return (OWASP: CSV injection). Numbers stay numbers, also when written
 * as text ("-20.00"): a plain number runs nothing.
 */
function defuse(value: string): string {
  if (/^-?\d+(?:\.\d+)?$/.test(value)) return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV field (RFC 4180): defused, quoted when it holds a comma, semicolon, quote or line break. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? defuse(value) : String(value);
  return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV file for spreadsheets: UTF-8 with byte order mark (Excel), CRLF line ends, a header row. */
export function toCsv(header: string[], rows: (string | number | boolean | null | undefined)[][]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
