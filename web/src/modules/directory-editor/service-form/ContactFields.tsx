import { useTranslation } from 'react-i18next';
import { TextInput } from '../../../components/Fields';
import { inputIdOf } from '../form';
import type { PartProps } from './parts';

/** Phone, e-mail and web address of the offer. */
export function ContactFields({ value, onChange, errorAt }: PartProps<'phone' | 'email' | 'url'>) {
  const { t } = useTranslation();
  return (
    <fieldset className="kern-fieldset app-editor__group">
      <legend className="kern-heading-small">{t('directory-editor:form.contact')}</legend>
      <div className="app-form__grid">
        <TextInput
          id={inputIdOf('phone')}
          label={t('directory-editor:fields.phone')}
          hint={t('directory-editor:fields.phoneHint')}
          type="tel"
          optional
          autoComplete="off"
          translate="no"
          value={value.phone}
          onValueChange={(phone) => onChange({ phone })}
          error={errorAt('phone')}
        />
        <TextInput
          id={inputIdOf('email')}
          label={t('directory-editor:fields.email')}
          type="email"
          optional
          autoComplete="off"
          translate="no"
          value={value.email}
          onValueChange={(email) => onChange({ email })}
          error={errorAt('email')}
        />
        <TextInput
          id={inputIdOf('url')}
          label={t('directory-editor:fields.url')}
          hint={t('directory-editor:fields.urlHint')}
          type="url"
          optional
          autoComplete="off"
          translate="no"
          value={value.url}
          onValueChange={(url) => onChange({ url })}
          error={errorAt('url')}
        />
      </div>
    </fieldset>
  );
}
