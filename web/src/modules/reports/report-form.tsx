/**
 * The report form's parts, shared by the public form (ReportPage: four steps, draft kept on the device) and the
 * counsellors' form for reports taken by phone (IntakePage: one page): what the form holds, the check of each step,
 * what it sends, and one component per step (fieldset).
 */
import { useTranslation } from 'react-i18next';
import { useCity } from '../../app/city';
import { LANGUAGES } from '../../app/i18n';
import {
  Checkbox,
  CheckGroup,
  Checkboxes,
  GroupedSelect,
  Radios,
  Select,
  TextArea,
  TextInput,
} from '../../components/Fields';
import {
  AFFECTED_LABEL,
  CONTACT_LABEL,
  EXTREMIST_LABEL,
  GROUND_LABEL,
  PLACE_LABEL,
  POLICE_LABEL,
  SETTING_ICON,
  SETTING_LABEL,
} from './labels';
import {
  AFFECTED,
  CONTACT_KINDS,
  type ContactKind,
  EXTREMIST_KINDS,
  type ExtremistKind,
  GROUNDS,
  type Ground,
  PLACE_KINDS,
  type PlaceKind,
  POLICE,
  type ReportInput,
  SETTINGS,
} from './reports.api';

/** What the form holds while it is filled in (the public form keeps it on the device until sent). */
export interface Draft {
  description: string;
  whenKind: 'date' | 'about';
  date: string;
  about: string;
  placeKind: PlaceKind;
  ortsteilId: string;
  setting: string;
  grounds: Ground[];
  violence: '' | 'yes' | 'no';
  police: string;
  extremist: ExtremistKind[];
  affected: string;
  wantsContact: boolean;
  contactKind: ContactKind;
  contactValue: string;
  contactLanguage: string;
}

export const emptyDraft = (language: string): Draft => ({
  description: '',
  whenKind: 'date',
  date: '',
  about: '',
  placeKind: 'ortsteil',
  ortsteilId: '',
  setting: '',
  grounds: [],
  violence: '',
  police: '',
  extremist: [],
  affected: '',
  wantsContact: false,
  contactKind: 'email',
  contactValue: '',
  contactLanguage: language,
});

export type Errors = Partial<Record<keyof Draft | 'photos', string>>;

/** The fields of a step a reporter must fill, with the message for each that is missing. */
export function check(step: number, draft: Draft, t: (key: string) => string): Errors {
  const errors: Errors = {};
  if (step === 2) {
    if (draft.placeKind === 'ortsteil' && !draft.ortsteilId) errors.ortsteilId = t('reports:form.required');
    if (!draft.setting) errors.setting = t('reports:form.required');
  }
  if (step === 3) {
    if (draft.grounds.length === 0) errors.grounds = t('reports:form.groundsRequired');
    if (!draft.violence) errors.violence = t('reports:form.required');
    if (!draft.police) errors.police = t('reports:form.required');
    if (!draft.affected) errors.affected = t('reports:form.required');
  }
  if (step === 4 && draft.wantsContact && !draft.contactValue.trim())
    errors.contactValue = t('reports:form.required');
  return errors;
}

export function toInput(draft: Draft): ReportInput {
  return {
    description: draft.description.trim() || null,
    when:
      draft.whenKind === 'date' && draft.date ? { date: draft.date } : { about: draft.about.trim() || null },
    where: {
      kind: draft.placeKind,
      ortsteilId: draft.placeKind === 'ortsteil' ? draft.ortsteilId : null,
    },
    setting: draft.setting as ReportInput['setting'],
    grounds: draft.grounds,
    violence: draft.violence === 'yes',
    police: draft.police as ReportInput['police'],
    extremist: draft.extremist,
    affected: draft.affected as ReportInput['affected'],
    contact: draft.wantsContact
      ? { kind: draft.contactKind, value: draft.contactValue.trim(), language: draft.contactLanguage }
      : null,
  };
}

export type StepProps = { draft: Draft; change: (changes: Partial<Draft>) => void; errors: Errors };

export function WhatStep({ draft, change }: StepProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextArea
        id="report-description"
        name="description"
        label={t('reports:form.description')}
        hint={t('reports:form.descriptionHint')}
        value={draft.description}
        onValueChange={(description) => change({ description })}
        optional
        rows={5}
        maxLength={8000}
      />
      <Radios
        name="report-when"
        legend={t('reports:form.when')}
        value={draft.whenKind}
        options={[
          { value: 'date', label: t('reports:form.whenDate') },
          { value: 'about', label: t('reports:form.whenAbout') },
        ]}
        onValueChange={(value) => change({ whenKind: value as Draft['whenKind'] })}
      />
      {draft.whenKind === 'date' ? (
        <TextInput
          id="report-date"
          name="date"
          type="date"
          label={t('reports:form.date')}
          value={draft.date}
          onValueChange={(date) => change({ date })}
          optional
        />
      ) : (
        <TextInput
          id="report-about"
          name="about"
          label={t('reports:form.about')}
          hint={t('reports:form.aboutHint')}
          value={draft.about}
          onValueChange={(about) => change({ about })}
          optional
          maxLength={200}
        />
      )}
    </>
  );
}

export function WhereStep({ draft, change, errors }: StepProps) {
  const { t } = useTranslation();
  const city = useCity();
  return (
    <>
      <Radios
        name="report-place"
        legend={t('reports:form.where')}
        value={draft.placeKind}
        options={PLACE_KINDS.map((kind) => ({ value: kind, label: t(PLACE_LABEL[kind]) }))}
        onValueChange={(value) => change({ placeKind: value as PlaceKind })}
      />
      {draft.placeKind === 'ortsteil' ? (
        <GroupedSelect
          id="report-ortsteil"
          name="ortsteilId"
          label={t('reports:form.ortsteil')}
          placeholder={t('reports:form.choose')}
          value={draft.ortsteilId}
          onValueChange={(ortsteilId) => change({ ortsteilId })}
          error={errors.ortsteilId}
          groups={(city.data?.districts ?? []).map((district) => ({
            label: district.name,
            options: district.ortsteile.map((o) => ({ value: o.id, label: o.name })),
          }))}
        />
      ) : null}
      <CheckGroup id="report-setting" legend={t('reports:form.setting')} error={errors.setting}>
        {SETTINGS.map((setting) => (
          <div className="kern-form-check" key={setting}>
            <input
              className="kern-form-check__radio"
              type="radio"
              id={`report-setting-${setting}`}
              name="report-setting"
              value={setting}
              checked={draft.setting === setting}
              onChange={() => change({ setting })}
            />
            <label className="kern-label" htmlFor={`report-setting-${setting}`}>
              <span className="app-reports__icon" aria-hidden="true">
                {SETTING_ICON[setting]}
              </span>
              {t(SETTING_LABEL[setting])}
            </label>
          </div>
        ))}
      </CheckGroup>
    </>
  );
}

export function KindStep({ draft, change, errors }: StepProps) {
  const { t } = useTranslation();
  const yesNo = [
    { value: 'yes', label: t('reports:form.yes') },
    { value: 'no', label: t('reports:form.no') },
  ];
  return (
    <>
      <CheckGroup
        id="report-grounds"
        legend={t('reports:form.grounds')}
        hint={t('reports:form.groundsHint')}
        error={errors.grounds}
      >
        <Checkboxes
          idPrefix="report-ground"
          options={GROUNDS}
          labelOf={(ground) => t(GROUND_LABEL[ground])}
          selected={draft.grounds}
          onChange={(grounds) => change({ grounds })}
        />
      </CheckGroup>
      <Radios
        name="report-violence"
        legend={t('reports:form.violence')}
        value={draft.violence}
        options={yesNo}
        onValueChange={(value) => change({ violence: value as Draft['violence'] })}
      />
      {errors.violence ? (
        <p className="kern-body kern-body--small app-reports__error">{errors.violence}</p>
      ) : null}
      <Radios
        name="report-police"
        legend={t('reports:form.police')}
        value={draft.police}
        options={POLICE.map((p) => ({ value: p, label: t(POLICE_LABEL[p]) }))}
        onValueChange={(police) => change({ police })}
      />
      {errors.police ? (
        <p className="kern-body kern-body--small app-reports__error">{errors.police}</p>
      ) : null}
      <CheckGroup
        id="report-extremist"
        legend={t('reports:form.extremist')}
        hint={t('reports:form.extremistHint')}
      >
        <Checkboxes
          idPrefix="report-extremist"
          options={EXTREMIST_KINDS}
          labelOf={(kind) => t(EXTREMIST_LABEL[kind])}
          selected={draft.extremist}
          onChange={(extremist) => change({ extremist })}
        />
      </CheckGroup>
      <Radios
        name="report-affected"
        legend={t('reports:form.affected')}
        value={draft.affected}
        options={AFFECTED.map((a) => ({ value: a, label: t(AFFECTED_LABEL[a]) }))}
        onValueChange={(affected) => change({ affected })}
      />
      {errors.affected ? (
        <p className="kern-body kern-body--small app-reports__error">{errors.affected}</p>
      ) : null}
    </>
  );
}

export function ContactStep({ draft, change, errors }: StepProps) {
  const { t } = useTranslation();
  return (
    <>
      <p className="kern-body">{t('reports:form.contactPurpose')}</p>
      <p className="kern-body kern-body--small" id="report-contact-consent">
        {t('reports:form.contactConsent')}
      </p>
      <Checkbox
        id="report-wants-contact"
        label={t('reports:form.wantsContact')}
        checked={draft.wantsContact}
        onChange={(wantsContact) => change({ wantsContact })}
      />
      {draft.wantsContact ? (
        <>
          <Radios
            name="report-contact-kind"
            legend={t('reports:form.contactKind')}
            value={draft.contactKind}
            options={CONTACT_KINDS.map((k) => ({ value: k, label: t(CONTACT_LABEL[k]) }))}
            onValueChange={(value) => change({ contactKind: value as ContactKind })}
          />
          <TextInput
            id="report-contact-value"
            name="contactValue"
            type={draft.contactKind === 'email' ? 'email' : 'tel'}
            label={t(CONTACT_LABEL[draft.contactKind])}
            value={draft.contactValue}
            onValueChange={(contactValue) => change({ contactValue })}
            error={errors.contactValue}
            dir="ltr"
            maxLength={200}
          />
          <Select
            id="report-contact-language"
            name="contactLanguage"
            label={t('reports:form.contactLanguage')}
            value={draft.contactLanguage}
            onValueChange={(contactLanguage) => change({ contactLanguage })}
            options={LANGUAGES.map((l) => ({ value: l.code, label: l.nativeName, lang: l.code }))}
          />
        </>
      ) : null}
    </>
  );
}
