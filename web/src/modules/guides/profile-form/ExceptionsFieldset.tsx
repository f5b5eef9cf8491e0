import { useTranslation } from 'react-i18next';
import { useCityTime } from '../../../app/time';
import { TextInput } from '../../../components/Fields';
import { type PartProps, replaceAt, useRowKeys } from './parts';

/** Days the guide is away (holidays), from and to. */
export function ExceptionsFieldset({ value, onChange }: PartProps<'exceptions'>) {
  const { t } = useTranslation();
  const dates = useCityTime();
  const rows = useRowKeys(value.exceptions.length);
  const exceptions = value.exceptions;
  return (
    <fieldset className="kern-fieldset">
      <legend className="kern-heading-small">{t('guides:profile.exceptions')}</legend>
      <p className="kern-hint">{t('guides:profile.exceptionsHint')}</p>
      {exceptions.map((exception, index) => (
        <div className="app-guides-row" key={rows.keys[index]}>
          <TextInput
            id={`off-from-${index}`}
            name="from"
            type="date"
            label={t('guides:profile.offFrom')}
            value={exception.from}
            onValueChange={(from) => onChange({ exceptions: replaceAt(exceptions, index, { from }) })}
          />
          <TextInput
            id={`off-to-${index}`}
            name="to"
            type="date"
            label={t('guides:profile.offTo')}
            value={exception.to}
            onValueChange={(to) => onChange({ exceptions: replaceAt(exceptions, index, { to }) })}
          />
          <button
            type="button"
            className="kern-btn kern-btn--tertiary"
            onClick={() => {
              rows.remove(index);
              onChange({ exceptions: exceptions.filter((_, i) => i !== index) });
            }}
          >
            <span className="kern-label">{t('guides:profile.removeException')}</span>
          </button>
        </div>
      ))}
      <button
        type="button"
        className="kern-btn kern-btn--secondary"
        onClick={() => {
          const today = dates.today();
          rows.add();
          onChange({ exceptions: [...exceptions, { from: today, to: today, note: null }] });
        }}
      >
        <span className="kern-label">{t('guides:profile.addException')}</span>
      </button>
    </fieldset>
  );
}
