import { describe, expect, it } from 'vitest';
import { applyGlossary, glossaryFlags } from './machine.ts';

const glossary = [
  { source: 'Jobcenter', target: 'Jobcenter' },
  { source: 'Bürgeramt', target: 'Bürgeramt (مكتب المواطنين)' },
];

describe('the glossary', () => {
  it('protects each term as the glossary writes it, and leaves links and longer words alone', () => {
    const sent = applyGlossary(
      '<p>Ins <a href="https://jobcenter.example/Jobcenter">Jobcenter</a> und zum Bürgeramt, nicht zum Bürgeramtsleiter.</p>',
      glossary,
    );
    expect(sent).toBe(
      '<p>Ins <a href="https://jobcenter.example/Jobcenter"><span translate="no">Jobcenter</span></a> und zum <span translate="no">Bürgeramt (مكتب المواطنين)</span>, nicht zum Bürgeramtsleiter.</p>',
    );
  });

  it('flags a term the translation writes another way, once, and not a term the German does not use', () => {
    const german = 'Gehen Sie zum Jobcenter. Das Jobcenter hilft.';
    expect(glossaryFlags(german, 'اذهب إلى مركز التوظيف.', glossary)).toEqual([
      { source: 'Jobcenter', expected: 'Jobcenter' },
    ]);
    expect(glossaryFlags(german, 'اذهب إلى Jobcenter.', glossary)).toEqual([]);
    expect(glossaryFlags('<p>Zum <b>Bürgeramt</b></p>', '<p>إلى البلدية</p>', glossary)).toEqual([
      { source: 'Bürgeramt', expected: 'Bürgeramt (مكتب المواطنين)' },
    ]);
  });
});
