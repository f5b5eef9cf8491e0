import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert';
import { PageTitle } from '../../components/PageTitle';
import { useCreateRequest } from './guides.api';
import { RequestForm } from './RequestForm';

/** An institution books a language and culture mediator for its appointment. */
export function BookPage() {
  const { t } = useTranslation();
  const create = useCreateRequest();
  if (create.data) {
    return (
      <>
        <PageTitle>{t('guides:book.sentTitle')}</PageTitle>
        <Alert variant="success" role="status" title={t('guides:book.sent')}>
          <p className="kern-body">{t('guides:book.sentText')}</p>
        </Alert>
        <p className="kern-body">
          <Link className="kern-link" to={`/guides/requests/${create.data.id}`}>
            {t('guides:book.open')}
          </Link>
        </p>
        <p className="kern-body">
          <Link className="kern-link" to="/guides/requests">
            {t('guides:book.toList')}
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageTitle>{t('guides:book.title')}</PageTitle>
      <p className="kern-body app-intro">{t('guides:book.intro')}</p>
      <RequestForm
        variant="booking"
        pending={create.isPending}
        error={create.error}
        onSubmit={(input) => create.mutate(input)}
      />
    </>
  );
}
