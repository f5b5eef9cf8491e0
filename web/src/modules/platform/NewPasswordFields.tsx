import { useTranslation } from 'react-i18next';
import { TextInput } from '../../components/Fields';

interface NewPasswordFieldsProps {
  idPrefix: string;
  value: string;
  repeat: string;
  onValueChange: (value: string) => void;
  onRepeatChange: (value: string) => void;
  /** The server's message about the new password, if any. */
  error?: string;
  mismatch: boolean;
}

/** "New password" and "repeat it", with the length rule as a hint. */
export function NewPasswordFields({
  idPrefix,
  value,
  repeat,
  onValueChange,
  onRepeatChange,
  error,
  mismatch,
}: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        id={`${idPrefix}-new`}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        label={t('platform:password.new')}
        hint={t('platform:password.newHint')}
        value={value}
        onValueChange={onValueChange}
        error={error}
      />
      <TextInput
        id={`${idPrefix}-repeat`}
        name="repeatPassword"
        type="password"
        autoComplete="new-password"
        label={t('platform:password.repeat')}
        value={repeat}
        onValueChange={onRepeatChange}
        error={mismatch ? t('platform:password.mismatch') : undefined}
      />
    </>
  );
}
