import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../app/i18n';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/errorText';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableScroll } from '../../components/TableScroll';
import { Pagination } from '../../components/Pagination';
import {
  type AdminUser,
  USERS_PAGE_SIZE,
  useCreateUser,
  useOrganisations,
  useUpdateUser,
  useUsers,
} from './platform.api';
import { ASSIGNABLE_ROLES, type AssignableRole, isAssignableRole, roleLabelKey } from './roles';
import { Select, TextInput } from '../../components/Fields';
import { useCityTime } from '../../app/time';

function useRoleOptions() {
  const { t } = useTranslation();
  return ASSIGNABLE_ROLES.map((role) => ({ value: role, label: t(roleLabelKey[role]) }));
}

function CreateUserForm() {
  const { t } = useTranslation();
  const create = useCreateUser();
  const organisations = useOrganisations();
  const roleOptions = useRoleOptions();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<AssignableRole>('resident');
  const [organisationId, setOrganisationId] = useState('');
  const [locale, setLocale] = useState('de');
  const labels = {
    email: t('platform:users.email'),
    displayName: t('platform:users.name'),
    role: t('platform:users.role'),
    organisationId: t('platform:users.organisation'),
    locale: t('platform:users.language'),
  };
  const fieldError = useFieldError(create.error, labels);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { email, displayName, role, organisationId: organisationId || null, locale },
      {
        onSuccess: () => {
          setEmail('');
          setDisplayName('');
        },
      },
    );
  };

  return (
    <section className="app-section app-stack" aria-labelledby="users-create">
      <h2 className="kern-heading-medium" id="users-create">
        {t('platform:users.createTitle')}
      </h2>
      <p className="kern-body">{t('platform:users.createIntro')}</p>
      {create.isSuccess ? (
        <Alert
          variant="success"
          role="status"
          title={t('platform:users.created', { email: create.data?.user.email ?? '' })}
        />
      ) : null}
      <ErrorAlert error={create.error} fieldLabels={labels} />
      <form className="app-form" onSubmit={onSubmit} noValidate>
        <TextInput
          id="create-email"
          name="email"
          type="email"
          autoComplete="off"
          label={labels.email}
          value={email}
          onValueChange={setEmail}
          error={fieldError('email')}
        />
        <TextInput
          id="create-name"
          name="displayName"
          autoComplete="off"
          dir="auto"
          label={labels.displayName}
          value={displayName}
          onValueChange={setDisplayName}
          error={fieldError('displayName')}
        />
        <Select
          id="create-role"
          name="role"
          label={labels.role}
          value={role}
          options={roleOptions}
          onValueChange={(value) => isAssignableRole(value) && setRole(value)}
          error={fieldError('role')}
        />
        <Select
          id="create-organisation"
          name="organisationId"
          label={labels.organisationId}
          optional
          value={organisationId}
          options={[
            { value: '', label: t('platform:users.noOrganisation') },
            ...(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name })),
          ]}
          onValueChange={setOrganisationId}
          error={fieldError('organisationId')}
        />
        <Select
          id="create-locale"
          name="locale"
          label={labels.locale}
          value={locale}
          options={LANGUAGES.map((l) => ({ value: l.code, label: l.nativeName, lang: l.code }))}
          onValueChange={setLocale}
          error={fieldError('locale')}
        />
        <div className="app-form__actions">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={create.isPending}>
            <span className="kern-label">{t('platform:users.create')}</span>
          </button>
        </div>
      </form>
    </section>
  );
}

function UserRow({ user, onChanged }: { user: AdminUser; onChanged: (name: string) => void }) {
  const { t } = useTranslation();
  const dates = useCityTime();
  const update = useUpdateUser();
  const roleOptions = useRoleOptions();
  const [role, setRole] = useState<AssignableRole>(user.role);
  const language = LANGUAGES.find((l) => l.code === user.locale);

  const saveRole = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ id: user.id, role }, { onSuccess: () => onChanged(user.displayName) });
  };
  const toggleDisabled = () =>
    update.mutate(
      { id: user.id, disabled: !user.disabled },
      { onSuccess: () => onChanged(user.displayName) },
    );

  return (
    <tr className="kern-table__row">
      <td className="kern-table__cell" dir="auto">
        {user.displayName}
      </td>
      <td className="kern-table__cell" dir="auto">
        {user.email}
      </td>
      <td className="kern-table__cell">
        <form className="app-inline-form" onSubmit={saveRole}>
          <label className="kern-sr-only" htmlFor={`role-${user.id}`}>
            {t('platform:users.roleFor', { name: user.displayName })}
          </label>
          <div className="kern-form-input__select-wrapper">
            <select
              id={`role-${user.id}`}
              className="kern-form-input__select"
              value={role}
              onChange={(event) => isAssignableRole(event.target.value) && setRole(event.target.value)}
            >
              {roleOptions.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
          <button
            type="submit"
            className="kern-btn kern-btn--secondary kern-btn--x-small"
            disabled={update.isPending || role === user.role}
            aria-label={t('platform:users.saveRoleFor', { name: user.displayName })}
          >
            <span className="kern-label">{t('platform:users.saveRole')}</span>
          </button>
        </form>
        {update.error ? <ErrorAlert error={update.error} /> : null}
      </td>
      <td className="kern-table__cell" dir="auto">
        {user.organisationName ?? '–'}
      </td>
      <td className="kern-table__cell" lang={language?.code}>
        {language?.nativeName ?? user.locale}
      </td>
      <td className="kern-table__cell app-nowrap">
        {user.lastLoginAt ? (
          <time dateTime={user.lastLoginAt}>{dates.dateTime(user.lastLoginAt, 'short')}</time>
        ) : (
          t('platform:users.never')
        )}
      </td>
      <td className="kern-table__cell">
        <span className={`kern-badge kern-badge--${user.disabled ? 'danger' : 'success'}`}>
          <span className="kern-label">
            {user.disabled ? t('platform:users.disabled') : t('platform:users.active')}
          </span>
        </span>
      </td>
      <td className="kern-table__cell kern-table__cell--action">
        <button
          type="button"
          className="kern-btn kern-btn--tertiary kern-btn--x-small"
          onClick={toggleDisabled}
          disabled={update.isPending}
          aria-label={
            user.disabled
              ? t('platform:users.enableFor', { name: user.displayName })
              : t('platform:users.disableFor', { name: user.displayName })
          }
        >
          <span className="kern-label">
            {user.disabled ? t('platform:users.enable') : t('platform:users.disable')}
          </span>
        </button>
      </td>
    </tr>
  );
}

/** Admins find accounts, change roles, lock accounts and invite new users. */
export function UsersPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState({ q: '', page: 1 });
  const [changed, setChanged] = useState<string | null>(null);
  const users = useUsers(search.q, search.page);

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setSearch({ q: query, page: 1 });
  };

  return (
    <>
      <PageTitle>{t('platform:users.title')}</PageTitle>
      <form className="app-form" onSubmit={onSearch} noValidate>
        <TextInput
          id="users-q"
          name="q"
          type="search"
          optional
          label={t('platform:users.search')}
          value={query}
          onValueChange={setQuery}
        />
        <div className="app-form__actions">
          <button type="submit" className="kern-btn kern-btn--primary">
            <span className="kern-label">{t('platform:users.searchSubmit')}</span>
          </button>
        </div>
      </form>
      {changed ? (
        <Alert variant="success" role="status" title={t('platform:users.updated', { name: changed })} />
      ) : null}
      <ErrorAlert error={users.error} focus={false} />
      {users.isPending ? <Loading /> : null}
      {users.data ? (
        <section className="app-stack" aria-labelledby="users-results">
          <h2 className="kern-heading-small" id="users-results" aria-live="polite">
            {t('common:table.total', { count: users.data.total })}
          </h2>
          {users.data.items.length === 0 ? (
            <p className="kern-body">{t('common:table.empty')}</p>
          ) : (
            <TableScroll labelledBy="users-caption">
              <table className="kern-table kern-table--small kern-table--striped">
                <caption className="kern-sr-only" id="users-caption">
                  {t('platform:users.caption')}
                </caption>
                <thead>
                  <tr className="kern-table__row">
                    <th className="kern-table__header" scope="col">
                      {t('platform:users.name')}
                    </th>
                    <th className="kern-table__header" scope="col">
                      {t('platform:users.email')}
                    </th>
                    <th className="kern-table__header" scope="col">
                      {t('platform:users.role')}
                    </th>
                    <th className="kern-table__header" scope="col">
                      {t('platform:users.organisation')}
                    </th>
                    <th className="kern-table__header" scope="col">
                      {t('platform:users.language')}
                    </th>
                    <th className="kern-table__header" scope="col">
                      {t('platform:users.lastLogin')}
                    </th>
                    <th className="kern-table__header" scope="col">
                      {t('platform:users.status')}
                    </th>
                    <th className="kern-table__header kern-table__header--action" scope="col">
                      {t('platform:users.actions')}
                    </th>
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {users.data.items.map((user) => (
                    <UserRow key={`${user.id}-${user.role}`} user={user} onChanged={setChanged} />
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          <Pagination
            page={search.page}
            perPage={users.data.perPage || USERS_PAGE_SIZE}
            total={users.data.total}
            onPageChange={(page) => setSearch((current) => ({ ...current, page }))}
          />
        </section>
      ) : null}
      <CreateUserForm />
    </>
  );
}
