/**
 * The page body's safe rich-text format: headings, paragraphs, lists, links (http, https, mailto, tel and the
 * site's own paths), emphasis, images with alt text, tables. Everything else — scripts, styles, SVG, iframes,
 * event-handler attributes, javascript: and data: URLs — is removed. Run on save and again on every read, so a
 * row written some other way still reaches no reader unfiltered.
 */
import sanitizeHtml from 'sanitize-html';

const SAFE_URL = /^(?:https?:\/\/|mailto:|tel:|\/(?!\/)|#)/i;

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2',
    'h3',
    'h4',
    'p',
    'br',
    'ul',
    'ol',
    'li',
    'a',
    'strong',
    'em',
    'b',
    'i',
    'img',
    'table',
    'caption',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'blockquote',
  ],
  allowedAttributes: {
    a: ['href', 'rel'],
    img: ['src', 'alt'],
    th: ['scope', 'colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Text inside removed script-like elements is dropped, not kept as text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'svg', 'math', 'template', 'iframe'],
  transformTags: {
    // h1 is the page's title; a heading in the body starts at h2.
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    a: (tagName, attribs): sanitizeHtml.Tag => {
      const href = (attribs.href ?? '').trim();
      if (!SAFE_URL.test(href)) return { tagName, attribs: {} };
      const external = /^https?:/i.test(href);
      const safe: sanitizeHtml.Attributes = external ? { href, rel: 'noopener noreferrer' } : { href };
      return { tagName, attribs: safe };
    },
  },
  exclusiveFilter: (frame) =>
    // An image without alt text, or from anywhere but https, is left out.
    frame.tag === 'img' && (!frame.attribs.alt?.trim() || !/^https:\/\//i.test(frame.attribs.src ?? '')),
};

/** The body as it may be stored and shown: only the safe format's elements and attributes. */
export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, options).trim();
}

/** The body as plain text (for search words and reading aloud on the server side). */
export function bodyText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ').trim();
}
