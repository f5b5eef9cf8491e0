import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import {
  type EditableService,
  useEditableService,
  useOrganisationList,
  useSaveService,
  useServiceAction,
} from './editor.api';
import { emptyForm, formFromService } from './form';
import { STATUS_BADGE, STATUS_LABEL } from './labels';
import { ServiceForm } from './ServiceForm';
import { useCity } from '../../app/city';

/** What the page says after a save (carried in the router state of the navigation to it). */
type Saved = 'created' | 'saved' | 'pending';
const SAVED_TITLE = {
  created: 'directory-editor:edit.created',
  saved: 'directory-editor:edit.saved',
  pending: 'directory-editor:edit.pending',
} as const satisfies Record<Saved, string>;

const isReviewer = (role: string | undefined) => role === 'coordinator' || role === 'admin';

function StatusPanel({ service, saved }: { service: EditableService; saved: Saved | undefined }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const action = useServiceAction();
  const name = service.texts.name.de ?? '';
  const submitted = action.isSuccess && action.variables?.action === 'submit';
  return (
    <div className="app-stack">
      {saved ? (
        <Alert variant={saved === 'pending' ? 'info' : 'success'} role="status" title={t(SAVED_TITLE[saved])}>
          {saved === 'pending' ? <p className="kern-body">{t('directory-editor:edit.pendingText')}</p> : null}
        </Alert>
      ) : null}
      {submitted ? (
        <Alert variant="success" role="status" title={t('directory-editor:list.submitted', { name })} />
      ) : null}
      <ErrorAlert error={action.error} />
      <p className="kern-body app-editor__status">
        <span>{t('directory-editor:edit.statusLabel')}</span>{' '}
        <span className={`kern-badge kern-badge--${STATUS_BADGE[service.status]}`}>
          <span className="kern-label">{t(STATUS_LABEL[service.status])}</span>
        </span>
      </p>
      <div className="app-form__actions">
        {service.status === 'draft' && !submitted && !isReviewer(user?.role) ? (
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            disabled={action.isPending}
            onClick={() => action.mutate({ id: service.id, action: 'submit', name })}
          >
            <span className="kern-label">{t('directory-editor:list.submit')}</span>
          </button>
        ) : null}
        <Link className="kern-link" to={`/editor/${encodeURIComponent(service.id)}/history`}>
          {t('directory-editor:list.history')}
        </Link>
        <Link className="kern-link" to="/editor">
          {t('directory-editor:edit.back')}
        </Link>
      </div>
    </div>
  );
}

/** Adds an offer (`/editor/new`) or changes one (`/editor/:id`). */
export function EditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { user } = useSession();
  const reviewer = isReviewer(user?.role);
  const existing = useEditableService(id);
  const city = useCity();
  const organisations = useOrganisationList(reviewer);
  const save = useSaveService(id);
  const saved = (location.state as { saved?: Saved } | null)?.saved;

  const title = id ? t('directory-editor:edit.title') : t('directory-editor:edit.newTitle');
  if (id && existing.isPending) return <Loading />;
  if (id && existing.error)
    return (
      <>
        <PageTitle>{title}</PageTitle>
        <ErrorAlert error={existing.error} />
      </>
    );
  if (reviewer && organisations.isPending) return <Loading />;

  const service = existing.data;
  const initial = service ? formFromService(service) : emptyForm(user?.organisationId ?? '');

  return (
    <>
      <PageTitle>{title}</PageTitle>
      {service ? (
        <StatusPanel service={service} saved={saved} />
      ) : (
        <p className="kern-body app-intro">{t('directory-editor:edit.newIntro')}</p>
      )}
      <ServiceForm
        key={`${id ?? 'new'}-${service?.lastCheckedAt ?? ''}-${existing.dataUpdatedAt}`}
        initial={initial}
        isNew={!id}
        outdated={service?.outdated ?? []}
        organisations={reviewer ? (organisations.data?.items ?? []) : null}
        city={city.data}
        saving={save.isPending}
        error={save.error}
        onSave={(body) =>
          save.mutate(body, {
            onSuccess: (result) => {
              const next: Saved = !id ? 'created' : result.pendingReview ? 'pending' : 'saved';
              navigate(`/editor/${encodeURIComponent(result.id)}`, { state: { saved: next }, replace: !!id });
              window.scrollTo({ top: 0 });
            },
          })
        }
      />
    </>
  );
}
