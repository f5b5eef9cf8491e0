import { describe, expect, it } from 'vitest';
import { purgeCss } from './css-purge.ts';

const used = new Set(['kern-btn', 'kern-btn--primary']);
const isUsed = (name: string) => used.has(name);

describe('purgeCss', () => {
  it('keeps rules of used classes and elements, drops unused ones and empty media blocks', () => {
    const css =
      '@charset "UTF-8";*{box-sizing:border-box}.kern-btn{color:red}.kern-btn--primary,.kern-card{a:b}' +
      '.kern-card:is(.kern-btn,.x){c:d}@media (min-width:1px){.kern-card{e:f}}' +
      '@media print{.kern-btn{g:h}}@font-face{font-family:"X{"}.kern-btn::after{content:"}"}';
    expect(purgeCss(css, 'kern-', isUsed)).toBe(
      '@charset "UTF-8";*{box-sizing:border-box}.kern-btn{color:red}.kern-btn--primary{a:b}' +
        '@media print{.kern-btn{g:h}}@font-face{font-family:"X{"}.kern-btn::after{content:"}"}',
    );
  });
});
