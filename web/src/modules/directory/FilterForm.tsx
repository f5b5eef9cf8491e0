import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguageNames } from '../../app/languages';
import { CATEGORY_LABEL, TARGET_GROUP_LABEL } from './labels';
import {
  activeFilterCount,
  CATEGORIES,
  type Category,
  EMPTY_FILTERS,
  type Filters,
  RADII,
  SPOKEN_LANGUAGES,
  TARGET_GROUPS,
} from './filters';
import type { City } from '../../app/city';

const SWITCHES = [
  { key: 'free', label: 'directory:filters.free' },
  { key: 'openNow', label: 'directory:filters.openNow' },
  { key: 'accessible', label: 'directory:filters.accessible' },
  { key: 'hasPlaces', label: 'directory:filters.hasPlaces' },
] as const;

function areaValue(filters: Filters): string {
  if (filters.ortsteil) return `o:${filters.ortsteil}`;
  if (filters.district) return `d:${filters.district}`;
  return '';
}

interface FilterFormProps {
  filters: Filters;
  city: City | undefined;
  onApply: (filters: Filters) => void;
}

/**
 * The search: words (submitted with the button or Enter) and filters, which apply as soon as they change.
 * On a phone the filters fold away behind a button that says how many are active.
 */
export function FilterForm({ filters: fromUrl, city, onApply }: FilterFormProps) {
  const { t } = useTranslation();
  const { nameOf } = useLanguageNames();
  const panelId = useId();
  // The choices show at once; the URL (and with it the search) follows a moment later.
  const [filters, setFilters] = useState(fromUrl);
  const [q, setQ] = useState(fromUrl.q);
  const [postcode, setPostcode] = useState(fromUrl.postcode);
  const [postcodeError, setPostcodeError] = useState(false);
  const [open, setOpen] = useState(false);

  // The URL is the truth: back/forward and shared links bring their filters, words and postcode along.
  useEffect(() => setFilters(fromUrl), [fromUrl]);
  useEffect(() => setQ(fromUrl.q), [fromUrl.q]);
  useEffect(() => setPostcode(fromUrl.postcode), [fromUrl.postcode]);

  const apply = (changes: Partial<Filters>) => {
    const typedPostcode = postcode.trim();
    const validPostcode = typedPostcode === '' || /^\d{5}$/.test(typedPostcode);
    setPostcodeError(!validPostcode);
    const next = {
      ...filters,
      q,
      postcode: validPostcode ? typedPostcode : filters.postcode,
      ...changes,
      page: 1,
    };
    setFilters(next);
    onApply(next);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply({});
  };

  const onArea = (value: string) => {
    const [kind, id = ''] = value.split(':');
    apply({ district: kind === 'd' ? id : '', ortsteil: kind === 'o' ? id : '' });
  };

  const toggleCategory = (category: Category, checked: boolean) =>
    apply({
      categories: checked
        ? [...filters.categories, category]
        : filters.categories.filter((c) => c !== category),
    });

  const languages = [...SPOKEN_LANGUAGES]
    .map((code) => ({ code, name: nameOf(code) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const count = activeFilterCount(filters);

  return (
    <search className="app-directory-search-region">
      <form className="app-directory-search" onSubmit={onSubmit} noValidate>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="directory-q">
            {t('directory:search.words')}
          </label>
          <div className="kern-hint" id="directory-q-hint">
            {t('directory:search.wordsHint')}
          </div>
          <div className="app-directory-searchbar">
            <input
              id="directory-q"
              name="q"
              type="search"
              className="kern-form-input__input"
              dir="auto"
              autoComplete="off"
              value={q}
              aria-describedby="directory-q-hint"
              onChange={(event) => setQ(event.target.value)}
            />
            <button type="submit" className="kern-btn kern-btn--primary">
              <span className="kern-icon kern-icon--search" aria-hidden="true" />
              <span className="kern-label">{t('directory:search.submit')}</span>
            </button>
          </div>
        </div>

        <button
          type="button"
          className="kern-btn kern-btn--secondary app-directory-filter-toggle"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((value) => !value)}
        >
          <span className="kern-icon kern-icon--checklist" aria-hidden="true" />
          <span className="kern-label">{t('directory:filters.button', { count })}</span>
        </button>

        <div id={panelId} className="app-directory-filters" data-open={open}>
          <h2 className="kern-heading-small app-directory-filters__title">{t('directory:filters.title')}</h2>

          <div className="kern-form-input">
            <label className="kern-label" htmlFor="directory-area">
              {t('directory:filters.area')}
            </label>
            <div className="kern-form-input__select-wrapper">
              <select
                id="directory-area"
                name="area"
                className="kern-form-input__select"
                value={areaValue(filters)}
                onChange={(event) => onArea(event.target.value)}
              >
                <option value="">{t('directory:filters.areaAll')}</option>
                {(city?.districts ?? []).map((district) => (
                  <optgroup key={district.id} label={district.name}>
                    <option value={`d:${district.id}`}>
                      {t('directory:filters.wholeDistrict', { name: district.name })}
                    </option>
                    {district.ortsteile.map((ortsteil) => (
                      <option key={ortsteil.id} value={`o:${ortsteil.id}`}>
                        {ortsteil.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </div>
          </div>

          <div className="app-directory-near">
            <div className={`kern-form-input${postcodeError ? ' kern-form-input--error' : ''}`}>
              <label className="kern-label" htmlFor="directory-postcode">
                {t('directory:filters.postcode')}
              </label>
              <div className="kern-hint" id="directory-postcode-hint">
                {t('directory:filters.postcodeHint')}
              </div>
              <input
                id="directory-postcode"
                name="postcode"
                className={`kern-form-input__input${postcodeError ? ' kern-form-input__input--error' : ''}`}
                inputMode="numeric"
                autoComplete="postal-code"
                maxLength={5}
                value={postcode}
                aria-describedby={`directory-postcode-hint${postcodeError ? ' directory-postcode-error' : ''}`}
                aria-invalid={postcodeError || undefined}
                onChange={(event) => setPostcode(event.target.value)}
                onBlur={() => {
                  if (postcode.trim() !== filters.postcode) apply({});
                }}
              />
              {postcodeError ? (
                <p className="kern-error" id="directory-postcode-error">
                  <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
                  <span className="kern-body">{t('directory:filters.postcodeInvalid')}</span>
                </p>
              ) : null}
            </div>
            <div className="kern-form-input">
              <label className="kern-label" htmlFor="directory-radius">
                {t('directory:filters.radius')}
              </label>
              <div className="kern-form-input__select-wrapper">
                <select
                  id="directory-radius"
                  name="radius_km"
                  className="kern-form-input__select"
                  value={filters.radius}
                  onChange={(event) => apply({ radius: event.target.value })}
                >
                  {RADII.map((radius) => (
                    <option key={radius} value={radius}>
                      {t('directory:filters.radiusKm', { km: Number(radius) })}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          </div>

          <div className="kern-form-input">
            <label className="kern-label" htmlFor="directory-language">
              {t('directory:filters.language')}
            </label>
            <div className="kern-form-input__select-wrapper">
              <select
                id="directory-language"
                name="language"
                className="kern-form-input__select"
                value={filters.language}
                onChange={(event) => apply({ language: event.target.value })}
              >
                <option value="">{t('directory:filters.languageAll')}</option>
                {languages.map((language) => (
                  <option key={language.code} value={language.code}>
                    {language.name}
                  </option>
                ))}
              </select>
            </div>
          </div>

          <div className="kern-form-input">
            <label className="kern-label" htmlFor="directory-target">
              {t('directory:filters.targetGroup')}
            </label>
            <div className="kern-form-input__select-wrapper">
              <select
                id="directory-target"
                name="target_group"
                className="kern-form-input__select"
                value={filters.targetGroup}
                onChange={(event) => apply({ targetGroup: event.target.value })}
              >
                <option value="">{t('directory:filters.targetGroupAll')}</option>
                {TARGET_GROUPS.map((group) => (
                  <option key={group} value={group}>
                    {t(TARGET_GROUP_LABEL[group])}
                  </option>
                ))}
              </select>
            </div>
          </div>

          <fieldset className="kern-fieldset">
            <legend className="kern-label">{t('directory:filters.more')}</legend>
            <div className="kern-fieldset__body">
              {SWITCHES.map((item) => (
                <div className="kern-form-check" key={item.key}>
                  <input
                    className="kern-form-check__checkbox"
                    type="checkbox"
                    id={`directory-${item.key}`}
                    checked={filters[item.key]}
                    onChange={(event) => apply({ [item.key]: event.target.checked })}
                  />
                  <label className="kern-label" htmlFor={`directory-${item.key}`}>
                    {t(item.label)}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>

          <fieldset className="kern-fieldset">
            <legend className="kern-label">{t('directory:filters.category')}</legend>
            <div className="kern-fieldset__body">
              {CATEGORIES.map((category) => (
                <div className="kern-form-check" key={category}>
                  <input
                    className="kern-form-check__checkbox"
                    type="checkbox"
                    id={`directory-category-${category}`}
                    checked={filters.categories.includes(category)}
                    onChange={(event) => toggleCategory(category, event.target.checked)}
                  />
                  <label className="kern-label" htmlFor={`directory-category-${category}`}>
                    {t(CATEGORY_LABEL[category])}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>

          {count > 0 || filters.q ? (
            <button
              type="button"
              className="kern-btn kern-btn--tertiary"
              onClick={() => {
                setQ('');
                setPostcode('');
                setPostcodeError(false);
                onApply(EMPTY_FILTERS);
              }}
            >
              <span className="kern-icon kern-icon--close" aria-hidden="true" />
              <span className="kern-label">{t('directory:filters.reset')}</span>
            </button>
          ) : null}
        </div>
      </form>
    </search>
  );
}
