import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { type Call, paths, useCall, useCalls, useStart } from './funding.api';
import { CATEGORY_LABEL, DOCUMENT_LABEL } from './labels';

/** Whole euros in the reader's language. */
export function useEuros() {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language, {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  });
  return (value: number) => format.format(value);
}

function useDeadline() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  });
  return (iso: string) => format.format(new Date(iso));
}

function CallFacts({ call }: { call: Call }) {
  const { t } = useTranslation();
  const euros = useEuros();
  const deadline = useDeadline();
  return (
    <dl className="app-funding__facts">
      <dt>{t('funding:call.deadline')}</dt>
      <dd>{deadline(call.deadline)}</dd>
      <dt>{t('funding:call.budget')}</dt>
      <dd>{euros(call.budget)}</dd>
      <dt>{t('funding:call.maxPerProject')}</dt>
      <dd>{euros(call.maxPerProject)}</dd>
    </dl>
  );
}

/** The public list of open calls, nearest deadline first. */
export function CallsPage() {
  const { t } = useTranslation();
  const calls = useCalls();
  return (
    <>
      <PageTitle>{t('funding:calls.title')}</PageTitle>
      <p className="kern-body">{t('funding:calls.intro')}</p>
      <ErrorAlert error={calls.error} focus={false} />
      {calls.isPending ? <Loading /> : null}
      {calls.data ? (
        calls.data.items.length === 0 ? (
          <p className="kern-body">{t('funding:calls.none')}</p>
        ) : (
          <ul className="app-funding__list">
            {calls.data.items.map((call) => (
              <li key={call.id} className="app-funding__card">
                <h2 className="kern-heading-small" lang={call.language}>
                  <Link className="kern-link" to={`/foerderung/${call.id}`}>
                    {call.title}
                  </Link>
                </h2>
                <CallFacts call={call} />
              </li>
            ))}
          </ul>
        )
      ) : null}
    </>
  );
}

/** One call: its text, money, eligible costs, criteria, documents and deadline; associations start here. */
export function CallPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const call = useCall(id);
  const { user } = useSession();
  const start = useStart();
  const navigate = useNavigate();
  if (call.isPending) return <Loading />;
  if (!call.data) return <ErrorAlert error={call.error} />;
  const c = call.data;
  return (
    <>
      <PageTitle>{c.title}</PageTitle>
      <p className="kern-body app-funding__text" lang={c.language}>
        {c.text}
      </p>
      <CallFacts call={c} />
      {c.state === 'open' ? (
        <p className="kern-body">
          <a className="kern-link" href={paths.deadlineIcs(c.id)} download>
            {t('funding:call.calendar')}
          </a>
        </p>
      ) : null}
      <h2 className="kern-heading-small">{t('funding:call.categories')}</h2>
      <ul className="kern-list">
        {c.categories.map((category) => (
          <li key={category}>{t(CATEGORY_LABEL[category])}</li>
        ))}
      </ul>
      <h2 className="kern-heading-small">{t('funding:call.criteria')}</h2>
      <ul className="kern-list">
        {c.criteria.map((criterion) => (
          <li key={criterion.key}>
            <span lang={c.language}>{criterion.label}</span> – {criterion.weight} %
          </li>
        ))}
      </ul>
      {c.requiredDocuments.length > 0 ? (
        <>
          <h2 className="kern-heading-small">{t('funding:call.documents')}</h2>
          <ul className="kern-list">
            {c.requiredDocuments.map((kind) => (
              <li key={kind}>{t(DOCUMENT_LABEL[kind])}</li>
            ))}
          </ul>
        </>
      ) : null}
      {user?.role === 'association' && c.state === 'open' ? (
        <>
          <ErrorAlert error={start.error} />
          <button
            type="button"
            className="kern-btn kern-btn--primary"
            disabled={start.isPending}
            onClick={() =>
              start.mutate(c.id, { onSuccess: (application) => navigate(`/funding/${application.id}`) })
            }
          >
            <span className="kern-label">{t('funding:call.apply')}</span>
          </button>
        </>
      ) : null}
      {user === null ? <p className="kern-body">{t('funding:call.signIn')}</p> : null}
    </>
  );
}
