import { useTranslation } from 'react-i18next';
import { Select } from '../../../components/Fields';
import { dialectsOf } from '../../../../../server/modules/guides/guides.terms.ts';
import { DIALECT_LABEL, isOneOf, LEVEL_LABEL, LEVELS, useNames } from '../labels';
import { type PartProps, replaceAt, useRowKeys } from './parts';

/** The languages the guide speaks, each with a level and an optional dialect. */
export function LanguagesFieldset({
  value,
  onChange,
  guideLanguages,
}: PartProps<'languages'> & {
  /** The languages the network covers (the city profile's). */
  guideLanguages: readonly string[];
}) {
  const { t } = useTranslation();
  const names = useNames();
  const rows = useRowKeys(value.languages.length);
  const languages = value.languages;
  return (
    <fieldset className="kern-fieldset">
      <legend className="kern-heading-small">{t('guides:profile.languages')}</legend>
      {languages.map((language, index) => (
        <div className="app-guides-row" key={rows.keys[index]}>
          <Select
            id={`language-${index}`}
            name="code"
            label={t('guides:profile.language')}
            value={language.code}
            options={guideLanguages.map((code) => ({ value: code, label: names.language(code) }))}
            onValueChange={(code) =>
              onChange({ languages: replaceAt(languages, index, { code, dialect: null }) })
            }
          />
          <Select
            id={`level-${index}`}
            name="level"
            label={t('guides:profile.level')}
            value={language.level}
            options={LEVELS.map((level) => ({ value: level, label: t(LEVEL_LABEL[level] ?? level) }))}
            onValueChange={(level) =>
              isOneOf(LEVELS, level) && onChange({ languages: replaceAt(languages, index, { level }) })
            }
          />
          {dialectsOf(language.code).length > 0 ? (
            <Select
              id={`dialect-${index}`}
              name="dialect"
              label={t('guides:form.dialect')}
              value={language.dialect ?? ''}
              options={[
                { value: '', label: t('guides:form.dialectAny') },
                ...dialectsOf(language.code).map((d) => ({ value: d, label: t(DIALECT_LABEL[d]) })),
              ]}
              optional
              onValueChange={(dialect) =>
                onChange({ languages: replaceAt(languages, index, { dialect: dialect || null }) })
              }
            />
          ) : null}
          {languages.length > 1 ? (
            <button
              type="button"
              className="kern-btn kern-btn--tertiary"
              onClick={() => {
                rows.remove(index);
                onChange({ languages: languages.filter((_, i) => i !== index) });
              }}
            >
              <span className="kern-label">
                {t('guides:profile.removeLanguage', { language: names.language(language.code) })}
              </span>
            </button>
          ) : null}
        </div>
      ))}
      <button
        type="button"
        className="kern-btn kern-btn--secondary"
        onClick={() => {
          // The first of the city's languages the guide has not named yet.
          const code = guideLanguages.find((c) => !languages.some((l) => l.code === c)) ?? guideLanguages[0];
          if (!code) return;
          rows.add();
          onChange({ languages: [...languages, { code, level: 'fluent', dialect: null }] });
        }}
      >
        <span className="kern-label">{t('guides:profile.addLanguage')}</span>
      </button>
    </fieldset>
  );
}
