import { useTranslation } from 'react-i18next';
import { TextInput } from '../../../components/Fields';
import { type FormState, inputIdOf, rowKey } from '../form';
import type { PartProps } from './parts';

/** Dated events (course dates): start, end and a German title. */
export function EventsEditor({ value, onChange, errorAt }: PartProps<'events'>) {
  const { t } = useTranslation();
  const rows = value.events;
  const setRows = (events: FormState['events']) => onChange({ events });
  const update = (index: number, change: Partial<FormState['events'][number]>) =>
    setRows(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <section className="app-editor__group app-stack" aria-labelledby="svc-events-title">
      <h2 className="kern-heading-small" id="svc-events-title">
        {t('directory-editor:events.title')}
      </h2>
      <p className="kern-body">{t('directory-editor:events.intro')}</p>
      {rows.map((row, index) => {
        const path = `events.${index}`;
        return (
          <fieldset key={row.key} className="kern-fieldset app-editor__row" id={inputIdOf(path)}>
            <legend className="kern-label">{t('directory-editor:events.row', { row: index + 1 })}</legend>
            <div className="app-form__grid">
              <TextInput
                id={inputIdOf(`${path}.start`)}
                label={t('directory-editor:events.start')}
                type="datetime-local"
                value={row.start}
                onValueChange={(start) => update(index, { start })}
                error={errorAt(`${path}.start`)}
              />
              <TextInput
                id={inputIdOf(`${path}.end`)}
                label={t('directory-editor:events.end')}
                type="datetime-local"
                value={row.end}
                onValueChange={(end) => update(index, { end })}
                error={errorAt(`${path}.end`)}
              />
            </div>
            <TextInput
              id={inputIdOf(`${path}.title.de`)}
              label={t('directory-editor:events.eventTitle')}
              optional
              lang="de"
              dir="auto"
              value={row.title.de ?? ''}
              onValueChange={(title) => update(index, { title: { ...row.title, de: title } })}
              error={errorAt(`${path}.title`)}
            />
            <button
              type="button"
              className="kern-btn kern-btn--tertiary"
              onClick={() => setRows(rows.filter((_, i) => i !== index))}
            >
              <span className="kern-icon kern-icon--delete" aria-hidden="true" />
              <span className="kern-label">{t('directory-editor:events.remove', { row: index + 1 })}</span>
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="kern-btn kern-btn--secondary"
        onClick={() => setRows([...rows, { key: rowKey(), start: '', end: '', title: {} }])}
      >
        <span className="kern-icon kern-icon--add" aria-hidden="true" />
        <span className="kern-label">{t('directory-editor:events.add')}</span>
      </button>
    </section>
  );
}
