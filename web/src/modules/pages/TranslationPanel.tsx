import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguageNames } from '../../app/languages';
import { useCityTime } from '../../app/time';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Select } from '../../components/Fields';
import { EVENT_LABEL, FIELD_LABEL, STATE_LABEL } from './labels';
import {
  EASY_GERMAN,
  type EditorPage,
  MT_LANGS,
  type MtLang,
  PAGE_FIELDS,
  PAGE_LANGS,
  type TranslationState,
  usePageActions,
  useRevisions,
} from './pages.api';

/** A language's name; Leichte Sprache by its official wording. */
function useLangName() {
  const { t } = useTranslation();
  const names = useLanguageNames();
  return (lang: string) => (lang === EASY_GERMAN ? t('pages:page.easyName') : names.nameOf(lang));
}

/** Per language and field, where the working copy's text stands; machine translation; the glossary check. */
export function TranslationPanel({ page }: { page: EditorPage }) {
  const { t } = useTranslation();
  const langName = useLangName();
  const actions = usePageActions(page.id);
  const [lang, setLang] = useState<MtLang>('en');
  const [notice, setNotice] = useState<string | null>(null);
  const stateOf = (lang: string, field: string): TranslationState | null => {
    if (!page.texts.some((text) => text.lang === 'de' && text.field === field)) return null;
    return page.texts.find((text) => text.lang === lang && text.field === field)?.status ?? 'missing';
  };
  return (
    <section className="app-pages-work" aria-labelledby="pages-translations">
      <h2 className="kern-heading-small" id="pages-translations">
        {t('pages:work.translations')}
      </h2>
      {page.glossaryFlags.length ? (
        <div data-testid="glossary-flags">
          <Alert variant="warning" title={t('pages:work.flagsTitle')}>
            <ul className="kern-list">
              {page.glossaryFlags.map((flag) => (
                <li key={`${flag.lang}-${flag.field}-${flag.source}`}>
                  {t('pages:work.flag', {
                    language: langName(flag.lang),
                    field: t(FIELD_LABEL[flag.field as keyof typeof FIELD_LABEL] ?? 'pages:editor.body'),
                    source: flag.source,
                    expected: flag.expected,
                  })}
                </li>
              ))}
            </ul>
          </Alert>
        </div>
      ) : null}
      <div className="app-pages-work__table">
        <table className="kern-table">
          <caption className="kern-title">{t('pages:work.tableCaption')}</caption>
          <thead className="kern-table__head">
            <tr className="kern-table__row">
              <th scope="col" className="kern-table__header">
                {t('pages:work.language')}
              </th>
              {PAGE_FIELDS.map((field) => (
                <th scope="col" className="kern-table__header" key={field}>
                  {t(FIELD_LABEL[field])}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {PAGE_LANGS.filter((l) => l !== 'de').map((l) => (
              <tr className="kern-table__row" key={l}>
                <th scope="row" className="kern-table__header">
                  {langName(l)}
                </th>
                {PAGE_FIELDS.map((field) => {
                  const state = stateOf(l, field);
                  return (
                    <td className="kern-table__cell" key={field} data-state={state ?? ''}>
                      {state ? t(STATE_LABEL[state]) : '–'}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="app-pages-work__machine">
        <Select
          id="mt-lang"
          label={t('pages:work.machineLang')}
          value={lang}
          onValueChange={(value) => setLang(value as MtLang)}
          options={MT_LANGS.map((code) => ({ value: code, label: langName(code) }))}
        />
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          disabled={actions.translate.isPending}
          onClick={() => {
            setNotice(null);
            actions.translate.mutate(
              { pageId: page.id, lang },
              { onSuccess: () => setNotice(t('pages:work.machineDone', { language: langName(lang) })) },
            );
          }}
        >
          <span className="kern-label">{t('pages:work.machine')}</span>
        </button>
      </div>
      <div role="status">{notice ? <Alert variant="success" title={notice} /> : null}</div>
      <ErrorAlert error={actions.translate.error} />
    </section>
  );
}

/** The page's revisions, newest first, each but the latest restorable as a new draft. */
export function HistoryPanel({
  page,
  onRestored,
}: {
  page: EditorPage;
  onRestored: (page: EditorPage) => void;
}) {
  const { t } = useTranslation();
  const revisions = useRevisions(page.id);
  const actions = usePageActions(page.id);
  const [notice, setNotice] = useState<string | null>(null);
  const dates = useCityTime();
  return (
    <section className="app-pages-work" aria-labelledby="pages-history">
      <h2 className="kern-heading-small" id="pages-history">
        {t('pages:work.history')}
      </h2>
      <div role="status">{notice ? <Alert variant="success" title={notice} /> : null}</div>
      <ErrorAlert error={revisions.error ?? actions.rollback.error} />
      <div className="app-pages-work__table">
        <table className="kern-table">
          <caption className="kern-title">{t('pages:work.historyCaption')}</caption>
          <thead className="kern-table__head">
            <tr className="kern-table__row">
              <th scope="col" className="kern-table__header">
                {t('pages:work.revision')}
              </th>
              <th scope="col" className="kern-table__header">
                {t('pages:work.event')}
              </th>
              <th scope="col" className="kern-table__header">
                {t('pages:work.who')}
              </th>
              <th scope="col" className="kern-table__header">
                {t('pages:work.when')}
              </th>
              <td className="kern-table__header" />
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {(revisions.data?.items ?? []).map((revision) => (
              <tr className="kern-table__row" key={revision.number}>
                <th scope="row" className="kern-table__header">
                  {revision.number}
                </th>
                <td className="kern-table__cell">
                  {t(EVENT_LABEL[revision.event as keyof typeof EVENT_LABEL] ?? 'pages:work.events.saved')}
                </td>
                <td className="kern-table__cell">{revision.authorName ?? '–'}</td>
                <td className="kern-table__cell">{dates.dateTime(revision.createdAt, 'short')}</td>
                <td className="kern-table__cell">
                  {revision.number !== page.revision ? (
                    <button
                      type="button"
                      className="kern-btn kern-btn--tertiary"
                      disabled={actions.rollback.isPending}
                      onClick={() =>
                        actions.rollback.mutate(
                          { pageId: page.id, revision: revision.number },
                          {
                            onSuccess: (restored) => {
                              onRestored(restored);
                              setNotice(
                                t('pages:work.restored', { n: revision.number, revision: restored.revision }),
                              );
                            },
                          },
                        )
                      }
                    >
                      <span className="kern-label">{t('pages:work.restore', { n: revision.number })}</span>
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
