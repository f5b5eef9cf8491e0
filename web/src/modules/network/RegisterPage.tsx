import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCity } from '../../app/city';
import { useLanguageNames } from '../../app/languages';
import { useSession } from '../../app/session';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/errorText';
import { Checkbox, CheckGroup, Checkboxes, Select, TextArea, TextInput } from '../../components/Fields';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableScroll } from '../../components/TableScroll';
import { ACTOR_KIND_LABEL, TARGET_GROUP_LABEL } from './labels';
import {
  ACTOR_KINDS,
  type ActorKind,
  type ActorView,
  TARGET_GROUPS,
  type TargetGroup,
  useActors,
  useApproveActor,
  useCreateActor,
  useMyActor,
  useWorkingGroups,
} from './network.api';

type Draft = {
  name: string;
  kind: ActorKind;
  description: string;
  districts: string[];
  targetGroups: TargetGroup[];
  languages: string[];
  public: boolean;
};

const EMPTY: Draft = {
  name: '',
  kind: 'association',
  description: '',
  districts: [],
  targetGroups: [],
  languages: ['deu'],
  public: true,
};

/** The entry form: staff register their own organisation (the KI approves it); the KI enters a new actor. */
function ActorForm({ byCoordinator }: { byCoordinator: boolean }) {
  const { t } = useTranslation();
  const city = useCity();
  const names = useLanguageNames();
  const create = useCreateActor();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const labels = {
    name: t('network:register.name'),
    kind: t('network:register.kind'),
    description: t('network:register.description'),
    districts: t('network:register.districts'),
    targetGroups: t('network:plan.targetGroups'),
    languages: t('network:plan.languages'),
  };
  const errorOf = useFieldError(create.error, labels);
  const districts = city.data?.districts ?? [];
  const districtName = new Map(districts.map((d) => [d.id, d.name]));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        name: draft.name,
        kind: draft.kind,
        description: draft.description || null,
        districts: draft.districts,
        topics: [],
        languages: draft.languages,
        targetGroups: draft.targetGroups,
        public: draft.public,
        contacts: [],
      },
      { onSuccess: () => setDraft(EMPTY) },
    );
  };

  return (
    <section className="app-section" aria-labelledby="actor-form-title">
      <h2 className="kern-heading-medium" id="actor-form-title">
        {byCoordinator ? t('network:register.newTitle') : t('network:register.ownTitle')}
      </h2>
      <p className="kern-body">
        {byCoordinator ? t('network:register.newHint') : t('network:register.ownHint')}
      </p>
      {create.data ? (
        <Alert
          variant="success"
          role="status"
          title={t(create.data.status === 'approved' ? 'network:register.entered' : 'network:register.sent', {
            name: create.data.name,
          })}
        />
      ) : null}
      <form onSubmit={submit} noValidate>
        <ErrorAlert error={create.error} fieldLabels={labels} />
        <TextInput
          id="actor-name"
          label={labels.name}
          value={draft.name}
          onValueChange={(name) => set({ name })}
          error={errorOf('name')}
          maxLength={200}
        />
        <Select
          id="actor-kind"
          label={labels.kind}
          value={draft.kind}
          onValueChange={(kind) => set({ kind: kind as ActorKind })}
          options={ACTOR_KINDS.map((k) => ({ value: k, label: t(ACTOR_KIND_LABEL[k]) }))}
        />
        <TextArea
          id="actor-description"
          label={labels.description}
          optional
          value={draft.description}
          onValueChange={(description) => set({ description })}
          error={errorOf('description')}
        />
        <CheckGroup id="districts" legend={labels.districts} error={errorOf('districts')} horizontal>
          <Checkboxes
            idPrefix="district"
            options={districts.map((d) => d.id)}
            labelOf={(id) => districtName.get(id) ?? id}
            selected={draft.districts}
            onChange={(chosen) => set({ districts: chosen })}
          />
        </CheckGroup>
        <CheckGroup id="targetGroups" legend={labels.targetGroups} error={errorOf('targetGroups')} horizontal>
          <Checkboxes
            idPrefix="actor-group"
            options={TARGET_GROUPS}
            labelOf={(g) => t(TARGET_GROUP_LABEL[g])}
            selected={draft.targetGroups}
            onChange={(targetGroups) => set({ targetGroups })}
          />
        </CheckGroup>
        <CheckGroup id="languages" legend={labels.languages} error={errorOf('languages')} horizontal>
          <Checkboxes
            idPrefix="actor-language"
            options={city.data?.guideLanguages ?? ['deu']}
            labelOf={names.nameOf}
            selected={draft.languages}
            onChange={(languages) => set({ languages })}
          />
        </CheckGroup>
        <Checkbox
          id="actor-public"
          label={t('network:register.public')}
          describedBy="actor-public-hint"
          checked={draft.public}
          onChange={(on) => set({ public: on })}
        />
        <p className="kern-hint" id="actor-public-hint">
          {t('network:register.publicHint')}
        </p>
        <button className="kern-btn kern-btn--primary" type="submit" disabled={create.isPending}>
          <span className="kern-label">
            {byCoordinator ? t('network:register.enter') : t('network:register.send')}
          </span>
        </button>
      </form>
    </section>
  );
}

/** The entries waiting for the KI's approval, each with its button. */
function Pending() {
  const { t } = useTranslation();
  const city = useCity();
  const pending = useActors({ status: 'pending' });
  const approve = useApproveActor();
  const districtName = new Map((city.data?.districts ?? []).map((d) => [d.id, d.name]));
  return (
    <section className="app-section" aria-labelledby="pending-title">
      <h2 className="kern-heading-medium" id="pending-title">
        {t('network:register.pendingTitle')}
      </h2>
      <ErrorAlert error={pending.error ?? approve.error} focus={false} />
      {approve.data ? (
        <Alert
          variant="success"
          role="status"
          title={t('network:register.approved', { name: approve.data.name })}
        />
      ) : null}
      {pending.isPending ? <Loading /> : null}
      {pending.data?.items.length === 0 ? (
        <p className="kern-body">{t('network:register.nonePending')}</p>
      ) : null}
      <ul className="app-list">
        {pending.data?.items.map((a) => (
          <li key={a.id} className="kern-body app-inline-form">
            <span dir="auto">
              <strong>{a.name}</strong> · {t(ACTOR_KIND_LABEL[a.kind])} ·{' '}
              {a.districts.map((d) => districtName.get(d) ?? d).join(', ')}
            </span>
            <button
              type="button"
              className="kern-btn kern-btn--primary kern-btn--small"
              disabled={approve.isPending}
              onClick={() => approve.mutate(a.id)}
              aria-label={t('network:register.approveFor', { name: a.name })}
            >
              <span className="kern-label">{t('network:register.approve')}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The approved actors, one row each. */
function Register({ items }: { items: ActorView[] }) {
  const { t } = useTranslation();
  const city = useCity();
  const districtName = new Map((city.data?.districts ?? []).map((d) => [d.id, d.name]));
  return (
    <TableScroll labelledBy="register-caption">
      <table className="kern-table kern-table--small kern-table--striped">
        <caption className="kern-title" id="register-caption">
          {t('network:register.listTitle', { count: items.length })}
        </caption>
        <thead>
          <tr className="kern-table__row">
            <th className="kern-table__header" scope="col">
              {t('network:register.name')}
            </th>
            <th className="kern-table__header" scope="col">
              {t('network:register.kind')}
            </th>
            <th className="kern-table__header" scope="col">
              {t('network:register.districts')}
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {items.map((a) => (
            <tr className="kern-table__row" key={a.id}>
              <td className="kern-table__cell" dir="auto">
                {a.name}
              </td>
              <td className="kern-table__cell">{t(ACTOR_KIND_LABEL[a.kind])}</td>
              <td className="kern-table__cell">
                {a.districts.map((d) => districtName.get(d) ?? d).join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/**
 * The register of actors: an organisation registers itself (pending until the KI approves it), the KI's
 * coordinators approve new entries and enter actors; the working groups with their members; the approved actors.
 */
export function RegisterPage() {
  const { t } = useTranslation();
  const session = useSession();
  const me = useMyActor();
  const role = session.user?.role;
  const coordinator = role === 'coordinator' || role === 'admin';
  const approved = useActors({ status: 'approved' });
  const groups = useWorkingGroups();
  const own = me.data?.actor;
  return (
    <>
      <PageTitle>{t('network:register.pageTitle')}</PageTitle>
      {own ? (
        <Alert
          variant={own.status === 'approved' ? 'success' : 'info'}
          title={t(
            own.status === 'approved' ? 'network:register.ownApproved' : 'network:register.ownPending',
            {
              name: own.name,
            },
          )}
        />
      ) : null}
      {coordinator ? <Pending /> : null}
      {coordinator || (me.data && !own && session.user?.organisationId) ? (
        <ActorForm byCoordinator={coordinator} />
      ) : null}
      <section className="app-section" aria-labelledby="groups-title">
        <h2 className="kern-heading-medium" id="groups-title">
          {t('network:register.groupsTitle')}
        </h2>
        <ErrorAlert error={groups.error} focus={false} />
        <ul className="app-list">
          {groups.data?.items.map((g) => (
            <li key={g.id} className="kern-body">
              <strong dir="auto">{g.name}</strong>:{' '}
              <span dir="auto">{g.members.map((m) => m.name).join(', ')}</span>
            </li>
          ))}
        </ul>
      </section>
      <section className="app-section">
        <ErrorAlert error={approved.error} focus={false} />
        {approved.isPending ? <Loading /> : null}
        {approved.data ? <Register items={approved.data.items} /> : null}
      </section>
    </>
  );
}
