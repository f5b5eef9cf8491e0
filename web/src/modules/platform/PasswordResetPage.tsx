import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/errorText';
import { PageTitle } from '../../components/PageTitle';
import { useRequestPasswordReset } from './platform.api';
import { TextInput } from '../../components/Fields';

/** Asks for a reset link by e-mail; the answer is the same whether the account exists or not. */
export function PasswordResetPage() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const labels = { email: t('platform:login.email') };
  const fieldError = useFieldError(request.error, labels);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate({ email });
  };

  return (
    <>
      <PageTitle>{t('platform:reset.title')}</PageTitle>
      {request.isSuccess ? (
        <Alert variant="success" role="status" title={t('platform:reset.sentTitle')}>
          <p className="kern-body">{t('platform:reset.sent')}</p>
        </Alert>
      ) : (
        <>
          <p className="kern-body app-intro">{t('platform:reset.intro')}</p>
          <ErrorAlert error={request.error} fieldLabels={labels} />
          <form className="app-form" onSubmit={onSubmit} noValidate>
            <TextInput
              id="reset-email"
              name="email"
              type="email"
              autoComplete="email"
              label={labels.email}
              value={email}
              onValueChange={setEmail}
              error={fieldError('email')}
            />
            <div className="app-form__actions">
              <button type="submit" className="kern-btn kern-btn--primary" disabled={request.isPending}>
                <span className="kern-label">{t('platform:reset.submit')}</span>
              </button>
            </div>
          </form>
        </>
      )}
    </>
  );
}
