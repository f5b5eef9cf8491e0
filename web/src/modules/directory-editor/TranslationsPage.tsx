import { type ChangeEvent, type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LANGUAGES } from '../../app/i18n';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableScroll } from '../../components/TableScroll';
import { useImportXliff, useMachineTranslate, useTranslationOverview, xliffUrl } from './editor.api';
import { useNames } from './labels';
import { Select } from '../../components/Fields';

/** A language named in the UI language, with its own name (in its script) beside it. */
export function useLanguageLabel() {
  const names = useNames();
  return (lang: string) => {
    const native = LANGUAGES.find((language) => language.code === lang)?.nativeName;
    const name = names.languageName(lang);
    return native && native !== name ? `${name} (${native})` : name;
  };
}

/** Upload of a translated XLIFF file for one language: choose the file, then import it. */
function XliffImport({ languages }: { languages: string[] }) {
  const { t } = useTranslation();
  const languageLabel = useLanguageLabel();
  const importXliff = useImportXliff();
  const fileInput = useRef<HTMLInputElement>(null);
  const [lang, setLang] = useState(languages[0] ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    setFile(event.target.files?.[0] ?? null);
    setMissingFile(false);
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setMissingFile(true);
      fileInput.current?.focus();
      return;
    }
    const xml = await file.text();
    importXliff.mutate({ lang, xml });
  };

  return (
    <section className="app-section app-stack" aria-labelledby="xliff-import-title">
      <h2 className="kern-heading-medium" id="xliff-import-title">
        {t('directory-editor:translations.importTitle')}
      </h2>
      <p className="kern-body app-intro">{t('directory-editor:translations.importIntro')}</p>
      {importXliff.data ? (
        <Alert
          variant="success"
          role="status"
          title={t('directory-editor:translations.imported', {
            imported: importXliff.data.imported,
            outdated: importXliff.data.outdated,
          })}
        />
      ) : null}
      <ErrorAlert error={importXliff.error} />
      <form className="app-form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <Select
          id="xliff-lang"
          label={t('directory-editor:translations.importLanguage')}
          value={lang}
          options={languages.map((code) => ({ value: code, label: languageLabel(code) }))}
          onValueChange={setLang}
        />
        <div className={`kern-form-input${missingFile ? ' kern-form-input--error' : ''}`}>
          <label className="kern-label" htmlFor="xliff-file">
            {t('directory-editor:translations.importFile')}
          </label>
          <div className="kern-hint" id="xliff-file-hint">
            {t('directory-editor:translations.importFileHint')}
          </div>
          <input
            ref={fileInput}
            id="xliff-file"
            type="file"
            className="kern-form-input__input app-editor__file"
            accept=".xlf,.xliff,application/xliff+xml,application/xml,text/xml"
            aria-describedby={`xliff-file-hint${missingFile ? ' xliff-file-error' : ''}`}
            aria-invalid={missingFile ? true : undefined}
            onChange={onFile}
          />
          {missingFile ? (
            <p className="kern-error" id="xliff-file-error">
              <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
              <span className="kern-body">{t('directory-editor:translations.importFileMissing')}</span>
            </p>
          ) : null}
        </div>
        <div className="app-form__actions">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={importXliff.isPending}>
            <span className="kern-icon kern-icon--drive-folder-upload" aria-hidden="true" />
            <span className="kern-label">{t('directory-editor:translations.importSubmit')}</span>
          </button>
        </div>
      </form>
    </section>
  );
}

/** Coordinators' view of the translation work: state per language, XLIFF out and in, machine translation. */
export function TranslationsPage() {
  const { t, i18n } = useTranslation();
  const languageLabel = useLanguageLabel();
  const overview = useTranslationOverview();
  const machine = useMachineTranslate();
  const number = new Intl.NumberFormat(i18n.language);
  const languages = overview.data?.items.map((item) => item.lang) ?? [];

  return (
    <>
      <PageTitle>{t('directory-editor:translations.title')}</PageTitle>
      <p className="kern-body app-intro">{t('directory-editor:translations.intro')}</p>
      {machine.data && machine.variables ? (
        <Alert
          variant="success"
          role="status"
          title={t('directory-editor:translations.machineDone', {
            count: machine.data.translated,
            language: languageLabel(machine.variables),
          })}
        />
      ) : null}
      <ErrorAlert error={machine.error} />
      <ErrorAlert error={overview.error} focus={false} />
      {overview.isPending ? <Loading /> : null}
      {overview.data ? (
        <TableScroll labelledBy="translations-caption">
          <table className="kern-table kern-table--small kern-table--striped">
            <caption className="kern-sr-only" id="translations-caption">
              {t('directory-editor:translations.caption')}
            </caption>
            <thead>
              <tr className="kern-table__row">
                <th className="kern-table__header" scope="col">
                  {t('directory-editor:translations.language')}
                </th>
                <th className="kern-table__header kern-table__header--numeric" scope="col">
                  {t('directory-editor:translations.upToDate')}
                </th>
                <th className="kern-table__header kern-table__header--numeric" scope="col">
                  {t('directory-editor:translations.outdated')}
                </th>
                <th className="kern-table__header kern-table__header--numeric" scope="col">
                  {t('directory-editor:translations.machine')}
                </th>
                <th className="kern-table__header kern-table__header--numeric" scope="col">
                  {t('directory-editor:translations.missing')}
                </th>
                <th className="kern-table__header kern-table__header--action" scope="col">
                  {t('directory-editor:translations.actions')}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {overview.data.items.map((item) => {
                const label = languageLabel(item.lang);
                const pending = item.outdated + item.machine + item.missing;
                return (
                  <tr className="kern-table__row" key={item.lang}>
                    <th className="kern-table__cell" scope="row">
                      {label}
                    </th>
                    <td className="kern-table__cell kern-table__cell--numeric">
                      {t('directory-editor:translations.ofTotal', {
                        count: number.format(item.upToDate),
                        total: number.format(item.total),
                      })}
                    </td>
                    <td className="kern-table__cell kern-table__cell--numeric">
                      {number.format(item.outdated)}
                    </td>
                    <td className="kern-table__cell kern-table__cell--numeric">
                      {number.format(item.machine)}
                    </td>
                    <td className="kern-table__cell kern-table__cell--numeric">
                      {number.format(item.missing)}
                    </td>
                    <td className="kern-table__cell kern-table__cell--action">
                      <div className="app-editor__actions">
                        <Link
                          className="kern-link kern-link--small"
                          to={`/translations/${encodeURIComponent(item.lang)}`}
                          aria-label={t('directory-editor:translations.pendingFor', { language: label })}
                        >
                          {t('directory-editor:translations.pending', { count: pending })}
                        </Link>
                        <a
                          className="kern-link kern-link--small"
                          href={xliffUrl(item.lang)}
                          download={`lotse-directory-${item.lang}.xlf`}
                          aria-label={t('directory-editor:translations.downloadFor', { language: label })}
                        >
                          <span
                            className="kern-icon kern-icon--download kern-icon--small"
                            aria-hidden="true"
                          />
                          {t('directory-editor:translations.download')}
                        </a>
                        <button
                          type="button"
                          className="kern-btn kern-btn--tertiary kern-btn--x-small"
                          disabled={machine.isPending || pending === 0}
                          aria-label={t('directory-editor:translations.machineFor', { language: label })}
                          onClick={() => machine.mutate(item.lang)}
                        >
                          <span className="kern-label">{t('directory-editor:translations.machineRun')}</span>
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {languages.length ? <XliffImport languages={languages} /> : null}
    </>
  );
}
