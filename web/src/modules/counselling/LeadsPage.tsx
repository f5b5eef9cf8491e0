import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { useCityTime } from '../../app/time';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/errorText';
import { TextInput } from '../../components/Fields';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableScroll } from '../../components/TableScroll';
import { useLeads, useNameLead, useRemoveLead } from './counselling.api';

/** For the admins: who may open another service's case by break-glass; name a counsellor or remove a lead. */
export function LeadsPage() {
  const { t } = useTranslation();
  const dates = useCityTime();
  const leads = useLeads();
  const name = useNameLead();
  const remove = useRemoveLead();
  const [email, setEmail] = useState('');
  const serverField = useFieldError(name.error, { email: t('counselling:leads.email') });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    name.mutate({ email: email.trim() }, { onSuccess: () => setEmail('') });
  };
  const th = (key: string) => (
    <th className="kern-table__header" scope="col">
      {t(key)}
    </th>
  );
  return (
    <>
      <PageTitle>{t('counselling:leads.title')}</PageTitle>
      <p className="kern-body" id="leads-caption">
        {t('counselling:leads.intro')}
      </p>
      <ErrorAlert error={leads.error ?? remove.error} focus={false} />
      {leads.isPending ? <Loading /> : null}
      {leads.data ? (
        <TableScroll labelledBy="leads-caption">
          <table className="kern-table kern-table--small kern-table--striped">
            <thead>
              <tr className="kern-table__row">
                {th('counselling:leads.name')}
                {th('counselling:leads.organisation')}
                {th('counselling:leads.appointed')}
                {th('counselling:leads.action')}
              </tr>
            </thead>
            <tbody className="kern-table__body" data-testid="leads-list">
              {leads.data.items.length === 0 ? (
                <tr className="kern-table__row">
                  <td className="kern-table__cell" colSpan={4}>
                    {t('counselling:leads.none')}
                  </td>
                </tr>
              ) : null}
              {leads.data.items.map((lead) => (
                <tr className="kern-table__row" key={lead.userId}>
                  <td className="kern-table__cell" dir="auto">
                    {lead.name}
                  </td>
                  <td className="kern-table__cell">{lead.organisationName}</td>
                  <td className="kern-table__cell">{dates.date(lead.appointedAt)}</td>
                  <td className="kern-table__cell">
                    <button
                      type="button"
                      className="kern-btn kern-btn--secondary kern-btn--small"
                      disabled={remove.isPending}
                      onClick={() => remove.mutate(lead.userId)}
                    >
                      <span className="kern-label">
                        {t('counselling:leads.remove')}
                        <span className="kern-sr-only">: {lead.name}</span>
                      </span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      <section className="app-section" aria-labelledby="leads-add-heading">
        <h2 className="kern-heading-medium" id="leads-add-heading">
          {t('counselling:leads.add')}
        </h2>
        <form className="app-stack app-counselling__form" onSubmit={onSubmit} noValidate>
          <TextInput
            id="lead-email"
            name="email"
            type="email"
            autoComplete="off"
            label={t('counselling:leads.email')}
            hint={t('counselling:leads.emailHint')}
            value={email}
            onValueChange={setEmail}
            error={serverField('email')}
          />
          {name.error instanceof ApiError && name.error.field ? null : <ErrorAlert error={name.error} />}
          <div>
            <button className="kern-btn kern-btn--primary" type="submit" disabled={name.isPending}>
              <span className="kern-label">{t('counselling:leads.submit')}</span>
            </button>
          </div>
        </form>
      </section>
    </>
  );
}
