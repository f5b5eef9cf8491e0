import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useCity } from '../../app/city';
import { useSession } from '../../app/session';
import { useCityTime } from '../../app/time';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CheckGroup, Checkboxes, Select, TextArea } from '../../components/Fields';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { Messages } from './FollowPage';
import {
  ACTION_LABEL,
  AFFECTED_LABEL,
  CONTACT_LABEL,
  EXTREMIST_LABEL,
  GROUND_LABEL,
  PLACE_LABEL,
  POLICE_LABEL,
  SETTING_LABEL,
  SOURCE_LABEL,
  STATUS_LABEL,
} from './labels';
import {
  ACTIONS,
  type CaseDetail,
  paths,
  REPORT_STATUSES,
  type ReportStatus,
  useCase,
  useCaseAction,
  useCases,
} from './reports.api';

/** One case: what was reported, triage, messages to the reporter through the code, internal notes. */
export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const found = useCase(id);
  return (
    <>
      <PageTitle>{t('reports:case.title')}</PageTitle>
      <p className="kern-body">
        <Link className="kern-link" to="/reports">
          {t('reports:case.back')}
        </Link>
      </p>
      <ErrorAlert error={found.error} focus={false} />
      {found.isPending ? <Loading /> : null}
      {found.data ? <CaseBody report={found.data} /> : null}
    </>
  );
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="kern-label">{term}</dt>
      <dd className="kern-body">{children}</dd>
    </>
  );
}

function CaseBody({ report }: { report: CaseDetail }) {
  const { t } = useTranslation();
  const dates = useCityTime();
  const city = useCity();
  const { user } = useSession();
  const action = useCaseAction(report.id);
  const ortsteil = city.data?.districts
    .flatMap((d) => d.ortsteile)
    .find((o) => o.id === report.ortsteilId)?.name;
  return (
    <>
      <dl className="app-reports__facts">
        <Fact term={t('reports:cases.received')}>{dates.dateTime(report.receivedAt)}</Fact>
        <Fact term={t('reports:cases.status')}>
          <span data-testid="case-status">{t(STATUS_LABEL[report.status])}</span>
        </Fact>
        <Fact term={t('reports:case.source')}>{t(SOURCE_LABEL[report.source])}</Fact>
        <Fact term={t('reports:form.when')}>
          {report.occurredOn ? dates.date(report.occurredOn) : (report.occurredAbout ?? '–')}
        </Fact>
        <Fact term={t('reports:form.where')}>{ortsteil ?? t(PLACE_LABEL[report.placeKind])}</Fact>
        <Fact term={t('reports:form.setting')}>{t(SETTING_LABEL[report.setting])}</Fact>
        <Fact term={t('reports:form.grounds')}>
          {report.grounds.map((g) => t(GROUND_LABEL[g])).join(', ')}
        </Fact>
        <Fact term={t('reports:form.violence')}>
          {report.violence ? t('reports:form.yes') : t('reports:form.no')}
        </Fact>
        <Fact term={t('reports:form.police')}>{t(POLICE_LABEL[report.police])}</Fact>
        <Fact term={t('reports:form.extremist')}>
          {report.extremist.length
            ? report.extremist.map((e) => t(EXTREMIST_LABEL[e])).join(', ')
            : t('reports:form.no')}
        </Fact>
        <Fact term={t('reports:form.affected')}>{t(AFFECTED_LABEL[report.affected])}</Fact>
        <Fact term={t('reports:cases.assigned')}>{report.assignedName ?? '–'}</Fact>
      </dl>
      {report.mergedInto ? (
        <p className="kern-body" data-testid="case-merged">
          {t('reports:case.mergedInto')}{' '}
          <Link className="kern-link" to={`/reports/${report.mergedInto}`}>
            {t('reports:case.openMerged')}
          </Link>
        </p>
      ) : null}
      {report.description ? (
        <blockquote className="kern-body app-reports__description" dir="auto">
          {report.description}
        </blockquote>
      ) : null}
      {report.duplicates.length > 0 ? (
        <section aria-labelledby="case-duplicates">
          <h2 className="kern-heading-small" id="case-duplicates">
            {t('reports:case.duplicates')}
          </h2>
          <ul className="app-reports__messages">
            {report.duplicates.map((d) => (
              <li key={d.id} className="app-reports__message" data-testid="case-duplicate">
                <p className="kern-body kern-body--small">
                  {dates.dateTime(d.receivedAt)} · {t(SOURCE_LABEL[d.source])}
                </p>
                {d.description ? (
                  <p className="kern-body" dir="auto">
                    {d.description}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {report.contact ? (
        <p className="kern-body" data-testid="case-contact">
          {t(CONTACT_LABEL[report.contact.kind])}: <span dir="ltr">{report.contact.value}</span> (
          {report.contact.language})
        </p>
      ) : report.hasContact ? (
        <p className="kern-body kern-body--small">{t('reports:case.contactHidden')}</p>
      ) : null}
      {report.photos.length > 0 ? (
        <section aria-labelledby="case-photos">
          <h2 className="kern-heading-small" id="case-photos">
            {t('reports:case.photos')}
          </h2>
          <ul className="app-reports__photos">
            {report.photos.map((photo, i) => (
              <li key={photo.id}>
                <a
                  className="kern-link"
                  href={paths.photo(report.id, photo.id)}
                  target="_blank"
                  rel="noreferrer"
                >
                  <img
                    src={paths.photo(report.id, photo.id)}
                    alt={t('reports:case.photoAlt', { n: i + 1 })}
                    data-testid="case-photo"
                  />
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Triage
        key={`${report.status}-${report.assignedTo}`}
        report={report}
        userId={user?.id ?? null}
        action={action}
      />
      {report.mergedInto ? null : <Merge report={report} action={action} />}
      <Messages messages={report.messages} />
      <Compose
        id="case-message"
        label={t('reports:case.message')}
        hint={t('reports:case.messageHint')}
        button={t('reports:case.sendMessage')}
        mutation={action.message}
      />
      <section className="app-section" aria-labelledby="case-notes-heading">
        <h2 className="kern-heading-medium" id="case-notes-heading">
          {t('reports:case.notes')}
        </h2>
        <ul className="app-reports__messages">
          {report.notes.map((n) => (
            <li key={n.at} className="app-reports__message">
              <p className="kern-body kern-body--small">
                {n.authorName ?? '–'} · {dates.dateTime(n.at)}
              </p>
              <p className="kern-body" dir="auto">
                {n.body}
              </p>
            </li>
          ))}
        </ul>
        <Compose
          id="case-note"
          label={t('reports:case.note')}
          button={t('reports:case.addNote')}
          mutation={action.note}
        />
      </section>
    </>
  );
}

function Triage({
  report,
  userId,
  action,
}: {
  report: CaseDetail;
  userId: string | null;
  action: ReturnType<typeof useCaseAction>;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ReportStatus>(report.status);
  const [actions, setActions] = useState(report.actions);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    action.update.mutate({ status, actions });
  };
  return (
    <section className="app-section" aria-labelledby="case-triage-heading">
      <h2 className="kern-heading-medium" id="case-triage-heading">
        {t('reports:case.triage')}
      </h2>
      {userId && report.assignedTo !== userId ? (
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          onClick={() =>
            action.update.mutate({
              assignedTo: userId,
              status: report.status === 'new' ? 'counselling' : report.status,
            })
          }
        >
          <span className="kern-label">{t('reports:case.take')}</span>
        </button>
      ) : null}
      <form className="app-stack" onSubmit={onSubmit} noValidate>
        <Select
          id="case-status"
          name="status"
          label={t('reports:cases.status')}
          value={status}
          onValueChange={(value) => setStatus(value as ReportStatus)}
          options={REPORT_STATUSES.map((s) => ({ value: s, label: t(STATUS_LABEL[s]) }))}
        />
        <CheckGroup id="case-actions" legend={t('reports:case.actions')}>
          <Checkboxes
            idPrefix="case-action"
            options={ACTIONS}
            labelOf={(a) => t(ACTION_LABEL[a])}
            selected={actions}
            onChange={setActions}
          />
        </CheckGroup>
        <ErrorAlert error={action.update.error} />
        <button type="submit" className="kern-btn kern-btn--primary" disabled={action.update.isPending}>
          <span className="kern-label">{t('reports:case.save')}</span>
        </button>
      </form>
    </section>
  );
}

function Compose({
  id,
  label,
  hint,
  button,
  mutation,
}: {
  id: string;
  label: string;
  hint?: string;
  button: string;
  mutation: ReturnType<typeof useCaseAction>['note'];
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [empty, setEmpty] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    mutation.mutate({ body }, { onSuccess: () => setBody('') });
  };
  return (
    <form className="app-stack" onSubmit={onSubmit} noValidate>
      <TextArea
        id={id}
        name="body"
        label={label}
        hint={hint}
        value={body}
        onValueChange={setBody}
        error={empty ? t('reports:form.required') : undefined}
        maxLength={4000}
      />
      <ErrorAlert error={mutation.error} />
      <button type="submit" className="kern-btn kern-btn--secondary" disabled={mutation.isPending}>
        <span className="kern-label">{button}</span>
      </button>
    </form>
  );
}

/**
 * A duplicate (the same incident reported again) is merged into the case it repeats: the list offers the latest
 * cases; afterwards both reporters' codes open that case.
 */
function Merge({ report, action }: { report: CaseDetail; action: ReturnType<typeof useCaseAction> }) {
  const { t } = useTranslation();
  const dates = useCityTime();
  const navigate = useNavigate();
  const latest = useCases({ page: 1, per_page: 50 });
  const [intoId, setIntoId] = useState('');
  const [missing, setMissing] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!intoId);
    if (!intoId) return;
    action.merge.mutate({ intoId }, { onSuccess: (into) => navigate(`/reports/${into.id}`) });
  };
  const options = (latest.data?.items ?? [])
    .filter((item) => item.id !== report.id)
    .map((item) => ({
      value: item.id,
      label: `${dates.dateTime(item.receivedAt)} · ${t(SETTING_LABEL[item.setting])} · ${item.grounds
        .map((g) => t(GROUND_LABEL[g]))
        .join(', ')}`,
    }));
  return (
    <section className="app-section" aria-labelledby="case-merge-heading">
      <h2 className="kern-heading-medium" id="case-merge-heading">
        {t('reports:case.mergeTitle')}
      </h2>
      <form className="app-stack" onSubmit={onSubmit} noValidate>
        <Select
          id="case-merge-into"
          name="intoId"
          label={t('reports:case.mergeInto')}
          hint={t('reports:case.mergeHint')}
          placeholder={t('reports:form.choose')}
          value={intoId}
          onValueChange={setIntoId}
          error={missing ? t('reports:form.required') : undefined}
          options={options}
        />
        <ErrorAlert error={action.merge.error} fieldLabels={{ intoId: t('reports:case.mergeInto') }} />
        <button type="submit" className="kern-btn kern-btn--secondary" disabled={action.merge.isPending}>
          <span className="kern-label">{t('reports:case.merge')}</span>
        </button>
      </form>
    </section>
  );
}
