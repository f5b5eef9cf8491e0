import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { useCityTime } from '../../app/time';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableScroll } from '../../components/TableScroll';
import { BOOKING_STATE_LABEL } from './labels';
import { useBookings, useDecide, useRooms } from './network.api';

/** Room requests and bookings: the house staff (and the KI) confirm or decline; an actor sees its own. */
export function BookingsPage() {
  const { t } = useTranslation();
  const dates = useCityTime();
  const session = useSession();
  const rooms = useRooms();
  const bookings = useBookings();
  const decide = useDecide();
  const me = session.user;
  const mayDecide =
    !!me &&
    (me.role === 'coordinator' ||
      me.role === 'admin' ||
      me.organisationId === rooms.data?.centre.organisationId);
  return (
    <>
      <PageTitle>{t('network:bookings.title')}</PageTitle>
      <p className="kern-body">{rooms.data?.centre.name}</p>
      <ErrorAlert error={bookings.error ?? decide.error} focus={false} />
      {bookings.isPending ? <Loading /> : null}
      {bookings.data ? (
        <TableScroll labelledBy="bookings-caption">
          <table className="kern-table kern-table--small kern-table--striped">
            <caption className="kern-sr-only" id="bookings-caption">
              {t('network:bookings.title')}
            </caption>
            <thead>
              <tr className="kern-table__row">
                <th className="kern-table__header" scope="col">
                  {t('network:bookings.when')}
                </th>
                <th className="kern-table__header" scope="col">
                  {t('network:room.room')}
                </th>
                <th className="kern-table__header" scope="col">
                  {t('network:bookings.actor')}
                </th>
                <th className="kern-table__header" scope="col">
                  {t('network:room.state')}
                </th>
                {mayDecide ? (
                  <th className="kern-table__header" scope="col">
                    {t('network:bookings.decision')}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {bookings.data.items.length === 0 ? (
                <tr className="kern-table__row">
                  <td className="kern-table__cell" colSpan={mayDecide ? 5 : 4}>
                    {t('network:bookings.none')}
                  </td>
                </tr>
              ) : null}
              {bookings.data.items.map((b) => (
                <tr className="kern-table__row" key={b.id}>
                  <td className="kern-table__cell">
                    {dates.dateTime(b.start)}–{dates.time(b.end)}
                  </td>
                  <td className="kern-table__cell">{b.roomName}</td>
                  <td className="kern-table__cell" dir="auto">
                    {b.actorName}
                    {b.activityTitle ? ` · ${b.activityTitle}` : ''}
                  </td>
                  <td className="kern-table__cell">{t(BOOKING_STATE_LABEL[b.state])}</td>
                  {mayDecide ? (
                    <td className="kern-table__cell">
                      {b.state === 'requested' ? (
                        <span className="app-inline-form">
                          <button
                            type="button"
                            className="kern-btn kern-btn--primary kern-btn--small"
                            onClick={() => decide.mutate({ id: b.id, body: { decision: 'confirmed' } })}
                            aria-label={t('network:bookings.confirmFor', {
                              room: b.roomName,
                              when: dates.dateTime(b.start),
                            })}
                          >
                            <span className="kern-label">{t('network:bookings.confirm')}</span>
                          </button>
                          <button
                            type="button"
                            className="kern-btn kern-btn--secondary kern-btn--small"
                            onClick={() => decide.mutate({ id: b.id, body: { decision: 'declined' } })}
                            aria-label={t('network:bookings.declineFor', {
                              room: b.roomName,
                              when: dates.dateTime(b.start),
                            })}
                          >
                            <span className="kern-label">{t('network:bookings.decline')}</span>
                          </button>
                        </span>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </>
  );
}
