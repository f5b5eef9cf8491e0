import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, isLanguage, LANGUAGES } from '../../app/i18n';
import { type Me, useSession, useUpdateMe } from '../../app/session';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/errorText';
import { PageTitle } from '../../components/PageTitle';
import { NewPasswordFields } from './NewPasswordFields';
import { useChangePassword } from './platform.api';
import { roleLabelKey } from './roles';
import { SessionsSection } from './SessionsSection';
import { Select, TextInput } from '../../components/Fields';

function ProfileSection({ user }: { user: Me }) {
  const { t } = useTranslation();
  const updateMe = useUpdateMe();
  const [displayName, setDisplayName] = useState(user.displayName);
  const labels = { displayName: t('platform:account.displayName') };
  const fieldError = useFieldError(updateMe.error, labels);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    updateMe.mutate({ displayName });
  };

  return (
    <section className="app-section app-stack" aria-labelledby="account-profile">
      <h2 className="kern-heading-medium" id="account-profile">
        {t('platform:account.profile')}
      </h2>
      <dl className="kern-description-list">
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t('platform:account.email')}</dt>
          <dd className="kern-description-list-item__value" dir="auto">
            {user.email}
          </dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t('platform:account.role')}</dt>
          <dd className="kern-description-list-item__value">{t(roleLabelKey[user.role])}</dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t('platform:account.organisation')}</dt>
          <dd className="kern-description-list-item__value" dir="auto">
            {user.organisationName ?? t('platform:account.noOrganisation')}
          </dd>
        </div>
      </dl>
      {updateMe.isSuccess && updateMe.variables?.displayName !== undefined ? (
        <Alert variant="success" role="status" title={t('platform:account.profileSaved')} />
      ) : null}
      <ErrorAlert error={updateMe.error} fieldLabels={labels} />
      <form className="app-form" onSubmit={onSubmit} noValidate>
        <TextInput
          id="account-name"
          name="displayName"
          autoComplete="name"
          dir="auto"
          label={labels.displayName}
          value={displayName}
          onValueChange={setDisplayName}
          error={fieldError('displayName')}
        />
        <div className="app-form__actions">
          <button type="submit" className="kern-btn kern-btn--secondary" disabled={updateMe.isPending}>
            <span className="kern-label">{t('platform:account.saveProfile')}</span>
          </button>
        </div>
      </form>
    </section>
  );
}

function LanguageSection({ user }: { user: Me }) {
  const { t } = useTranslation();
  const updateMe = useUpdateMe();
  const [locale, setLocale] = useState<string>(isLanguage(user.locale) ? user.locale : 'de');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    updateMe.mutate(
      { locale },
      {
        onSuccess: () => {
          if (isLanguage(locale)) void changeLanguage(locale);
        },
      },
    );
  };

  return (
    <section className="app-section app-stack" aria-labelledby="account-language">
      <h2 className="kern-heading-medium" id="account-language">
        {t('platform:account.languageTitle')}
      </h2>
      {updateMe.isSuccess ? (
        <Alert variant="success" role="status" title={t('platform:account.languageSaved')} />
      ) : null}
      <ErrorAlert error={updateMe.error} />
      <form className="app-form" onSubmit={onSubmit} noValidate>
        <Select
          id="account-locale"
          name="locale"
          label={t('platform:account.languageTitle')}
          hint={t('platform:account.languageHint')}
          value={locale}
          onValueChange={setLocale}
          options={LANGUAGES.map((l) => ({ value: l.code, label: l.nativeName, lang: l.code }))}
        />
        <div className="app-form__actions">
          <button type="submit" className="kern-btn kern-btn--secondary" disabled={updateMe.isPending}>
            <span className="kern-label">{t('platform:account.saveLanguage')}</span>
          </button>
        </div>
      </form>
    </section>
  );
}

function PasswordSection() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const labels = { currentPassword: t('platform:password.current'), newPassword: t('platform:password.new') };
  const fieldError = useFieldError(change.error, labels);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== repeat);
    if (password !== repeat) return;
    change.mutate(
      { currentPassword: current, newPassword: password },
      {
        onSuccess: () => {
          setCurrent('');
          setPassword('');
          setRepeat('');
        },
      },
    );
  };

  return (
    <section className="app-section app-stack" aria-labelledby="account-password">
      <h2 className="kern-heading-medium" id="account-password">
        {t('platform:password.changeTitle')}
      </h2>
      {change.isSuccess ? (
        <Alert variant="success" role="status" title={t('platform:password.changed')} />
      ) : null}
      <ErrorAlert error={mismatch ? t('platform:password.mismatch') : change.error} fieldLabels={labels} />
      <form className="app-form" onSubmit={onSubmit} noValidate>
        <TextInput
          id="password-current"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          label={labels.currentPassword}
          value={current}
          onValueChange={setCurrent}
          error={fieldError('currentPassword')}
        />
        <NewPasswordFields
          idPrefix="password"
          value={password}
          repeat={repeat}
          onValueChange={setPassword}
          onRepeatChange={setRepeat}
          error={fieldError('newPassword')}
          mismatch={mismatch}
        />
        <div className="app-form__actions">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={change.isPending}>
            <span className="kern-label">{t('platform:password.change')}</span>
          </button>
        </div>
      </form>
    </section>
  );
}

/** The user's own account: profile, language preference, password, where one is signed in. */
export function AccountPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <>
      <PageTitle>{t('platform:account.title')}</PageTitle>
      {user ? (
        <>
          <ProfileSection user={user} />
          <LanguageSection user={user} />
          <PasswordSection />
          <SessionsSection />
        </>
      ) : null}
    </>
  );
}
