import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguageNames } from '../../app/languages';
import { useCityTime } from '../../app/time';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Radios } from '../../components/Fields';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableScroll } from '../../components/TableScroll';
import { useAppointments, useBookMediator, useCases } from './counselling.api';
import { STATUS_LABEL, TOPIC_LABEL } from './labels';

/** The counsellor's start page: the booked appointments (open a case from one), and their service's cases. */
export function CasesPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'open' | 'closed'>('open');
  const appointments = useAppointments();
  const bookMediator = useBookMediator();
  const cases = useCases(status);
  const dates = useCityTime();
  const languages = useLanguageNames();
  const th = (key: string) => (
    <th className="kern-table__header" scope="col">
      {t(key)}
    </th>
  );
  return (
    <>
      <PageTitle>{t('counselling:cases.title')}</PageTitle>
      <p className="kern-body">
        <Link className="kern-btn kern-btn--secondary" to="/counselling/new">
          <span className="kern-label">{t('counselling:cases.walkIn')}</span>
        </Link>
      </p>
      <h2 className="kern-heading-medium" id="appointments-caption">
        {t('counselling:cases.appointments')}
      </h2>
      <ErrorAlert error={appointments.error} focus={false} />
      <ErrorAlert error={bookMediator.error} />
      {appointments.isPending ? <Loading /> : null}
      {appointments.data ? (
        <TableScroll labelledBy="appointments-caption">
          <table className="kern-table kern-table--small kern-table--striped">
            <thead>
              <tr className="kern-table__row">
                {th('counselling:cases.when')}
                {th('counselling:cases.name')}
                {th('counselling:cases.language')}
                {th('counselling:cases.topic')}
                {th('counselling:cases.action')}
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {appointments.data.items.length === 0 ? (
                <tr className="kern-table__row">
                  <td className="kern-table__cell" colSpan={5}>
                    {t('counselling:cases.noAppointments')}
                  </td>
                </tr>
              ) : null}
              {appointments.data.items.map((item) => (
                <tr className="kern-table__row" key={item.id}>
                  <td className="kern-table__cell">{dates.dateTime(item.startsAt)}</td>
                  <td className="kern-table__cell" dir="auto">
                    {item.name}
                  </td>
                  <td className="kern-table__cell">
                    {languages.nameOf(item.language)}
                    {item.mediator ? ` · ${t('counselling:cases.mediator')}` : ''}
                    {item.mediatorRequest ? (
                      <span className="app-counselling__block" data-testid="mediator-requested">
                        {t('counselling:cases.mediatorRequested', {
                          state: t(`guides:states.${item.mediatorRequest.state}`),
                        })}
                      </span>
                    ) : item.mediator ? (
                      <span className="app-counselling__block">
                        <button
                          type="button"
                          className="kern-btn kern-btn--secondary kern-btn--small"
                          disabled={bookMediator.isPending}
                          onClick={() => bookMediator.mutate(item.id)}
                        >
                          <span className="kern-label">
                            {t('counselling:cases.bookMediator')}
                            <span className="kern-sr-only">: {item.name}</span>
                          </span>
                        </button>
                      </span>
                    ) : null}
                  </td>
                  <td className="kern-table__cell">{t(TOPIC_LABEL[item.topic])}</td>
                  <td className="kern-table__cell">
                    <Link className="kern-link" to={`/counselling/new?booking=${item.id}`}>
                      {t('counselling:cases.openCase')}
                      <span className="kern-sr-only">: {item.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      <h2 className="kern-heading-medium" id="cases-caption">
        {t('counselling:cases.cases')}
      </h2>
      <Radios
        name="cases-status"
        legend={t('counselling:cases.show')}
        value={status}
        options={[
          { value: 'open', label: t('counselling:status.open') },
          { value: 'closed', label: t('counselling:status.closed') },
        ]}
        onValueChange={(value) => setStatus(value as 'open' | 'closed')}
      />
      <ErrorAlert error={cases.error} focus={false} />
      {cases.isPending ? <Loading /> : null}
      {cases.data ? (
        <TableScroll labelledBy="cases-caption">
          <table className="kern-table kern-table--small kern-table--striped">
            <thead>
              <tr className="kern-table__row">
                {th('counselling:cases.name')}
                {th('counselling:cases.status')}
                {th('counselling:cases.topics')}
                {th('counselling:cases.opened')}
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {cases.data.items.length === 0 ? (
                <tr className="kern-table__row">
                  <td className="kern-table__cell" colSpan={4}>
                    {t('counselling:cases.none')}
                  </td>
                </tr>
              ) : null}
              {cases.data.items.map((item) => (
                <tr className="kern-table__row" key={item.id}>
                  <td className="kern-table__cell" dir="auto">
                    <Link className="kern-link" to={`/counselling/${item.id}`}>
                      {item.name}
                    </Link>
                  </td>
                  <td className="kern-table__cell">{t(STATUS_LABEL[item.status])}</td>
                  <td className="kern-table__cell">{item.topics.map((x) => t(TOPIC_LABEL[x])).join(', ')}</td>
                  <td className="kern-table__cell">{dates.date(item.openedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </>
  );
}
