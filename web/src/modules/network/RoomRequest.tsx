import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCityTime } from '../../app/time';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Select, TextInput } from '../../components/Fields';
import { BOOKING_STATE_LABEL, EQUIPMENT_LABEL } from './labels';
import { type Saved, useBookRoom, useRooms } from './network.api';

/** A room of the Begegnungszentrum for one date of a saved activity: the request, then its state. */
export function RoomRequest({ activity }: { activity: Saved['activity'] }) {
  const { t } = useTranslation();
  const dates = useCityTime();
  const rooms = useRooms();
  const book = useBookRoom();
  const [roomId, setRoomId] = useState('');
  const [date, setDate] = useState(activity.date);
  const labels = {
    roomId: t('network:room.room'),
    date: t('network:room.date'),
    start: t('network:room.date'),
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const start = dates.instant(date, activity.from);
    const end = dates.instant(date, activity.to);
    if (!roomId || !start || !end) return;
    book.mutate({ roomId, body: { activityId: activity.id, start, end } });
  };
  const centre = rooms.data?.centre;
  return (
    <section className="app-section" aria-labelledby="room-title">
      <h2 className="kern-heading-medium" id="room-title">
        {t('network:room.title', { centre: centre?.name ?? '' })}
      </h2>
      {book.data ? (
        <Alert
          variant="success"
          role="status"
          title={t('network:room.requested', {
            room: book.data.roomName,
            when: `${dates.dateTime(book.data.start, 'full')}–${dates.time(book.data.end)}`,
          })}
        >
          <p className="kern-body">
            {t('network:room.state')}: {t(BOOKING_STATE_LABEL[book.data.state])}
          </p>
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <ErrorAlert error={book.error} fieldLabels={labels} />
          <Select
            id="roomId"
            label={labels.roomId}
            value={roomId}
            placeholder={t('network:plan.choose')}
            onValueChange={setRoomId}
            options={(rooms.data?.rooms ?? []).map((r) => ({
              value: r.id,
              label: `${r.name} (${t('network:room.capacity', { count: r.capacity })}; ${r.equipment
                .map((e) => t(EQUIPMENT_LABEL[e]))
                .join(', ')})`,
            }))}
          />
          <TextInput
            id="room-date"
            type="date"
            label={labels.date}
            hint={t('network:room.dateHint', { from: activity.from, to: activity.to })}
            value={date}
            onValueChange={setDate}
          />
          <button className="kern-btn kern-btn--primary" type="submit" disabled={book.isPending || !roomId}>
            <span className="kern-label">{t('network:room.request')}</span>
          </button>
        </form>
      )}
    </section>
  );
}
