import { useTranslation } from 'react-i18next';
import { Checkbox, GroupedSelect, TextArea, TextInput } from '../../../components/Fields';
import { inputIdOf } from '../form';
import { type PartProps, textPath, withText } from './parts';
import type { City } from '../../../app/city';

type LocationKeys =
  | 'locationName'
  | 'address'
  | 'postcode'
  | 'ortsteilId'
  | 'lat'
  | 'lon'
  | 'accessible'
  | 'texts';

/** Where the offer takes place: address, Ortsteil (which fills in the coordinates), step-free access. */
export function LocationFields({
  value,
  onChange,
  errorAt,
  city,
}: PartProps<LocationKeys> & { city: City | undefined }) {
  const { t } = useTranslation();
  const ortsteile = city?.districts.flatMap((district) => district.ortsteile) ?? [];
  /** The Ortsteil and, when it is known, its centre as the coordinates. */
  const ortsteilChange = (id: string) => {
    const ortsteil = ortsteile.find((o) => o.id === id);
    return {
      ortsteilId: id,
      lat: ortsteil ? String(ortsteil.centre.lat) : value.lat,
      lon: ortsteil ? String(ortsteil.centre.lon) : value.lon,
    };
  };
  const changePostcode = (postcode: string) => {
    const match = /^\d{5}$/.test(postcode)
      ? ortsteile.find((o) => o.postcodes.includes(postcode))
      : undefined;
    onChange({ ...(match && !value.ortsteilId ? ortsteilChange(match.id) : {}), postcode });
  };
  return (
    <fieldset className="kern-fieldset app-editor__group">
      <legend className="kern-heading-small">{t('directory-editor:form.location')}</legend>
      <div className="app-form__grid">
        <TextInput
          id={inputIdOf('location.name')}
          label={t('directory-editor:fields.locationName')}
          hint={t('directory-editor:fields.locationNameHint')}
          dir="auto"
          value={value.locationName}
          onValueChange={(locationName) => onChange({ locationName })}
          error={errorAt('location.name')}
        />
        <TextInput
          id={inputIdOf('location.address')}
          label={t('directory-editor:fields.address')}
          hint={t('directory-editor:fields.addressHint')}
          dir="auto"
          autoComplete="off"
          value={value.address}
          onValueChange={(address) => onChange({ address })}
          error={errorAt('location.address')}
        />
        <TextInput
          id={inputIdOf('location.postcode')}
          label={t('directory-editor:fields.postcode')}
          hint={t('directory-editor:fields.postcodeHint')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={5}
          value={value.postcode}
          onValueChange={changePostcode}
          error={errorAt('location.postcode')}
        />
        <GroupedSelect
          id={inputIdOf('location.ortsteilId')}
          label={t('directory-editor:fields.ortsteil')}
          hint={t('directory-editor:fields.ortsteilHint')}
          placeholder={t('directory-editor:fields.ortsteilChoose')}
          groups={(city?.districts ?? []).map((district) => ({
            label: district.name,
            options: district.ortsteile.map((ortsteil) => ({ value: ortsteil.id, label: ortsteil.name })),
          }))}
          aria-required
          value={value.ortsteilId}
          onValueChange={(id) => onChange(ortsteilChange(id))}
          error={errorAt('location.ortsteilId')}
        />
        <TextInput
          id={inputIdOf('location.lat')}
          label={t('directory-editor:fields.lat')}
          hint={t('directory-editor:fields.coordinatesHint')}
          inputMode="decimal"
          autoComplete="off"
          value={value.lat}
          onValueChange={(lat) => onChange({ lat })}
          error={errorAt('location.lat')}
        />
        <TextInput
          id={inputIdOf('location.lon')}
          label={t('directory-editor:fields.lon')}
          hint={t('directory-editor:fields.coordinatesHint')}
          inputMode="decimal"
          autoComplete="off"
          value={value.lon}
          onValueChange={(lon) => onChange({ lon })}
          error={errorAt('location.lon')}
        />
      </div>
      <Checkbox
        id={inputIdOf('location.accessible')}
        label={t('directory-editor:fields.accessible')}
        checked={value.accessible}
        onChange={(accessible) => onChange({ accessible })}
      />
      <TextArea
        id={inputIdOf(textPath('accessibilityNote', 'de'))}
        label={t('directory-editor:fields.accessibilityNote')}
        hint={t('directory-editor:fields.accessibilityNoteHint')}
        optional
        lang="de"
        dir="auto"
        rows={2}
        maxLength={1000}
        value={value.texts.accessibilityNote.de ?? ''}
        onValueChange={(text) => onChange({ texts: withText(value.texts, 'accessibilityNote', 'de', text) })}
        error={errorAt(textPath('accessibilityNote', 'de'))}
      />
    </fieldset>
  );
}
