import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextArea, TextInput } from '../../../components/Fields';
import {
  DEFAULT_TRANSLATIONS,
  directionOfText,
  inputIdOf,
  languagesWithText,
  TRANSLATION_LANGUAGES,
} from '../form';
import { TEXT_FIELD_LABEL, TEXT_FIELDS } from '../labels';
import { MULTILINE, type PartProps, textPath, withText } from './parts';
import { useLanguageLabel } from './useFieldLabel';

/** The language of a text at a server path ("texts.name.tr"), when it is a translation. */
function translationOf(path: string | undefined): string | undefined {
  const parts = path?.split('.') ?? [];
  const lang = parts[0] === 'texts' ? parts[2] : parts[1] === 'accessibilityNote' ? parts[2] : undefined;
  return lang === 'de' ? undefined : lang;
}

/** A section per translation language (English, Turkish and Arabic shown from the start; more on demand). */
export function TranslationsSection({
  value,
  onChange,
  errorAt,
  errorPath,
  outdated,
}: PartProps<'texts'> & {
  /** The server path of the last save's error: its language's section is shown and opened. */
  errorPath: string | undefined;
  /** Languages whose translations are older than the German text. */
  outdated: readonly string[];
}) {
  const { t } = useTranslation();
  const languageLabel = useLanguageLabel();
  const [shown, setShown] = useState<string[]>(() => [
    ...new Set([...DEFAULT_TRANSLATIONS, ...languagesWithText(value)]),
  ]);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [adding, setAdding] = useState('');
  const addable = TRANSLATION_LANGUAGES.filter((lang) => !shown.includes(lang));

  // An error in a translation: show and open that language's section, so the link in the summary leads there.
  useEffect(() => {
    const lang = translationOf(errorPath);
    if (!lang) return;
    setShown((current) => (current.includes(lang) ? current : [...current, lang]));
    setOpen((current) => new Set([...current, lang]));
  }, [errorPath]);

  const toggle = (lang: string, isOpen: boolean) =>
    setOpen((current) => {
      const next = new Set(current);
      if (isOpen) next.add(lang);
      else next.delete(lang);
      return next;
    });

  return (
    <section className="app-editor__group app-stack" aria-labelledby="svc-translations-title">
      <h2 className="kern-heading-small" id="svc-translations-title">
        {t('directory-editor:form.translations')}
      </h2>
      <p className="kern-body">{t('directory-editor:form.translationsIntro')}</p>
      <div>
        {shown.map((lang) => (
          <details
            key={lang}
            className="kern-accordion"
            open={open.has(lang)}
            onToggle={(event) => toggle(lang, event.currentTarget.open)}
          >
            <summary className="kern-accordion__header">
              <span className="kern-title">
                {languageLabel(lang)}
                {outdated.includes(lang) ? (
                  <span className="kern-badge kern-badge--warning app-editor__badge">
                    <span className="kern-label">{t('directory-editor:translations.outdated')}</span>
                  </span>
                ) : null}
              </span>
            </summary>
            <div className="kern-accordion__body app-stack">
              {TEXT_FIELDS.map((field) => {
                const common = {
                  id: inputIdOf(textPath(field, lang)),
                  label: t('directory-editor:fields.inLanguage', {
                    field: t(TEXT_FIELD_LABEL[field]),
                    language: languageLabel(lang),
                  }),
                  optional: true,
                  lang,
                  dir: directionOfText(lang),
                  value: value.texts[field][lang] ?? '',
                  onValueChange: (text: string) =>
                    onChange({ texts: withText(value.texts, field, lang, text) }),
                  error: errorAt(textPath(field, lang)),
                };
                return MULTILINE.has(field) || field === 'accessibilityNote' ? (
                  <TextArea key={field} {...common} rows={field === 'description' ? 5 : 3} />
                ) : (
                  <TextInput key={field} {...common} />
                );
              })}
            </div>
          </details>
        ))}
      </div>
      {addable.length ? (
        <div className="app-inline-form">
          <label className="kern-label" htmlFor="svc-add-language">
            {t('directory-editor:form.addLanguage')}
          </label>
          <div className="kern-form-input__select-wrapper">
            <select
              id="svc-add-language"
              className="kern-form-input__select"
              value={adding}
              onChange={(event) => setAdding(event.target.value)}
            >
              <option value="">{t('directory-editor:form.addLanguageChoose')}</option>
              {addable.map((lang) => (
                <option key={lang} value={lang}>
                  {languageLabel(lang)}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            disabled={!adding}
            onClick={() => {
              if (!adding) return;
              setShown((current) => [...current, adding]);
              setOpen((current) => new Set([...current, adding]));
              setAdding('');
            }}
          >
            <span className="kern-label">{t('directory-editor:form.addLanguageButton')}</span>
          </button>
        </div>
      ) : null}
    </section>
  );
}
