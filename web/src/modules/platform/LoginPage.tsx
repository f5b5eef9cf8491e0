import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { safeReturnPath } from '../../app/Guard';
import { useLogin } from '../../app/session';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/errorText';
import { PageTitle } from '../../components/PageTitle';
import { TextInput } from '../../components/Fields';

/** Login with e-mail and password; returns to the page that asked for it. */
export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const next = params.get('next');

  const labels = { email: t('platform:login.email'), password: t('platform:login.password') };
  const fieldError = useFieldError(login.error, labels);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email, password }, { onSuccess: () => navigate(safeReturnPath(next), { replace: true }) });
  };

  return (
    <>
      <PageTitle>{t('platform:login.title')}</PageTitle>
      {next ? <Alert variant="info" title={t('platform:login.required')} /> : null}
      <ErrorAlert error={login.error} fieldLabels={labels} />
      <form className="app-form" onSubmit={onSubmit} noValidate>
        <TextInput
          id="login-email"
          name="email"
          type="email"
          autoComplete="username"
          label={labels.email}
          value={email}
          onValueChange={setEmail}
          error={fieldError('email')}
        />
        <TextInput
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          label={labels.password}
          value={password}
          onValueChange={setPassword}
          error={fieldError('password')}
        />
        <div className="app-form__actions">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={login.isPending}>
            <span className="kern-label">{t('platform:login.submit')}</span>
          </button>
        </div>
      </form>
      <p className="kern-body">
        <Link className="kern-link" to="/password-reset">
          {t('platform:login.forgot')}
        </Link>
      </p>
      <p className="kern-body kern-body--small kern-body--muted">{t('platform:login.demoNote')}</p>
    </>
  );
}
