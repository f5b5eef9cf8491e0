import { useTranslation } from 'react-i18next';
import { Checkbox, TextArea, TextInput } from '../../../components/Fields';
import { inputIdOf } from '../form';
import { TEXT_FIELD_LABEL } from '../labels';
import { type PartProps, textPath, withText } from './parts';

type DetailsKeys = 'texts' | 'free' | 'hasCapacity' | 'capacityFree' | 'capacityWaiting';

/** Who may use the offer, what it costs, the documents to bring, free places and the waiting list. */
export function DetailsFields({ value, onChange, errorAt }: PartProps<DetailsKeys>) {
  const { t } = useTranslation();
  return (
    <fieldset className="kern-fieldset app-editor__group">
      <legend className="kern-heading-small">{t('directory-editor:form.details')}</legend>
      {(['eligibility', 'fees', 'requiredDocuments'] as const).map((field) => (
        <TextArea
          key={field}
          id={inputIdOf(textPath(field, 'de'))}
          label={t(TEXT_FIELD_LABEL[field])}
          optional
          lang="de"
          dir="auto"
          rows={3}
          maxLength={2000}
          value={value.texts[field].de ?? ''}
          onValueChange={(text) => onChange({ texts: withText(value.texts, field, 'de', text) })}
          error={errorAt(textPath(field, 'de'))}
        />
      ))}
      <Checkbox
        id={inputIdOf('free')}
        label={t('directory-editor:fields.free')}
        checked={value.free}
        onChange={(free) => onChange({ free })}
      />
      <Checkbox
        id="svc-capacity"
        label={t('directory-editor:fields.hasCapacity')}
        checked={value.hasCapacity}
        onChange={(hasCapacity) => onChange({ hasCapacity })}
      />
      {value.hasCapacity ? (
        <div className="app-form__grid">
          <TextInput
            id={inputIdOf('capacity.free')}
            label={t('directory-editor:fields.capacityFree')}
            type="number"
            inputMode="numeric"
            min={0}
            value={value.capacityFree}
            onValueChange={(capacityFree) => onChange({ capacityFree })}
            error={errorAt('capacity.free')}
          />
          <TextInput
            id={inputIdOf('capacity.waitingList')}
            label={t('directory-editor:fields.capacityWaiting')}
            type="number"
            inputMode="numeric"
            min={0}
            value={value.capacityWaiting}
            onValueChange={(capacityWaiting) => onChange({ capacityWaiting })}
            error={errorAt('capacity.waitingList') ?? errorAt('capacity')}
          />
        </div>
      ) : null}
    </fieldset>
  );
}
