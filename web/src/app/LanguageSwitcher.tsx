import { useTranslation } from 'react-i18next';
import { changeLanguage, isLanguage, LANGUAGES } from './i18n';
import { useSession, useUpdateMe } from './session';

/** The header's language choice; each language is named in itself. Saved to the account when logged in. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const updateMe = useUpdateMe();

  const choose = async (code: string) => {
    if (!isLanguage(code)) return;
    await changeLanguage(code);
    if (user && user.locale !== code) updateMe.mutate({ locale: code });
  };

  return (
    <div className="app-language">
      <label className="kern-label kern-label--small" htmlFor="language-switcher">
        <span className="kern-icon kern-icon--language kern-icon--small" aria-hidden="true" />
        {t('common:language.label')}
      </label>
      <div className="kern-form-input__select-wrapper">
        <select
          id="language-switcher"
          className="kern-form-input__select"
          value={i18n.language}
          onChange={(event) => void choose(event.target.value)}
        >
          {LANGUAGES.map((language) => (
            <option key={language.code} value={language.code} lang={language.code} dir={language.direction}>
              {language.nativeName}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
