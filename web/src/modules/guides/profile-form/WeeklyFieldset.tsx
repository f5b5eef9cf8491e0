import { useTranslation } from 'react-i18next';
import { Select, TextInput } from '../../../components/Fields';
import { useCityTime } from '../../../app/time';
import { type PartProps, replaceAt, useRowKeys } from './parts';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The weekly hours the guide is available: a weekday with a start and an end time per row. */
export function WeeklyFieldset({ value, onChange }: PartProps<'weekly'>) {
  const { t } = useTranslation();
  const dates = useCityTime();
  const rows = useRowKeys(value.weekly.length);
  const weekly = value.weekly;
  return (
    <fieldset className="kern-fieldset">
      <legend className="kern-heading-small">{t('guides:profile.weekly')}</legend>
      <p className="kern-hint">{t('guides:profile.weeklyHint')}</p>
      {weekly.map((slot, index) => (
        <div className="app-guides-row" key={rows.keys[index]}>
          <Select
            id={`slot-day-${index}`}
            name="weekday"
            label={t('guides:profile.weekday')}
            value={String(slot.weekday)}
            options={WEEKDAYS.map((day) => ({ value: String(day), label: dates.weekday(day) }))}
            onValueChange={(day) => onChange({ weekly: replaceAt(weekly, index, { weekday: Number(day) }) })}
          />
          <TextInput
            id={`slot-from-${index}`}
            name="from"
            type="time"
            label={t('guides:profile.from')}
            value={slot.from}
            onValueChange={(from) => onChange({ weekly: replaceAt(weekly, index, { from }) })}
          />
          <TextInput
            id={`slot-to-${index}`}
            name="to"
            type="time"
            label={t('guides:profile.to')}
            value={slot.to}
            onValueChange={(to) => onChange({ weekly: replaceAt(weekly, index, { to }) })}
          />
          <button
            type="button"
            className="kern-btn kern-btn--tertiary"
            onClick={() => {
              rows.remove(index);
              onChange({ weekly: weekly.filter((_, i) => i !== index) });
            }}
          >
            <span className="kern-label">
              {t('guides:profile.removeSlot', { weekday: dates.weekday(slot.weekday) })}
            </span>
          </button>
        </div>
      ))}
      <button
        type="button"
        className="kern-btn kern-btn--secondary"
        onClick={() => {
          rows.add();
          onChange({ weekly: [...weekly, { weekday: 1, from: '09:00', to: '13:00' }] });
        }}
      >
        <span className="kern-label">{t('guides:profile.addSlot')}</span>
      </button>
    </fieldset>
  );
}
