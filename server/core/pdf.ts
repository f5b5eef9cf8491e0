/**
 * PDF documents in every UI language, Arabic and Persian included. pdfkit lays glyphs out through fontkit, which
 * shapes Arabic (initial, medial, final forms, lam-alef) and reverses a right-to-left run, but pdfkit neither
 * breaks lines by direction nor orders mixed text (Arabic with numbers or Latin names). So this writer breaks
 * lines itself, resolves levels with the Unicode bidirectional algorithm (bidi-js), and draws each line's runs
 * in visual order, right-aligned in a right-to-left paragraph.
 */
import path from 'node:path';
import bidiFactory from 'bidi-js';
import PDFDocument from 'pdfkit';

/** DejaVu Sans: Latin, Cyrillic, Arabic and Persian with contextual forms (vendor/fonts/LICENSE-DejaVu.txt). */
const FONTS_DIR = path.resolve(import.meta.dirname, '../../vendor/fonts');
const FONT_FILES = {
  regular: path.join(FONTS_DIR, 'DejaVuSans.ttf'),
  bold: path.join(FONTS_DIR, 'DejaVuSans-Bold.ttf'),
};

const bidi = bidiFactory();
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
/** Directional marks, embeddings and isolates: they steer the order of the text, and are not drawn. */
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export type Direction = 'ltr' | 'rtl';

export type ParagraphOptions = {
  /** Font size in points (default 10.5). */
  size?: number;
  bold?: boolean;
  /** The paragraph's base direction; found from its first strong letter when left out. */
  direction?: Direction;
  /** Space after the paragraph, in points (default: half a line). */
  gapAfter?: number;
  /** Grey text, for notes. */
  muted?: boolean;
};

type Run = { text: string; rtl: boolean };
/** The parts of pdfkit's embedded font (not in its types) that map glyphs back to text. */
type EmbeddedFont = {
  font: { layout(text: string, features: string[]): { glyphs: { id: number; codePoints: number[] }[] } };
  subset?: { includeGlyph(id: number): number };
  unicode?: number[][];
};

/** Writes paragraphs top to bottom, with line breaks, page breaks and bidirectional text. */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private y: number;

  constructor(doc: PDFKit.PDFDocument) {
    this.doc = doc;
    this.y = doc.page.margins.top;
  }

  private get left() {
    return this.doc.page.margins.left;
  }
  private get width() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  /** Width of a run as it will be drawn (a right-to-left run is laid out whole, so it is measured whole). */
  private runWidth(run: Run): number {
    if (!run.text) return 0;
    return run.rtl ? this.doc.widthOfString(run.text, { features: [] }) : this.doc.widthOfString(run.text);
  }

  /** The runs of text[start, end) in visual order (rule L2 of the bidirectional algorithm). */
  private visualRuns(text: string, levels: Uint8Array, start: number, end: number): Run[] {
    const runs: { text: string; level: number }[] = [];
    for (let i = start; i < end; i++) {
      const level = levels[i] ?? 0;
      const last = runs.at(-1);
      if (last && last.level === level) last.text += text[i];
      else runs.push({ text: text[i] ?? '', level });
    }
    const highest = Math.max(0, ...runs.map((r) => r.level));
    const lowestOdd = Math.min(...runs.map((r) => (r.level % 2 ? r.level : r.level + 1)));
    for (let level = highest; level >= lowestOdd; level--) {
      for (let i = 0; i < runs.length; i++) {
        if ((runs[i]?.level ?? 0) < level) continue;
        let j = i;
        while (j + 1 < runs.length && (runs[j + 1]?.level ?? 0) >= level) j++;
        runs.splice(i, j - i + 1, ...runs.slice(i, j + 1).reverse());
        i = j;
      }
    }
    return runs.map(({ text: withControls, level }) => {
      const part = withControls.replace(BIDI_CONTROLS, '');
      if (level % 2 === 0) return { text: part, rtl: false };
      const mirrored = [...part].map((c) => bidi.getMirroredCharacter(c) ?? c).join('');
      // fontkit reverses a run only when it holds right-to-left letters; neutrals alone are reversed here.
      return RTL_LETTER.test(mirrored)
        ? { text: mirrored, rtl: true }
        : { text: [...mirrored].reverse().join(''), rtl: false };
    });
  }

  private lineWidth(text: string, levels: Uint8Array, start: number, end: number) {
    return this.visualRuns(text, levels, start, end).reduce((sum, run) => sum + this.runWidth(run), 0);
  }

  /** Moves to a new page when `height` more points do not fit. */
  ensureSpace(height: number): void {
    const bottom = this.doc.page.height - this.doc.page.margins.bottom;
    if (this.y + height <= bottom) return;
    this.doc.addPage();
    this.y = this.doc.page.margins.top;
  }

  /** One paragraph (newlines start new lines), wrapped to the page width. */
  paragraph(text: string, options: ParagraphOptions = {}): void {
    const size = options.size ?? 10.5;
    this.doc.font(options.bold ? 'bold' : 'regular').fontSize(size);
    this.doc.fillColor(options.muted ? '#555555' : '#000000');
    const lineHeight = this.doc.currentLineHeight(true) * 1.15;
    for (const line of text.split('\n')) {
      const direction =
        options.direction ??
        (bidi.getEmbeddingLevels(line, 'auto').paragraphs[0]?.level === 1 ? 'rtl' : 'ltr');
      const { levels } = bidi.getEmbeddingLevels(line, direction);
      for (const [start, end] of this.breakLines(line, levels)) {
        this.ensureSpace(lineHeight);
        const runs = this.visualRuns(line, levels, start, end);
        const width = runs.reduce((sum, run) => sum + this.runWidth(run), 0);
        let x = direction === 'rtl' ? this.left + this.width - width : this.left;
        for (const run of runs) {
          if (!run.text) continue;
          if (run.rtl) this.keepLigaturesReadable(run.text);
          this.doc.text(run.text, x, this.y, {
            lineBreak: false,
            ...(run.rtl ? { features: [] } : {}),
          });
          x += this.runWidth(run);
        }
        this.y += lineHeight;
      }
    }
    this.y += options.gapAfter ?? lineHeight / 2;
  }

  /**
   * A right-to-left run is stored in visual order, and text extraction (pdf.js, copy and paste) reverses it back
   * character by character. A ligature (lam-alef) maps to several characters, which that reversal would swap;
   * so such glyphs map to their characters in reverse, and the extracted text reads in logical order.
   */
  private keepLigaturesReadable(text: string): void {
    // pdfkit's embedded font keeps the ToUnicode map per subset glyph; an entry set first is kept.
    const font = (this.doc as unknown as { _font: EmbeddedFont })._font;
    if (!font?.subset || !font.unicode) return;
    for (const glyph of font.font.layout(text, []).glyphs) {
      if (glyph.codePoints.length < 2) continue;
      const gid = font.subset.includeGlyph(glyph.id);
      font.unicode[gid] ??= [...glyph.codePoints].reverse();
    }
  }

  /** Greedy line breaking at spaces, in logical order; returns [start, end) of each line without edge spaces. */
  private breakLines(text: string, levels: Uint8Array): [number, number][] {
    const lines: [number, number][] = [];
    const words = [...text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length] as const);
    let lineStart: number | null = null;
    let lineEnd = 0;
    for (const [start, end] of words) {
      if (lineStart === null) {
        lineStart = start;
        lineEnd = end;
        continue;
      }
      if (this.lineWidth(text, levels, lineStart, end) <= this.width) {
        lineEnd = end;
        continue;
      }
      lines.push([lineStart, lineEnd]);
      lineStart = start;
      lineEnd = end;
    }
    if (lineStart !== null) lines.push([lineStart, lineEnd]);
    if (lines.length === 0) lines.push([0, 0]);
    return lines;
  }

  /** A thin horizontal line across the page. */
  rule(): void {
    this.ensureSpace(12);
    this.doc
      .moveTo(this.left, this.y + 4)
      .lineTo(this.left + this.width, this.y + 4)
      .lineWidth(0.5)
      .strokeColor('#888888')
      .stroke();
    this.y += 12;
  }

  /** Empty space. */
  space(points: number): void {
    this.y += points;
  }

  /** Starts a new page. */
  newPage(): void {
    this.doc.addPage();
    this.y = this.doc.page.margins.top;
  }
}

/** Builds an A4 PDF with the vendored fonts and returns its bytes. `lang` is the document's main language. */
export async function renderPdf(
  meta: { title: string; author: string; lang: string },
  draw: (writer: PdfWriter) => void,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 62, right: 62 },
    lang: meta.lang,
    displayTitle: true,
    info: { Title: meta.title, Author: meta.author, Creator: 'Lotse' },
    autoFirstPage: true,
  });
  doc.registerFont('regular', FONT_FILES.regular);
  doc.registerFont('bold', FONT_FILES.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(new PdfWriter(doc));
  doc.end();
  return done;
}
