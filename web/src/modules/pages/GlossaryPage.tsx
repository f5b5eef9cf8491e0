import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguageNames } from '../../app/languages';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Select, TextArea } from '../../components/Fields';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { type Glossary, MT_LANGS, type MtLang, useGlossary } from './pages.api';

/** The glossary as the form holds it: one "German = translation" per line. */
const linesOf = (terms: Glossary['terms']) =>
  terms.map((term) => `${term.source} = ${term.target}`).join('\n');
const termsOf = (lines: string): Glossary['terms'] =>
  lines
    .split('\n')
    .map((line) => line.split('='))
    .filter((parts) => parts.length >= 2 && parts[0]?.trim())
    .map(([source = '', ...target]) => ({ source: source.trim(), target: target.join('=').trim() }));

/** /seiten-editor/glossar — per language, the terms machine translation must write one way (checked in review). */
export function GlossaryPage() {
  const { t } = useTranslation();
  const names = useLanguageNames();
  const [lang, setLang] = useState<MtLang>('en');
  const glossary = useGlossary(lang);
  const [lines, setLines] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const loaded = glossary.query.data;
  useEffect(() => {
    if (loaded) setLines(linesOf(loaded.terms));
  }, [loaded]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    glossary.save.mutate(termsOf(lines), {
      onSuccess: (saved) =>
        setNotice(t('pages:glossary.saved', { count: saved.terms.length, language: names.nameOf(lang) })),
    });
  };
  return (
    <>
      <PageTitle>{t('pages:glossary.title')}</PageTitle>
      <p className="kern-body">
        <Link className="kern-link" to="/seiten-editor">
          {t('pages:editor.backToList')}
        </Link>
      </p>
      <p className="kern-body app-intro">{t('pages:glossary.intro')}</p>
      <form className="app-form" onSubmit={submit} noValidate>
        <Select
          id="glossary-lang"
          label={t('pages:glossary.lang')}
          value={lang}
          onValueChange={(value) => {
            setNotice(null);
            setLang(value as MtLang);
          }}
          options={MT_LANGS.map((code) => ({ value: code, label: names.nameOf(code) }))}
        />
        {glossary.query.isPending ? <Loading /> : null}
        <ErrorAlert error={glossary.query.error} focus={false} />
        <TextArea
          id="glossary-terms"
          label={t('pages:glossary.terms')}
          hint={t('pages:glossary.termsHint')}
          value={lines}
          onValueChange={setLines}
          rows={8}
          optional
        />
        <ErrorAlert error={glossary.save.error} fieldLabels={{ terms: t('pages:glossary.terms') }} />
        <div role="status">{notice ? <Alert variant="success" title={notice} /> : null}</div>
        <button type="submit" className="kern-btn kern-btn--primary" disabled={glossary.save.isPending}>
          <span className="kern-label">{t('pages:glossary.save')}</span>
        </button>
      </form>
    </>
  );
}
