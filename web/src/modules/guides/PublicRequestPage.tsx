import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert';
import { PageTitle } from '../../components/PageTitle';
import { useCreatePublicRequest } from './guides.api';
import { RequestForm } from './RequestForm';
import { FollowCodeForm } from '../../components/FollowCodeForm';

/** "Request a Lotse / mediator": the public form, in every UI language, without an account. */
export function PublicRequestPage() {
  const { t } = useTranslation();
  const create = useCreatePublicRequest();

  if (create.data) {
    const { code } = create.data;
    return (
      <>
        <PageTitle>{t('guides:public.sentTitle')}</PageTitle>
        <Alert variant="success" role="status" title={t('guides:public.sent')}>
          <p className="kern-body">{t('guides:public.codeIntro')}</p>
          <p className="kern-heading-medium app-code" translate="no" dir="ltr" data-testid="request-code">
            {code}
          </p>
          <p className="kern-body">{t('guides:public.keepCode')}</p>
        </Alert>
        <p className="kern-body">
          <Link className="kern-link" to={`/guides/follow/${code}`}>
            {t('guides:public.followLink')}
          </Link>
        </p>
      </>
    );
  }

  return (
    <>
      <PageTitle>{t('guides:public.title')}</PageTitle>
      <p className="kern-body app-intro">{t('guides:public.intro')}</p>
      <RequestForm
        variant="public"
        pending={create.isPending}
        error={create.error}
        onSubmit={(input) => {
          const { caseRef: _caseRef, ...body } = input;
          create.mutate(body);
        }}
      />
      <FollowCodeForm
        id="follow-code"
        length={12}
        path={(code) => `/guides/follow/${code}`}
        texts={{
          heading: t('guides:public.haveCode'),
          label: t('guides:public.codeLabel'),
          invalid: t('guides:public.codeInvalid'),
          submit: t('guides:public.follow'),
        }}
      />
    </>
  );
}
