import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Alert } from '../../components/Alert';
import { PageTitle } from '../../components/PageTitle';
import { useCreatePublicRequest } from './guides.api';
import { RequestForm } from './RequestForm';
import { TextInput } from '../../components/Fields';
import { formatCode, normaliseCode } from '../../../../server/core/codes.ts';

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
      <FollowByCode />
    </>
  );
}

/** "I have a code": opens the follow page. */
function FollowByCode() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // Any case, with or without dashes and spaces: the server compares codes as typed back.
    const typed = normaliseCode(code);
    if (!/^[A-Z0-9]{12}$/.test(typed)) {
      setInvalid(true);
      return;
    }
    navigate(`/guides/follow/${formatCode(typed)}`);
  };
  return (
    <section className="app-section" aria-labelledby="follow-heading">
      <h2 className="kern-heading-medium" id="follow-heading">
        {t('guides:public.haveCode')}
      </h2>
      <form className="app-inline-form" onSubmit={onSubmit} noValidate>
        <TextInput
          id="follow-code"
          name="code"
          label={t('guides:public.codeLabel')}
          value={code}
          onValueChange={setCode}
          error={invalid ? t('guides:public.codeInvalid') : undefined}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          dir="ltr"
          maxLength={20}
        />
        <button type="submit" className="kern-btn kern-btn--secondary">
          <span className="kern-label">{t('guides:public.follow')}</span>
        </button>
      </form>
    </section>
  );
}
