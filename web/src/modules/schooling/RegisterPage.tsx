import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { RegistrationForm } from './RegistrationForm';
import { useRegister } from './schooling.api';
import { useCity } from '../../app/city';

/** The family's own registration, in its language; answers a confirmation code to quote when calling the KI. */
export function RegisterPage() {
  const { t } = useTranslation();
  const city = useCity();
  const register = useRegister();
  const ortsteile = (city.data?.districts ?? [])
    .flatMap((district) => district.ortsteile)
    .sort((a, b) => a.name.localeCompare(b.name, 'de'));

  if (register.data) {
    return (
      <>
        <PageTitle>{t('schooling:register.doneTitle')}</PageTitle>
        <Alert variant="success" role="status" title={t('schooling:register.doneAlert')}>
          <p className="kern-body">
            {t('schooling:register.doneText', { children: register.data.children })}
          </p>
        </Alert>
        <p className="kern-body">{t('schooling:register.codeLabel')}</p>
        <p
          className="kern-heading-large app-schooling__code"
          translate="no"
          dir="ltr"
          data-testid="confirmation-code"
        >
          {register.data.confirmationCode}
        </p>
        <p className="kern-body app-intro">{t('schooling:register.next')}</p>
      </>
    );
  }

  return (
    <>
      <PageTitle>{t('schooling:register.title')}</PageTitle>
      <p className="kern-body kern-body--large app-intro">{t('schooling:register.intro')}</p>
      <p className="kern-body app-intro">{t('schooling:register.privacy')}</p>
      {city.isPending ? <Loading /> : null}
      <RegistrationForm
        mode="public"
        ortsteile={ortsteile}
        pending={register.isPending}
        error={register.error}
        onSubmit={(input) => register.mutate(input)}
      />
    </>
  );
}
