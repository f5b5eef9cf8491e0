import { useTranslation } from 'react-i18next';
import { TextInput } from '../../../components/Fields';
import type { PartProps } from './parts';

/** The guide's private phone and e-mail, shown only to coordinators. */
export function PrivateFieldset({ value, onChange, errorOf }: PartProps<'privatePhone' | 'privateEmail'>) {
  const { t } = useTranslation();
  return (
    <fieldset className="kern-fieldset">
      <legend className="kern-heading-small">{t('guides:profile.private')}</legend>
      <p className="kern-hint">{t('guides:profile.privateHint')}</p>
      <div className="app-form__grid">
        <TextInput
          id="profile-phone"
          name="privatePhone"
          type="tel"
          label={t('guides:profile.phone')}
          value={value.privatePhone ?? ''}
          onValueChange={(privatePhone) => onChange({ privatePhone })}
          error={errorOf('privatePhone')}
          autoComplete="tel"
          optional
        />
        <TextInput
          id="profile-email"
          name="privateEmail"
          type="email"
          label={t('guides:profile.email')}
          value={value.privateEmail ?? ''}
          onValueChange={(privateEmail) => onChange({ privateEmail })}
          error={errorOf('privateEmail')}
          autoComplete="email"
          optional
        />
      </div>
    </fieldset>
  );
}
