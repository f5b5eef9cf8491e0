import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { LANGUAGES } from '../../app/i18n';
import {
  CATEGORIES,
  type City,
  type ServiceBody,
  TARGET_GROUPS,
  type Translated,
  WEEKDAYS,
  type Weekday,
} from './editor.api';
import { ErrorSummary, useFormErrorText } from './ErrorSummary';
import {
  bodyOf,
  COMMON_SPOKEN,
  DEFAULT_TRANSLATIONS,
  directionOfText,
  type FormState,
  inputIdOf,
  languagesWithText,
  pathOf,
  rowKey,
  TRANSLATION_LANGUAGES,
} from './form';
import {
  CATEGORY_LABEL,
  TARGET_GROUP_LABEL,
  TEXT_FIELD_LABEL,
  TEXT_FIELDS,
  type TextField,
  useNames,
} from './labels';
import { Checkbox, Checkboxes, CheckGroup, FieldFrame, TextArea, TextInput } from '../../components/Fields';

/** The server path of a text field in a language (the accessibility note belongs to the location). */
const textPath = (field: TextField, lang: string) =>
  field === 'accessibilityNote' ? `location.accessibilityNote.${lang}` : `texts.${field}.${lang}`;

/** Texts written in several lines; the name is one line. */
const MULTILINE: ReadonlySet<TextField> = new Set([
  'description',
  'eligibility',
  'fees',
  'requiredDocuments',
]);

interface ServiceFormProps {
  initial: FormState;
  isNew: boolean;
  /** Languages whose translations are older than the German text. */
  outdated: readonly string[];
  /** Coordinators choose the organisation; editors write for their own. */
  organisations: { id: string; name: string }[] | null;
  city: City | undefined;
  saving: boolean;
  error: unknown;
  onSave: (body: ServiceBody) => void;
}

/** Everything about an offer, in groups; German first, then a section per translation language. */
export function ServiceForm({
  initial,
  isNew,
  outdated,
  organisations,
  city,
  saving,
  error,
  onSave,
}: ServiceFormProps) {
  const { t } = useTranslation();
  const names = useNames();
  const [form, setForm] = useState(initial);
  const [shown, setShown] = useState<string[]>(() => [
    ...new Set([...DEFAULT_TRANSLATIONS, ...languagesWithText(initial)]),
  ]);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [adding, setAdding] = useState('');

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((current) => ({ ...current, [key]: value }));
  const setText = (field: TextField, lang: string, value: string) =>
    setForm((current) => ({
      ...current,
      texts: { ...current.texts, [field]: { ...current.texts[field], [lang]: value } },
    }));

  const languageLabel = (lang: string) => {
    const native = LANGUAGES.find((l) => l.code === lang)?.nativeName ?? lang;
    const name = names.languageName(lang);
    return name === native ? name : `${name} (${native})`;
  };

  const labelOf = (path: string): string => {
    const parts = path.split('.');
    const [head, second, third, fourth] = parts;
    const row = Number(second) + 1;
    if (head === 'texts' || (head === 'location' && second === 'accessibilityNote')) {
      const field = (head === 'texts' ? second : 'accessibilityNote') as TextField;
      const lang = third;
      const label = t(TEXT_FIELD_LABEL[field] ?? 'directory-editor:fields.description');
      return !lang || lang === 'de'
        ? label
        : t('directory-editor:fields.inLanguage', { field: label, language: languageLabel(lang) });
    }
    if (head === 'schedule') {
      if (third === 'days') return t('directory-editor:schedule.daysOfRow', { row });
      if (third === 'opens') return t('directory-editor:schedule.opensOfRow', { row });
      if (third === 'closes') return t('directory-editor:schedule.closesOfRow', { row });
      return t('directory-editor:schedule.row', { row });
    }
    if (head === 'events') {
      if (third === 'start') return t('directory-editor:events.startOfRow', { row });
      if (third === 'end') return t('directory-editor:events.endOfRow', { row });
      if (third === 'title' && (fourth ?? 'de') === 'de')
        return t('directory-editor:events.titleOfRow', { row });
      return t('directory-editor:events.row', { row });
    }
    const labels: Record<string, string> = {
      organisationId: t('directory-editor:fields.organisation'),
      categories: t('directory-editor:fields.categories'),
      targetGroups: t('directory-editor:fields.targetGroups'),
      languages: t('directory-editor:fields.languages'),
      free: t('directory-editor:fields.free'),
      url: t('directory-editor:fields.url'),
      email: t('directory-editor:fields.email'),
      phone: t('directory-editor:fields.phone'),
      capacity: t('directory-editor:fields.capacity'),
      'capacity.free': t('directory-editor:fields.capacityFree'),
      'capacity.waitingList': t('directory-editor:fields.capacityWaiting'),
      'location.name': t('directory-editor:fields.locationName'),
      'location.address': t('directory-editor:fields.address'),
      'location.postcode': t('directory-editor:fields.postcode'),
      'location.ortsteilId': t('directory-editor:fields.ortsteil'),
      'location.lat': t('directory-editor:fields.lat'),
      'location.lon': t('directory-editor:fields.lon'),
      'location.accessible': t('directory-editor:fields.accessible'),
      minor: t('directory-editor:fields.minor'),
    };
    return labels[parts.slice(0, 2).join('.')] ?? labels[head ?? ''] ?? path;
  };

  const errorText = useFormErrorText(labelOf);
  const errorPath = error instanceof ApiError ? pathOf(error.field) : undefined;
  /** The message for the input at `path` (or a group around it) when the last save failed there. */
  const errorAt = (path: string): string | undefined => {
    if (!(error instanceof ApiError) || !errorPath) return undefined;
    return errorPath === path || errorPath.startsWith(`${path}.`) ? errorText(error) : undefined;
  };

  // An error in a translation: show and open that language's section, so the link in the summary leads there.
  useEffect(() => {
    if (!errorPath) return;
    const parts = errorPath.split('.');
    const lang = parts[0] === 'texts' ? parts[2] : parts[1] === 'accessibilityNote' ? parts[2] : undefined;
    if (!lang || lang === 'de') return;
    setShown((current) => (current.includes(lang) ? current : [...current, lang]));
    setOpen((current) => new Set([...current, lang]));
  }, [errorPath]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSave(bodyOf(form));
  };

  const ortsteile = city?.districts.flatMap((district) => district.ortsteile) ?? [];
  const chooseOrtsteil = (id: string) => {
    const ortsteil = ortsteile.find((o) => o.id === id);
    setForm((current) => ({
      ...current,
      ortsteilId: id,
      lat: ortsteil ? String(ortsteil.centre.lat) : current.lat,
      lon: ortsteil ? String(ortsteil.centre.lon) : current.lon,
    }));
  };
  const changePostcode = (postcode: string) => {
    const match = /^\d{5}$/.test(postcode)
      ? ortsteile.find((o) => o.postcodes.includes(postcode))
      : undefined;
    if (match && !form.ortsteilId) chooseOrtsteil(match.id);
    set('postcode', postcode);
  };

  const addable = TRANSLATION_LANGUAGES.filter((lang) => !shown.includes(lang));

  return (
    <form className="app-form app-form--wide app-editor" onSubmit={onSubmit} noValidate>
      <ErrorSummary error={error} labelOf={labelOf} />
      <p className="kern-body">{t('directory-editor:form.requiredNote')}</p>

      <fieldset className="kern-fieldset app-editor__group">
        <legend className="kern-heading-small">{t('directory-editor:form.about')}</legend>
        {organisations ? (
          <FieldFrame
            id={inputIdOf('organisationId')}
            label={t('directory-editor:fields.organisation')}
            error={errorAt('organisationId')}
          >
            {(describedBy) => (
              <div className="kern-form-input__select-wrapper">
                <select
                  id={inputIdOf('organisationId')}
                  className="kern-form-input__select"
                  value={form.organisationId}
                  onChange={(event) => set('organisationId', event.target.value)}
                  aria-describedby={describedBy}
                  aria-invalid={errorAt('organisationId') ? true : undefined}
                >
                  <option value="">{t('directory-editor:fields.organisationChoose')}</option>
                  {organisations.map((organisation) => (
                    <option key={organisation.id} value={organisation.id}>
                      {organisation.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </FieldFrame>
        ) : null}
        <TextInput
          id={inputIdOf('texts.name.de')}
          label={t('directory-editor:fields.name')}
          hint={t('directory-editor:fields.nameHint')}
          lang="de"
          dir="auto"
          maxLength={200}
          value={form.texts.name.de ?? ''}
          onValueChange={(value) => setText('name', 'de', value)}
          error={errorAt('texts.name.de') ?? errorAt('texts.name')}
        />
        <TextArea
          id={inputIdOf('texts.description.de')}
          label={t('directory-editor:fields.description')}
          hint={t('directory-editor:fields.descriptionHint')}
          lang="de"
          dir="auto"
          rows={6}
          maxLength={5000}
          value={form.texts.description.de ?? ''}
          onValueChange={(value) => setText('description', 'de', value)}
          error={errorAt('texts.description.de') ?? errorAt('texts.description')}
        />
        <CheckGroup
          id={inputIdOf('categories')}
          legend={t('directory-editor:fields.categories')}
          hint={t('directory-editor:fields.categoriesHint')}
          error={errorAt('categories')}
        >
          <Checkboxes
            idPrefix="svc-category"
            options={CATEGORIES}
            labelOf={(category) => t(CATEGORY_LABEL[category])}
            selected={form.categories}
            onChange={(value) => set('categories', value)}
          />
        </CheckGroup>
        <CheckGroup
          id={inputIdOf('targetGroups')}
          legend={t('directory-editor:fields.targetGroups')}
          hint={t('directory-editor:fields.targetGroupsHint')}
          error={errorAt('targetGroups')}
        >
          <Checkboxes
            idPrefix="svc-target"
            options={TARGET_GROUPS}
            labelOf={(group) => t(TARGET_GROUP_LABEL[group])}
            selected={form.targetGroups}
            onChange={(value) => set('targetGroups', value)}
          />
        </CheckGroup>
        <CheckGroup
          id={inputIdOf('languages')}
          legend={t('directory-editor:fields.languages')}
          hint={t('directory-editor:fields.languagesHint')}
          error={errorAt('languages')}
        >
          <div className="app-editor__checks">
            <Checkboxes
              idPrefix="svc-spoken"
              options={COMMON_SPOKEN}
              labelOf={(code) => names.languageName(code)}
              selected={form.spoken}
              onChange={(value) => set('spoken', value)}
            />
          </div>
          <TextInput
            id="svc-languages-other"
            label={t('directory-editor:fields.languagesOther')}
            hint={t('directory-editor:fields.languagesOtherHint')}
            optional
            autoComplete="off"
            value={form.otherSpoken}
            onValueChange={(value) => set('otherSpoken', value)}
          />
        </CheckGroup>
      </fieldset>

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
            value={form.texts[field].de ?? ''}
            onValueChange={(value) => setText(field, 'de', value)}
            error={errorAt(textPath(field, 'de'))}
          />
        ))}
        <Checkbox
          id={inputIdOf('free')}
          label={t('directory-editor:fields.free')}
          checked={form.free}
          onChange={(on) => set('free', on)}
        />
        <Checkbox
          id="svc-capacity"
          label={t('directory-editor:fields.hasCapacity')}
          checked={form.hasCapacity}
          onChange={(on) => set('hasCapacity', on)}
        />
        {form.hasCapacity ? (
          <div className="app-form__grid">
            <TextInput
              id={inputIdOf('capacity.free')}
              label={t('directory-editor:fields.capacityFree')}
              type="number"
              inputMode="numeric"
              min={0}
              value={form.capacityFree}
              onValueChange={(value) => set('capacityFree', value)}
              error={errorAt('capacity.free')}
            />
            <TextInput
              id={inputIdOf('capacity.waitingList')}
              label={t('directory-editor:fields.capacityWaiting')}
              type="number"
              inputMode="numeric"
              min={0}
              value={form.capacityWaiting}
              onValueChange={(value) => set('capacityWaiting', value)}
              error={errorAt('capacity.waitingList') ?? errorAt('capacity')}
            />
          </div>
        ) : null}
      </fieldset>

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
            value={form.phone}
            onValueChange={(value) => set('phone', value)}
            error={errorAt('phone')}
          />
          <TextInput
            id={inputIdOf('email')}
            label={t('directory-editor:fields.email')}
            type="email"
            optional
            autoComplete="off"
            translate="no"
            value={form.email}
            onValueChange={(value) => set('email', value)}
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
            value={form.url}
            onValueChange={(value) => set('url', value)}
            error={errorAt('url')}
          />
        </div>
      </fieldset>

      <fieldset className="kern-fieldset app-editor__group">
        <legend className="kern-heading-small">{t('directory-editor:form.location')}</legend>
        <div className="app-form__grid">
          <TextInput
            id={inputIdOf('location.name')}
            label={t('directory-editor:fields.locationName')}
            hint={t('directory-editor:fields.locationNameHint')}
            dir="auto"
            value={form.locationName}
            onValueChange={(value) => set('locationName', value)}
            error={errorAt('location.name')}
          />
          <TextInput
            id={inputIdOf('location.address')}
            label={t('directory-editor:fields.address')}
            hint={t('directory-editor:fields.addressHint')}
            dir="auto"
            autoComplete="off"
            value={form.address}
            onValueChange={(value) => set('address', value)}
            error={errorAt('location.address')}
          />
          <TextInput
            id={inputIdOf('location.postcode')}
            label={t('directory-editor:fields.postcode')}
            hint={t('directory-editor:fields.postcodeHint')}
            inputMode="numeric"
            autoComplete="off"
            maxLength={5}
            value={form.postcode}
            onValueChange={changePostcode}
            error={errorAt('location.postcode')}
          />
          <FieldFrame
            id={inputIdOf('location.ortsteilId')}
            label={t('directory-editor:fields.ortsteil')}
            hint={t('directory-editor:fields.ortsteilHint')}
            error={errorAt('location.ortsteilId')}
          >
            {(describedBy) => (
              <div className="kern-form-input__select-wrapper">
                <select
                  id={inputIdOf('location.ortsteilId')}
                  className="kern-form-input__select"
                  value={form.ortsteilId}
                  onChange={(event) => chooseOrtsteil(event.target.value)}
                  aria-describedby={describedBy}
                  aria-invalid={errorAt('location.ortsteilId') ? true : undefined}
                  aria-required
                >
                  <option value="">{t('directory-editor:fields.ortsteilChoose')}</option>
                  {city?.districts.map((district) => (
                    <optgroup key={district.id} label={district.name}>
                      {district.ortsteile.map((ortsteil) => (
                        <option key={ortsteil.id} value={ortsteil.id}>
                          {ortsteil.name}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              </div>
            )}
          </FieldFrame>
          <TextInput
            id={inputIdOf('location.lat')}
            label={t('directory-editor:fields.lat')}
            hint={t('directory-editor:fields.coordinatesHint')}
            inputMode="decimal"
            autoComplete="off"
            value={form.lat}
            onValueChange={(value) => set('lat', value)}
            error={errorAt('location.lat')}
          />
          <TextInput
            id={inputIdOf('location.lon')}
            label={t('directory-editor:fields.lon')}
            hint={t('directory-editor:fields.coordinatesHint')}
            inputMode="decimal"
            autoComplete="off"
            value={form.lon}
            onValueChange={(value) => set('lon', value)}
            error={errorAt('location.lon')}
          />
        </div>
        <Checkbox
          id={inputIdOf('location.accessible')}
          label={t('directory-editor:fields.accessible')}
          checked={form.accessible}
          onChange={(on) => set('accessible', on)}
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
          value={form.texts.accessibilityNote.de ?? ''}
          onValueChange={(value) => setText('accessibilityNote', 'de', value)}
          error={errorAt(textPath('accessibilityNote', 'de'))}
        />
      </fieldset>

      <ScheduleEditor
        rows={form.schedule}
        weekdayName={names.weekdayName}
        errorAt={errorAt}
        onChange={(schedule) => set('schedule', schedule)}
      />

      <EventsEditor rows={form.events} errorAt={errorAt} onChange={(events) => set('events', events)} />

      <section className="app-editor__group app-stack" aria-labelledby="svc-translations-title">
        <h2 className="kern-heading-small" id="svc-translations-title">
          {t('directory-editor:form.translations')}
        </h2>
        <p className="kern-body">{t('directory-editor:form.translationsIntro')}</p>
        <div>
          {shown.map((lang) => (
            <details
              key={lang}
              className="kern-accordion"
              open={open.has(lang)}
              onToggle={(event) => {
                const isOpen = event.currentTarget.open;
                setOpen((current) => {
                  const next = new Set(current);
                  if (isOpen) next.add(lang);
                  else next.delete(lang);
                  return next;
                });
              }}
            >
              <summary className="kern-accordion__header">
                <span className="kern-title">
                  {languageLabel(lang)}
                  {outdated.includes(lang) ? (
                    <span className="kern-badge kern-badge--warning app-editor__badge">
                      <span className="kern-label">{t('directory-editor:translations.outdated')}</span>
                    </span>
                  ) : null}
                </span>
              </summary>
              <div className="kern-accordion__body app-stack">
                {TEXT_FIELDS.map((field) =>
                  MULTILINE.has(field) || field === 'accessibilityNote' ? (
                    <TextArea
                      key={field}
                      id={inputIdOf(textPath(field, lang))}
                      label={t('directory-editor:fields.inLanguage', {
                        field: t(TEXT_FIELD_LABEL[field]),
                        language: languageLabel(lang),
                      })}
                      optional
                      lang={lang}
                      dir={directionOfText(lang)}
                      rows={field === 'description' ? 5 : 3}
                      value={form.texts[field][lang] ?? ''}
                      onValueChange={(value) => setText(field, lang, value)}
                      error={errorAt(textPath(field, lang))}
                    />
                  ) : (
                    <TextInput
                      key={field}
                      id={inputIdOf(textPath(field, lang))}
                      label={t('directory-editor:fields.inLanguage', {
                        field: t(TEXT_FIELD_LABEL[field]),
                        language: languageLabel(lang),
                      })}
                      optional
                      lang={lang}
                      dir={directionOfText(lang)}
                      value={form.texts[field][lang] ?? ''}
                      onValueChange={(value) => setText(field, lang, value)}
                      error={errorAt(textPath(field, lang))}
                    />
                  ),
                )}
              </div>
            </details>
          ))}
        </div>
        {addable.length ? (
          <div className="app-inline-form">
            <label className="kern-label" htmlFor="svc-add-language">
              {t('directory-editor:form.addLanguage')}
            </label>
            <div className="kern-form-input__select-wrapper">
              <select
                id="svc-add-language"
                className="kern-form-input__select"
                value={adding}
                onChange={(event) => setAdding(event.target.value)}
              >
                <option value="">{t('directory-editor:form.addLanguageChoose')}</option>
                {addable.map((lang) => (
                  <option key={lang} value={lang}>
                    {languageLabel(lang)}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className="kern-btn kern-btn--secondary"
              disabled={!adding}
              onClick={() => {
                if (!adding) return;
                setShown((current) => [...current, adding]);
                setOpen((current) => new Set([...current, adding]));
                setAdding('');
              }}
            >
              <span className="kern-label">{t('directory-editor:form.addLanguageButton')}</span>
            </button>
          </div>
        ) : null}
      </section>

      {isNew ? null : (
        <div className="app-editor__group">
          <Checkbox
            id={inputIdOf('minor')}
            label={t('directory-editor:fields.minor')}
            describedBy="svc-minor-hint"
            checked={form.minor}
            onChange={(on) => set('minor', on)}
          />
          <p className="kern-hint" id="svc-minor-hint">
            {t('directory-editor:fields.minorHint')}
          </p>
        </div>
      )}

      <div className="app-form__actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={saving}>
          <span className="kern-label">
            {isNew ? t('directory-editor:form.create') : t('directory-editor:form.save')}
          </span>
        </button>
      </div>
    </form>
  );
}

/** The weekly opening hours: rows of days with an opening and a closing time. */
function ScheduleEditor({
  rows,
  weekdayName,
  errorAt,
  onChange,
}: {
  rows: FormState['schedule'];
  weekdayName: (index: number) => string;
  errorAt: (path: string) => string | undefined;
  onChange: (rows: FormState['schedule']) => void;
}) {
  const { t } = useTranslation();
  const update = (index: number, change: Partial<FormState['schedule'][number]>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const toggleDay = (index: number, day: Weekday, on: boolean) => {
    const days = rows[index]?.days ?? [];
    update(index, { days: WEEKDAYS.filter((d) => (d === day ? on : days.includes(d))) });
  };
  return (
    <section className="app-editor__group app-stack" aria-labelledby="svc-schedule-title">
      <h2 className="kern-heading-small" id="svc-schedule-title">
        {t('directory-editor:schedule.title')}
      </h2>
      <p className="kern-body">{t('directory-editor:schedule.intro')}</p>
      {rows.map((row, index) => {
        const path = `schedule.${index}`;
        return (
          <fieldset key={row.key} className="kern-fieldset app-editor__row" id={inputIdOf(path)}>
            <legend className="kern-label">{t('directory-editor:schedule.row', { row: index + 1 })}</legend>
            <CheckGroup
              id={inputIdOf(`${path}.days`)}
              legend={t('directory-editor:schedule.days')}
              error={errorAt(`${path}.days`)}
              horizontal
            >
              {WEEKDAYS.map((day, dayIndex) => (
                <Checkbox
                  key={day}
                  id={`svc-schedule-${index}-day-${day}`}
                  label={weekdayName(dayIndex)}
                  checked={row.days.includes(day)}
                  onChange={(on) => toggleDay(index, day, on)}
                />
              ))}
            </CheckGroup>
            <div className="app-form__grid">
              <TextInput
                id={inputIdOf(`${path}.opens`)}
                label={t('directory-editor:schedule.opens')}
                type="time"
                value={row.opens}
                onValueChange={(opens) => update(index, { opens })}
                error={errorAt(`${path}.opens`)}
              />
              <TextInput
                id={inputIdOf(`${path}.closes`)}
                label={t('directory-editor:schedule.closes')}
                type="time"
                value={row.closes}
                onValueChange={(closes) => update(index, { closes })}
                error={errorAt(`${path}.closes`)}
              />
            </div>
            <button
              type="button"
              className="kern-btn kern-btn--tertiary"
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
            >
              <span className="kern-icon kern-icon--delete" aria-hidden="true" />
              <span className="kern-label">{t('directory-editor:schedule.remove', { row: index + 1 })}</span>
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="kern-btn kern-btn--secondary"
        onClick={() => onChange([...rows, { key: rowKey(), days: [], opens: '09:00', closes: '17:00' }])}
      >
        <span className="kern-icon kern-icon--add" aria-hidden="true" />
        <span className="kern-label">{t('directory-editor:schedule.add')}</span>
      </button>
    </section>
  );
}

/** Dated events (course dates): start, end and a German title. */
function EventsEditor({
  rows,
  errorAt,
  onChange,
}: {
  rows: FormState['events'];
  errorAt: (path: string) => string | undefined;
  onChange: (rows: FormState['events']) => void;
}) {
  const { t } = useTranslation();
  const update = (index: number, change: Partial<FormState['events'][number]>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const setTitle = (index: number, title: Translated, value: string) =>
    update(index, { title: { ...title, de: value } });
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
              onValueChange={(value) => setTitle(index, row.title, value)}
              error={errorAt(`${path}.title`)}
            />
            <button
              type="button"
              className="kern-btn kern-btn--tertiary"
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
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
        onClick={() => onChange([...rows, { key: rowKey(), start: '', end: '', title: {} }])}
      >
        <span className="kern-icon kern-icon--add" aria-hidden="true" />
        <span className="kern-label">{t('directory-editor:events.add')}</span>
      </button>
    </section>
  );
}
