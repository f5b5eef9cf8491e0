import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/errorText';
import { PageTitle } from '../../components/PageTitle';
import { NewPasswordFields } from './NewPasswordFields';
import { useConfirmPasswordReset } from './platform.api';

/** Sets a new password with the token from the reset mail. */
export function PasswordResetConfirmPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = useConfirmPasswordReset();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const labels = { newPassword: t('platform:password.new') };
  const fieldError = useFieldError(confirm.error, labels);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== repeat);
    if (password !== repeat) return;
    confirm.mutate({ token, newPassword: password });
  };

  if (!token) {
    return (
      <>
        <PageTitle>{t('platform:reset.confirmTitle')}</PageTitle>
        <Alert variant="warning" title={t('platform:reset.missingToken')} />
        <p className="kern-body">
          <Link className="kern-link" to="/password-reset">
            {t('platform:reset.requestNew')}
          </Link>
        </p>
      </>
    );
  }

  return (
    <>
      <PageTitle>{t('platform:reset.confirmTitle')}</PageTitle>
      {confirm.isSuccess ? (
        <>
          <Alert variant="success" role="status" title={t('platform:reset.done')} />
          <p className="kern-body">
            <Link className="kern-link" to="/login">
              {t('platform:reset.toLogin')}
            </Link>
          </p>
        </>
      ) : (
        <>
          <ErrorAlert
            error={mismatch ? t('platform:password.mismatch') : confirm.error}
            fieldLabels={labels}
          />
          {confirm.error && !mismatch ? (
            <p className="kern-body">
              <Link className="kern-link" to="/password-reset">
                {t('platform:reset.requestNew')}
              </Link>
            </p>
          ) : null}
          <form className="app-form" onSubmit={onSubmit} noValidate>
            <NewPasswordFields
              idPrefix="reset"
              value={password}
              repeat={repeat}
              onValueChange={setPassword}
              onRepeatChange={setRepeat}
              error={fieldError('newPassword')}
              mismatch={mismatch}
            />
            <div className="app-form__actions">
              <button type="submit" className="kern-btn kern-btn--primary" disabled={confirm.isPending}>
                <span className="kern-label">{t('platform:reset.confirmSubmit')}</span>
              </button>
            </div>
          </form>
        </>
      )}
    </>
  );
}
