import { useTranslation } from 'react-i18next';
import type { City } from '../../../app/city';
import { Select, TextInput } from '../../../components/Fields';
import { GENDER_LABEL, GENDERS, isOneOf, TRAVEL_LABEL, TRAVEL_MODES } from '../labels';
import type { PartProps } from './parts';

/** How the guide travels and from where, their gender (optional) and how many appointments a week at most. */
export function TravelFields({
  value,
  onChange,
  errorOf,
  districts,
}: PartProps<'travelMode' | 'home' | 'gender' | 'maxPerWeek'> & { districts: City['districts'] }) {
  const { t } = useTranslation();
  return (
    <div className="app-form__grid">
      <Select
        id="profile-travel"
        name="travelMode"
        label={t('guides:profile.travelMode')}
        value={value.travelMode}
        options={TRAVEL_MODES.map((mode) => ({ value: mode, label: t(TRAVEL_LABEL[mode] ?? mode) }))}
        onValueChange={(travelMode) => onChange({ travelMode })}
      />
      <Select
        id="profile-home"
        name="home"
        label={t('guides:profile.home')}
        hint={t('guides:profile.homeHint')}
        value=""
        options={[
          { value: '', label: t('guides:profile.homeKeep') },
          ...districts.flatMap((district) =>
            district.ortsteile.map((ortsteil) => ({
              value: `${ortsteil.centre.lat},${ortsteil.centre.lon}`,
              label: `${ortsteil.name} (${district.name})`,
            })),
          ),
        ]}
        onValueChange={(choice) => {
          const [lat, lon] = choice.split(',').map(Number);
          if (lat !== undefined && lon !== undefined && choice) onChange({ home: { lat, lon } });
        }}
      />
      <Select
        id="profile-gender"
        name="gender"
        label={t('guides:profile.gender')}
        hint={t('guides:profile.genderHint')}
        value={value.gender ?? ''}
        options={[
          { value: '', label: t('guides:profile.genderNone') },
          ...GENDERS.map((gender) => ({ value: gender, label: t(GENDER_LABEL[gender]) })),
        ]}
        onValueChange={(gender) => onChange({ gender: isOneOf(GENDERS, gender) ? gender : null })}
        optional
      />
      <TextInput
        id="profile-max"
        name="maxPerWeek"
        type="number"
        inputMode="numeric"
        min={0}
        max={50}
        label={t('guides:profile.maxPerWeek')}
        value={String(value.maxPerWeek)}
        onValueChange={(max) => onChange({ maxPerWeek: Number(max) || 0 })}
        error={errorOf('maxPerWeek')}
      />
    </div>
  );
}
