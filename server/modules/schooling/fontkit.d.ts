// The part of fontkit (pdfkit's font engine, which has no types of its own) the letter test uses to shape text.
declare module 'fontkit' {
  export type Glyph = { id: number; advanceWidth: number; codePoints: number[] };
  export type Font = {
    unitsPerEm: number;
    layout(text: string, features?: string[]): { glyphs: Glyph[] };
    glyphForCodePoint(codePoint: number): Glyph;
  };
  export function openSync(file: string): Font;
}
