import { useTranslation } from 'react-i18next';
import { CheckGroup, Checkbox, TextInput } from '../../../components/Fields';
import { WEEKDAYS, type Weekday } from '../editor.api';
import { type FormState, inputIdOf, rowKey } from '../form';
import { useCityTime } from '../../../app/time';
import type { PartProps } from './parts';

/** The weekly opening hours: rows of days with an opening and a closing time. */
export function ScheduleEditor({ value, onChange, errorAt }: PartProps<'schedule'>) {
  const { t } = useTranslation();
  const dates = useCityTime();
  const rows = value.schedule;
  const setRows = (schedule: FormState['schedule']) => onChange({ schedule });
  const update = (index: number, change: Partial<FormState['schedule'][number]>) =>
    setRows(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const toggleDay = (index: number, day: Weekday, on: boolean) => {
    const days = rows[index]?.days ?? [];
    update(index, { days: WEEKDAYS.filter((d) => (d === day ? on : days.includes(d))) });
  };
  return (
    <section className="app-editor__group app-stack" aria-labelledby="svc-schedule-title">
      <h2 className="kern-heading-small" id="svc-schedule-title">
        {t('directory-editor:schedule.title')}
      </h2>
      <p className="kern-body">{t('directory-editor:schedule.intro')}</p>
      {rows.map((row, index) => {
        const path = `schedule.${index}`;
        return (
          <fieldset key={row.key} className="kern-fieldset app-editor__row" id={inputIdOf(path)}>
            <legend className="kern-label">{t('directory-editor:schedule.row', { row: index + 1 })}</legend>
            <CheckGroup
              id={inputIdOf(`${path}.days`)}
              legend={t('directory-editor:schedule.days')}
              error={errorAt(`${path}.days`)}
              horizontal
            >
              {WEEKDAYS.map((day, dayIndex) => (
                <Checkbox
                  key={day}
                  id={`svc-schedule-${index}-day-${day}`}
                  label={dates.weekday(dayIndex + 1)}
                  checked={row.days.includes(day)}
                  onChange={(on) => toggleDay(index, day, on)}
                />
              ))}
            </CheckGroup>
            <div className="app-form__grid">
              <TextInput
                id={inputIdOf(`${path}.opens`)}
                label={t('directory-editor:schedule.opens')}
                type="time"
                value={row.opens}
                onValueChange={(opens) => update(index, { opens })}
                error={errorAt(`${path}.opens`)}
              />
              <TextInput
                id={inputIdOf(`${path}.closes`)}
                label={t('directory-editor:schedule.closes')}
                type="time"
                value={row.closes}
                onValueChange={(closes) => update(index, { closes })}
                error={errorAt(`${path}.closes`)}
              />
            </div>
            <button
              type="button"
              className="kern-btn kern-btn--tertiary"
              onClick={() => setRows(rows.filter((_, i) => i !== index))}
            >
              <span className="kern-icon kern-icon--delete" aria-hidden="true" />
              <span className="kern-label">{t('directory-editor:schedule.remove', { row: index + 1 })}</span>
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="kern-btn kern-btn--secondary"
        onClick={() => setRows([...rows, { key: rowKey(), days: [], opens: '09:00', closes: '17:00' }])}
      >
        <span className="kern-icon kern-icon--add" aria-hidden="true" />
        <span className="kern-label">{t('directory-editor:schedule.add')}</span>
      </button>
    </section>
  );
}
