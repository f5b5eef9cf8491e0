import { useTranslation } from 'react-i18next';
import type { City } from '../../../app/city';
import { Checkbox } from '../../../components/Fields';
import type { PartProps } from './parts';

/** The Stadtbezirke the guide goes to. */
export function DistrictsFieldset({
  value,
  onChange,
  errorOf,
  districts,
}: PartProps<'districts'> & { districts: City['districts'] }) {
  const { t } = useTranslation();
  const error = errorOf('districts');
  return (
    <fieldset className="kern-fieldset">
      <legend className="kern-heading-small">{t('guides:profile.districts')}</legend>
      <div className="kern-fieldset__body">
        {districts.map((district) => (
          <Checkbox
            key={district.id}
            id={`district-${district.id}`}
            label={district.name}
            checked={value.districts.includes(district.id)}
            onChange={(on) =>
              onChange({
                districts: on
                  ? [...value.districts, district.id]
                  : value.districts.filter((id) => id !== district.id),
              })
            }
          />
        ))}
      </div>
      {error ? <p className="kern-error">{error}</p> : null}
    </fieldset>
  );
}
