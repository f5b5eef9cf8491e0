import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableScroll } from '../../components/TableScroll';
import { useLanguageNames } from '../../app/languages';
import { FirstDayForm } from './ChildPage';
import {
  FORM_LABEL,
  GRADES,
  isOneOf,
  KIND_LABEL,
  PLACEMENT_LABEL,
  SCHOOL_FORMS,
  type SchoolForm,
  SEAT_KINDS,
  type SeatKind,
} from './labels';
import {
  type SchoolChild,
  type SchoolSeats,
  type SeatGroupBody,
  useDecide,
  useSaveSeats,
  useSchoolChildren,
  useSeats,
} from './schooling.api';
import { Select, TextArea, TextInput } from '../../components/Fields';
import { useCityTime } from '../../app/time';

type Row = {
  key: number;
  form: SchoolForm;
  gradeFrom: string;
  gradeTo: string;
  kind: SeatKind;
  free: string;
};

let nextKey = 1;
const toRow = (group: SeatGroupBody): Row => ({
  key: nextKey++,
  form: group.form,
  gradeFrom: String(group.gradeFrom),
  gradeTo: String(group.gradeTo),
  kind: group.kind,
  free: String(group.free),
});

function SeatsEditor({ seats }: { seats: SchoolSeats }) {
  const { t } = useTranslation();
  const dates = useCityTime();
  const save = useSaveSeats(seats.schoolId);
  const [rows, setRows] = useState<Row[]>(() => seats.groups.map(toRow));
  const [saved, setSaved] = useState(false);
  const gradeOptions = GRADES.map((grade) => ({ value: String(grade), label: String(grade) }));
  const labels = {
    form: t('schooling:seats.form'),
    gradeFrom: t('schooling:seats.gradeFrom'),
    gradeTo: t('schooling:seats.gradeTo'),
    kind: t('schooling:seats.kind'),
    free: t('schooling:seats.free'),
  };
  const setRow = (key: number, changes: Partial<Row>) =>
    setRows((list) => list.map((row) => (row.key === key ? { ...row, ...changes } : row)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate(
      rows.map((row) => ({
        form: row.form,
        gradeFrom: Number(row.gradeFrom),
        gradeTo: Number(row.gradeTo),
        kind: row.kind,
        free: Number.parseInt(row.free, 10),
      })),
      {
        onSuccess: (reply) => {
          setRows(reply.groups.map(toRow));
          setSaved(true);
        },
      },
    );
  };

  return (
    <section className="app-section" aria-labelledby="seats-heading">
      <h2 className="kern-heading-medium" id="seats-heading">
        {t('schooling:seats.heading')}
      </h2>
      <p className="kern-body app-intro">{t('schooling:seats.intro')}</p>
      <p className="kern-body" id="seats-updated">
        {seats.lastUpdatedAt
          ? t('schooling:seats.lastUpdate', {
              date: dates.dateTime(seats.lastUpdatedAt),
              name: seats.lastUpdatedBy ?? '–',
            })
          : t('schooling:seats.neverUpdated')}
      </p>
      <form className="app-form app-form--wide" onSubmit={submit} noValidate>
        <ErrorAlert error={save.error} fieldLabels={labels} />
        {saved ? <Alert variant="success" role="status" title={t('schooling:seats.saved')} /> : null}
        {rows.length === 0 ? <p className="kern-body">{t('schooling:seats.empty')}</p> : null}
        <ul className="app-schooling__seat-rows">
          {rows.map((row, index) => (
            <li key={row.key}>
              <fieldset className="app-schooling__seat-row" aria-labelledby={`seat-${row.key}-legend`}>
                <legend className="kern-label" id={`seat-${row.key}-legend`}>
                  {t('schooling:seats.group', { number: index + 1 })}
                </legend>
                <Select
                  id={`seat-${row.key}-form`}
                  label={labels.form}
                  value={row.form}
                  options={SCHOOL_FORMS.map((form) => ({ value: form, label: t(FORM_LABEL[form]) }))}
                  onValueChange={(form) => setRow(row.key, { form: form as SchoolForm })}
                />
                <Select
                  id={`seat-${row.key}-gradeFrom`}
                  label={labels.gradeFrom}
                  value={row.gradeFrom}
                  options={gradeOptions}
                  onValueChange={(gradeFrom) => setRow(row.key, { gradeFrom })}
                />
                <Select
                  id={`seat-${row.key}-gradeTo`}
                  label={labels.gradeTo}
                  value={row.gradeTo}
                  options={gradeOptions}
                  onValueChange={(gradeTo) => setRow(row.key, { gradeTo })}
                />
                <Select
                  id={`seat-${row.key}-kind`}
                  label={labels.kind}
                  value={row.kind}
                  options={SEAT_KINDS.map((kind) => ({ value: kind, label: t(KIND_LABEL[kind]) }))}
                  onValueChange={(kind) => setRow(row.key, { kind: kind as SeatKind })}
                />
                <TextInput
                  id={`seat-${row.key}-free`}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={500}
                  label={labels.free}
                  value={row.free}
                  onValueChange={(free) => setRow(row.key, { free })}
                />
                <button
                  type="button"
                  className="kern-btn kern-btn--tertiary kern-btn--small"
                  onClick={() => setRows((list) => list.filter((r) => r.key !== row.key))}
                >
                  <span className="kern-icon kern-icon--delete" aria-hidden="true" />
                  <span className="kern-label">{t('schooling:seats.remove', { number: index + 1 })}</span>
                </button>
              </fieldset>
            </li>
          ))}
        </ul>
        <div className="app-form__actions">
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            onClick={() =>
              setRows((list) => [
                ...list,
                toRow({ form: 'gesamtschule', gradeFrom: 5, gradeTo: 6, kind: 'support', free: 0 }),
              ])
            }
          >
            <span className="kern-icon kern-icon--add" aria-hidden="true" />
            <span className="kern-label">{t('schooling:seats.add')}</span>
          </button>
          <button type="submit" className="kern-btn kern-btn--primary" disabled={save.isPending}>
            <span className="kern-label">{t('schooling:seats.save')}</span>
          </button>
        </div>
      </form>
    </section>
  );
}

function ProposedChild({ child }: { child: SchoolChild }) {
  const { t } = useTranslation();
  const dates = useCityTime();
  const languages = useLanguageNames();
  const decide = useDecide();
  const [startDate, setStartDate] = useState(dates.today);
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const name = `${child.givenName} ${child.familyName}`;
  const id = child.placementId;
  const labels = { startDate: t('schooling:school.startDate'), reason: t('schooling:school.reason') };

  return (
    <li className="app-schooling__item" data-placement-id={id}>
      <h3 className="kern-heading-small" dir="auto">
        {name}
      </h3>
      <p className="kern-body">
        <span className="kern-badge kern-badge--info">
          <span className="kern-label">{t(PLACEMENT_LABEL[child.status])}</span>
        </span>
      </p>
      <dl className="app-schooling__facts">
        <div className="app-schooling__fact">
          <dt className="kern-label">{t('schooling:child.birthDate')}</dt>
          <dd className="kern-body">{dates.date(child.birthDate)}</dd>
        </div>
        <div className="app-schooling__fact">
          <dt className="kern-label">{t('schooling:child.languages')}</dt>
          <dd className="kern-body">{languages.listOf(child.languages)}</dd>
        </div>
        <div className="app-schooling__fact">
          <dt className="kern-label">{t('schooling:assessment.grade')}</dt>
          <dd className="kern-body">
            {child.grade !== null ? t('schooling:grade', { grade: child.grade }) : '–'}
            {isOneOf(SEAT_KINDS, child.kind) ? ` – ${t(KIND_LABEL[child.kind])}` : null}
          </dd>
        </div>
        <div className="app-schooling__fact">
          <dt className="kern-label">{t('schooling:child.schoolYears')}</dt>
          <dd className="kern-body">{child.schoolYears}</dd>
        </div>
        <div className="app-schooling__fact">
          <dt className="kern-label">{t('schooling:child.literateLatin')}</dt>
          <dd className="kern-body">{child.literateLatin ? t('schooling:yes') : t('schooling:no')}</dd>
        </div>
        <div className="app-schooling__fact">
          <dt className="kern-label">{t('schooling:child.specialNeeds')}</dt>
          <dd className="kern-body" dir="auto">
            {child.specialNeeds ?? t('schooling:record.none')}
          </dd>
        </div>
        <div className="app-schooling__fact">
          <dt className="kern-label">{t('schooling:family.guardianName')}</dt>
          <dd className="kern-body">
            <span dir="auto">{child.guardianName}</span>{' '}
            <span translate="no">{[child.phone, child.email].filter(Boolean).join(' · ')}</span>
          </dd>
        </div>
      </dl>
      {child.startDate ? (
        <p className="kern-body">
          {t('schooling:placement.startsOn', { date: dates.date(child.startDate) })}
        </p>
      ) : null}
      {child.firstSchoolDay ? (
        <p className="kern-body">
          {t('schooling:placement.firstDayWas', { date: dates.date(child.firstSchoolDay) })}
        </p>
      ) : null}
      <ErrorAlert error={decide.error} fieldLabels={labels} />
      {child.status === 'confirmed' ? (
        <div className="app-schooling__decide">
          <form
            className="app-inline-form app-schooling__inline"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              decide.mutate({ placementId: id, action: 'accept', startDate });
            }}
          >
            <TextInput
              id={`start-${id}`}
              type="date"
              label={labels.startDate}
              value={startDate}
              onValueChange={setStartDate}
            />
            <button
              type="submit"
              className="kern-btn kern-btn--primary kern-btn--small"
              disabled={decide.isPending}
              aria-label={t('schooling:school.acceptFor', { name })}
            >
              <span className="kern-label">{t('schooling:school.accept')}</span>
            </button>
          </form>
          <button
            type="button"
            className="kern-btn kern-btn--secondary kern-btn--small"
            aria-expanded={refusing}
            aria-controls={`refuse-${id}`}
            aria-label={t('schooling:school.refuseFor', { name })}
            onClick={() => setRefusing((open) => !open)}
          >
            <span className="kern-label">{t('schooling:school.refuse')}</span>
          </button>
          <form
            id={`refuse-${id}`}
            hidden={!refusing}
            className="app-form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              decide.mutate({ placementId: id, action: 'refuse', reason: reason.trim() });
            }}
          >
            <TextArea id={`reason-${id}`} label={labels.reason} value={reason} onValueChange={setReason} />
            <div className="app-form__actions">
              <button
                type="submit"
                className="kern-btn kern-btn--secondary kern-btn--small"
                disabled={decide.isPending}
              >
                <span className="kern-label">{t('schooling:school.refuseSubmit')}</span>
              </button>
            </div>
          </form>
        </div>
      ) : null}
      {child.status === 'accepted' && !child.firstSchoolDay ? (
        <FirstDayForm placementId={id} name={name} />
      ) : null}
    </li>
  );
}

/** School staff: our free places per form, grade band and kind; the children proposed to us. */
export function SchoolPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const schoolId = user?.organisationId ?? null;
  const seats = useSeats(schoolId);
  const children = useSchoolChildren(schoolId);

  if (!schoolId) {
    return (
      <>
        <PageTitle>{t('schooling:school.title')}</PageTitle>
        <p className="kern-body">{t('schooling:school.noSchool')}</p>
      </>
    );
  }
  const open = (children.data?.items ?? []).filter(
    (child) => child.status !== 'accepted' || !child.firstSchoolDay,
  );
  const done = (children.data?.items ?? []).filter(
    (child) => child.status === 'accepted' && child.firstSchoolDay,
  );
  return (
    <>
      <PageTitle>{t('schooling:school.title')}</PageTitle>
      {seats.data ? (
        <p className="kern-body kern-body--large" lang="de" id="school-name">
          {seats.data.name}
        </p>
      ) : null}
      {seats.isPending ? <Loading /> : null}
      <ErrorAlert error={seats.error} focus={false} />
      {seats.data ? <SeatsEditor seats={seats.data} key={seats.data.schoolId} /> : null}

      <section className="app-section" aria-labelledby="proposed-heading">
        <h2 className="kern-heading-medium" id="proposed-heading">
          {t('schooling:school.proposedHeading')}
        </h2>
        <p className="kern-body app-intro">{t('schooling:school.proposedIntro')}</p>
        <ErrorAlert error={children.error} focus={false} />
        {children.isPending ? <Loading /> : null}
        {children.data && open.length === 0 ? (
          <p className="kern-body">{t('schooling:school.none')}</p>
        ) : null}
        <ul className="app-schooling__list">
          {open.map((child) => (
            <ProposedChild child={child} key={child.placementId} />
          ))}
        </ul>
        {done.length > 0 ? (
          <TableScroll labelledBy="attending-caption">
            <table className="kern-table kern-table--small">
              <caption className="kern-heading-small" id="attending-caption">
                {t('schooling:school.attending')}
              </caption>
              <thead>
                <tr className="kern-table__row">
                  <th className="kern-table__header" scope="col">
                    {t('schooling:children.name')}
                  </th>
                  <th className="kern-table__header" scope="col">
                    {t('schooling:placement.firstDay')}
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {done.map((child) => (
                  <tr className="kern-table__row" key={child.placementId}>
                    <td className="kern-table__cell" dir="auto">
                      {child.givenName} {child.familyName}
                    </td>
                    <AttendingDate day={child.firstSchoolDay} />
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
      </section>
    </>
  );
}

function AttendingDate({ day }: { day: string | null }) {
  const dates = useCityTime();
  return <td className="kern-table__cell app-nowrap">{dates.date(day)}</td>;
}
