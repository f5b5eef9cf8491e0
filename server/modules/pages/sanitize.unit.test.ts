import { describe, expect, it } from 'vitest';
import { bodyText, sanitizeBody } from './sanitize.ts';

describe('the safe body format', () => {
  it('keeps headings, lists, emphasis, tables, safe links and images with alt text', () => {
    const html =
      '<h2>Unterlagen</h2><ul><li><strong>Pass</strong> und <em>Foto</em></li></ul><table><caption>Tonnen</caption><tr><th scope="col">Farbe</th></tr><tr><td>Blau</td></tr></table><p><a href="mailto:ki@stadt-duisburg.de">Mail</a> <a href="tel:+49203283">Anruf</a> <a href="/seiten/kita">Kita</a></p><img src="https://www.duisburg.de/plan.png" alt="Lageplan">';
    expect(sanitizeBody(html)).toBe(
      '<h2>Unterlagen</h2><ul><li><strong>Pass</strong> und <em>Foto</em></li></ul><table><caption>Tonnen</caption><tr><th scope="col">Farbe</th></tr><tr><td>Blau</td></tr></table><p><a href="mailto:ki@stadt-duisburg.de">Mail</a> <a href="tel:+49203283">Anruf</a> <a href="/seiten/kita">Kita</a></p><img src="https://www.duisburg.de/plan.png" alt="Lageplan" />',
    );
  });

  it.each([
    ['a script', '<p>a</p><script>alert(1)</script>', '<p>a</p>'],
    ['an event handler', '<p onmouseover="alert(1)">a</p>', '<p>a</p>'],
    [
      'a javascript: link in any case and with entities',
      '<a href="jAvAsCrIpT:alert(1)">a</a><a href="&#106;avascript:alert(1)">b</a><a href=" javascript:alert(1)">c</a>',
      '<a>a</a><a>b</a><a>c</a>',
    ],
    ['a data: link', '<a href="data:text/html;base64,PHNjcmlwdD4=">a</a>', '<a>a</a>'],
    ['a data: image', '<img src="data:image/png;base64,iVBORw0=" alt="x">', ''],
    ['an SVG with a script', '<svg onload="alert(1)"><script>alert(2)</script></svg>ok', 'ok'],
    ['an image without alt text', '<img src="https://example.org/a.png">', ''],
    ['a protocol-relative link', '<a href="//evil.example/">a</a>', '<a>a</a>'],
    [
      'styles and iframes',
      '<style>*{}</style><iframe src="https://x"></iframe><p style="color:red">a</p>',
      '<p>a</p>',
    ],
  ])('removes %s', (_name, html, clean) => {
    expect(sanitizeBody(html)).toBe(clean);
  });

  it('turns a body into plain text', () => {
    expect(bodyText('<h2>A</h2><p>b <strong>c</strong></p>')).toBe('Ab c');
  });
});
