import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/errorText';
import { useLanguageNames } from '../../app/languages';
import { SPOKEN_LANGUAGES } from '../directory/filters';
import { GRADES } from './labels';
import type { ChildFields, ConsentsBody, Contact } from './schooling.api';
import { Checkbox, Radios, Select, type SelectOption, TextArea, TextInput } from '../../components/Fields';

/** One child as the form holds it: everything as the inputs give it. */
export interface ChildDraft {
  givenName: string;
  familyName: string;
  birthDate: string;
  languages: string[];
  schoolYears: string;
  lastGrade: string;
  literateLatin: '' | 'yes' | 'no';
  arrivalDate: string;
  specialNeeds: string;
  preferredSchoolId: string;
}

/** The family: contact, address (shared by the siblings), consents. */
export interface FamilyDraft {
  guardianName: string;
  email: string;
  phone: string;
  letterLanguage: string;
  street: string;
  postcode: string;
  ortsteilId: string;
  counselling: boolean;
  shareWithSchool: boolean;
}

/** What the form hands over: the contact, each child's fields and the consents. */
export interface RegistrationInput {
  contact: Contact;
  children: ChildFields[];
  consents: ConsentsBody;
}

const emptyChild = (familyName = ''): ChildDraft => ({
  givenName: '',
  familyName,
  birthDate: '',
  languages: [],
  schoolYears: '',
  lastGrade: '',
  literateLatin: '',
  arrivalDate: '',
  specialNeeds: '',
  preferredSchoolId: '',
});

function toChild(draft: ChildDraft, family: FamilyDraft): ChildFields {
  const years = Number.parseInt(draft.schoolYears, 10);
  return {
    givenName: draft.givenName.trim(),
    familyName: draft.familyName.trim(),
    birthDate: draft.birthDate,
    languages: draft.languages,
    schoolYears: Number.isNaN(years) ? 0 : years,
    lastGrade: draft.lastGrade ? Number(draft.lastGrade) : null,
    literateLatin: draft.literateLatin === 'yes',
    arrivalDate: draft.arrivalDate,
    address: {
      street: family.street.trim(),
      postcode: family.postcode.trim(),
      ...(family.ortsteilId ? { ortsteilId: family.ortsteilId } : {}),
    },
    specialNeeds: draft.specialNeeds.trim() || null,
    preferredSchoolId: draft.preferredSchoolId || null,
  };
}

/** Ortsteile for the address, with their postcodes (a postcode may span several Ortsteile). */
export interface OrtsteilOption {
  id: string;
  name: string;
  postcodes: readonly string[];
}

/**
 * The Ortsteil after the postcode changed: the postcode's only Ortsteil, the one chosen when it still fits, or
 * none (the family chooses among the postcode's Ortsteile).
 */
export function ortsteilFor(ortsteile: readonly OrtsteilOption[], postcode: string, chosen: string): string {
  const fitting = ortsteile.filter((o) => o.postcodes.includes(postcode.trim()));
  if (fitting.length === 0) return chosen;
  if (fitting.length === 1) return fitting[0]?.id ?? '';
  return fitting.some((o) => o.id === chosen) ? chosen : '';
}

interface RegistrationFormProps {
  /** `public`: the family registers itself; `caseworker`: the KI enters it. */
  mode: 'public' | 'caseworker';
  ortsteile: readonly OrtsteilOption[];
  /** Schools the family may prefer (caseworkers only; the public form leaves it to the counselling). */
  schools?: readonly SelectOption[];
  pending: boolean;
  error: unknown;
  onSubmit: (input: RegistrationInput) => void;
}

/** The registration of one or more siblings: each child, the family's contact and address, and consents. */
export function RegistrationForm({
  mode,
  ortsteile,
  schools,
  pending,
  error,
  onSubmit,
}: RegistrationFormProps) {
  const { t, i18n } = useTranslation();
  const languageNames = useLanguageNames();
  const [children, setChildren] = useState<ChildDraft[]>([emptyChild()]);
  const [family, setFamily] = useState<FamilyDraft>({
    guardianName: '',
    email: '',
    phone: '',
    letterLanguage: i18n.language || 'de',
    street: '',
    postcode: '',
    ortsteilId: '',
    counselling: false,
    shareWithSchool: false,
  });
  const [checkError, setCheckError] = useState<string | null>(null);

  const labels: Record<string, string> = {
    givenName: t('schooling:child.givenName'),
    familyName: t('schooling:child.familyName'),
    birthDate: t('schooling:child.birthDate'),
    languages: t('schooling:child.languages'),
    schoolYears: t('schooling:child.schoolYears'),
    lastGrade: t('schooling:child.lastGrade'),
    literateLatin: t('schooling:child.literateLatin'),
    arrivalDate: t('schooling:child.arrivalDate'),
    specialNeeds: t('schooling:child.specialNeeds'),
    preferredSchoolId: t('schooling:child.preferredSchool'),
    street: t('schooling:family.street'),
    postcode: t('schooling:family.postcode'),
    ortsteilId: t('schooling:family.ortsteil'),
    guardianName: t('schooling:family.guardianName'),
    email: t('schooling:family.email'),
    phone: t('schooling:family.phone'),
    letterLanguage: t('schooling:family.letterLanguage'),
    counselling: t('schooling:consent.counselling'),
    shareWithSchool: t('schooling:consent.shareWithSchool'),
  };
  const fieldError = useFieldError(error, labels);
  // Errors about one child (`body.children.1.birthDate`) are shown at that child's input only.
  const childIndexOfError =
    error && typeof error === 'object' && 'field' in error && typeof error.field === 'string'
      ? Number(/children\.(\d+)\./.exec(error.field)?.[1] ?? 0)
      : 0;

  const setChild = (index: number, changes: Partial<ChildDraft>) =>
    setChildren((list) => list.map((child, i) => (i === index ? { ...child, ...changes } : child)));
  const setFamilyField = (changes: Partial<FamilyDraft>) =>
    setFamily((current) => ({ ...current, ...changes }));

  const toggleLanguage = (index: number, code: string, on: boolean) => {
    const current = children[index]?.languages ?? [];
    setChild(index, { languages: on ? [...current, code] : current.filter((c) => c !== code) });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!family.counselling) {
      setCheckError(t('schooling:consent.counsellingRequired'));
      return;
    }
    const withoutLanguage = children.findIndex((child) => child.languages.length === 0);
    if (withoutLanguage >= 0) {
      setCheckError(t('schooling:child.languagesRequired', { number: withoutLanguage + 1 }));
      return;
    }
    setCheckError(null);
    onSubmit({
      contact: {
        guardianName: family.guardianName.trim(),
        email: family.email.trim() || null,
        phone: family.phone.trim() || null,
        letterLanguage: family.letterLanguage,
      },
      children: children.map((child) => toChild(child, family)),
      consents: { counselling: true, shareWithSchool: family.shareWithSchool },
    });
  };

  const gradeOptions: SelectOption[] = [
    { value: '', label: t('schooling:child.noGrade') },
    ...GRADES.map((grade) => ({ value: String(grade), label: t('schooling:grade', { grade }) })),
  ];
  // The postcode's Ortsteile when it is one of the city's; every Ortsteil otherwise.
  const ofPostcode = ortsteile.filter((o) => o.postcodes.includes(family.postcode.trim()));
  const ortsteilOptions: SelectOption[] = (ofPostcode.length > 0 ? ofPostcode : ortsteile).map((o) => ({
    value: o.id,
    label: o.name,
    lang: 'de',
  }));
  const letterOptions: SelectOption[] = LANGUAGES.map((l) => ({
    value: l.code,
    label: l.nativeName,
    lang: l.code,
  }));
  const schoolOptions: SelectOption[] = schools
    ? [{ value: '', label: t('schooling:child.noPreference') }, ...schools]
    : [];
  const spoken = [...SPOKEN_LANGUAGES].sort((a, b) =>
    languageNames.nameOf(a).localeCompare(languageNames.nameOf(b), i18n.language),
  );

  return (
    <form className="app-form app-form--wide app-schooling" onSubmit={submit} noValidate>
      <ErrorAlert error={checkError ?? error} fieldLabels={labels} />

      {children.map((child, index) => {
        const prefix = `child-${index}`;
        const childError = (name: string) => (index === childIndexOfError ? fieldError(name) : undefined);
        return (
          <fieldset className="app-schooling__group" key={prefix} aria-labelledby={`${prefix}-legend`}>
            <legend id={`${prefix}-legend`} className="kern-heading-small">
              {t('schooling:register.childHeading', { number: index + 1 })}
            </legend>
            <div className="app-form__grid">
              <TextInput
                id={`${prefix}-givenName`}
                label={labels.givenName ?? ''}
                value={child.givenName}
                onValueChange={(givenName) => setChild(index, { givenName })}
                error={childError('givenName')}
                autoComplete="off"
              />
              <TextInput
                id={`${prefix}-familyName`}
                label={labels.familyName ?? ''}
                value={child.familyName}
                onValueChange={(familyName) => setChild(index, { familyName })}
                error={childError('familyName')}
                autoComplete="off"
              />
              <TextInput
                id={`${prefix}-birthDate`}
                type="date"
                label={labels.birthDate ?? ''}
                value={child.birthDate}
                onValueChange={(birthDate) => setChild(index, { birthDate })}
                error={childError('birthDate')}
              />
              <TextInput
                id={`${prefix}-arrivalDate`}
                type="date"
                label={labels.arrivalDate ?? ''}
                hint={t('schooling:child.arrivalHint')}
                value={child.arrivalDate}
                onValueChange={(arrivalDate) => setChild(index, { arrivalDate })}
                error={childError('arrivalDate')}
              />
            </div>

            <fieldset className="kern-fieldset" id={`${prefix}-languages`}>
              <legend className="kern-label">{labels.languages}</legend>
              <div className="kern-hint">{t('schooling:child.languagesHint')}</div>
              <div className="kern-fieldset__body app-schooling__checks">
                {spoken.map((code) => (
                  <Checkbox
                    key={code}
                    id={`${prefix}-language-${code}`}
                    label={languageNames.nameOf(code)}
                    checked={child.languages.includes(code)}
                    onChange={(on) => toggleLanguage(index, code, on)}
                  />
                ))}
              </div>
            </fieldset>

            <h3 className="kern-heading-x-small">{t('schooling:child.schoolingHeading')}</h3>
            <div className="app-form__grid">
              <TextInput
                id={`${prefix}-schoolYears`}
                type="number"
                inputMode="numeric"
                min={0}
                max={15}
                label={labels.schoolYears ?? ''}
                value={child.schoolYears}
                onValueChange={(schoolYears) => setChild(index, { schoolYears })}
                error={childError('schoolYears')}
              />
              <Select
                id={`${prefix}-lastGrade`}
                label={labels.lastGrade ?? ''}
                value={child.lastGrade}
                options={gradeOptions}
                onValueChange={(lastGrade) => setChild(index, { lastGrade })}
                error={childError('lastGrade')}
              />
            </div>
            <Radios
              name={`${prefix}-literateLatin`}
              legend={labels.literateLatin ?? ''}
              value={child.literateLatin}
              options={[
                { value: 'yes', label: t('schooling:yes') },
                { value: 'no', label: t('schooling:no') },
              ]}
              onValueChange={(value) => setChild(index, { literateLatin: value === 'yes' ? 'yes' : 'no' })}
            />
            <TextArea
              id={`${prefix}-specialNeeds`}
              label={labels.specialNeeds ?? ''}
              hint={t('schooling:child.specialNeedsHint')}
              optional
              value={child.specialNeeds}
              onValueChange={(specialNeeds) => setChild(index, { specialNeeds })}
              error={childError('specialNeeds')}
            />
            {mode === 'caseworker' && schools ? (
              <Select
                id={`${prefix}-preferredSchoolId`}
                label={labels.preferredSchoolId ?? ''}
                optional
                value={child.preferredSchoolId}
                options={schoolOptions}
                onValueChange={(preferredSchoolId) => setChild(index, { preferredSchoolId })}
                error={childError('preferredSchoolId')}
              />
            ) : null}
            {children.length > 1 ? (
              <button
                type="button"
                className="kern-btn kern-btn--tertiary"
                onClick={() => setChildren((list) => list.filter((_, i) => i !== index))}
              >
                <span className="kern-icon kern-icon--delete" aria-hidden="true" />
                <span className="kern-label">
                  {t('schooling:register.removeChild', { number: index + 1 })}
                </span>
              </button>
            ) : null}
          </fieldset>
        );
      })}

      <div>
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          onClick={() => setChildren((list) => [...list, emptyChild(list[0]?.familyName ?? '')])}
        >
          <span className="kern-icon kern-icon--add" aria-hidden="true" />
          <span className="kern-label">{t('schooling:register.addSibling')}</span>
        </button>
      </div>

      <fieldset className="app-schooling__group" aria-labelledby="family-legend">
        <legend id="family-legend" className="kern-heading-small">
          {t('schooling:family.heading')}
        </legend>
        <div className="app-form__grid">
          <TextInput
            id="guardianName"
            label={labels.guardianName ?? ''}
            value={family.guardianName}
            onValueChange={(guardianName) => setFamilyField({ guardianName })}
            error={fieldError('guardianName')}
            autoComplete="name"
          />
          <TextInput
            id="phone"
            type="tel"
            inputMode="tel"
            optional
            label={labels.phone ?? ''}
            value={family.phone}
            onValueChange={(phone) => setFamilyField({ phone })}
            error={fieldError('phone')}
            autoComplete="tel"
          />
          <TextInput
            id="email"
            type="email"
            inputMode="email"
            optional
            label={labels.email ?? ''}
            value={family.email}
            onValueChange={(email) => setFamilyField({ email })}
            error={fieldError('email')}
            autoComplete="email"
          />
          <Select
            id="letterLanguage"
            label={labels.letterLanguage ?? ''}
            hint={t('schooling:family.letterLanguageHint')}
            value={family.letterLanguage}
            options={letterOptions}
            onValueChange={(letterLanguage) => setFamilyField({ letterLanguage })}
            error={fieldError('letterLanguage')}
          />
        </div>
        <h3 className="kern-heading-x-small">{t('schooling:family.addressHeading')}</h3>
        <div className="app-form__grid">
          <TextInput
            id="street"
            label={labels.street ?? ''}
            value={family.street}
            onValueChange={(street) => setFamilyField({ street })}
            error={fieldError('street')}
            autoComplete="street-address"
          />
          <TextInput
            id="postcode"
            inputMode="numeric"
            label={labels.postcode ?? ''}
            value={family.postcode}
            onValueChange={(postcode) =>
              setFamilyField({ postcode, ortsteilId: ortsteilFor(ortsteile, postcode, family.ortsteilId) })
            }
            error={fieldError('postcode')}
            autoComplete="postal-code"
          />
          <Select
            id="ortsteilId"
            label={labels.ortsteilId ?? ''}
            hint={
              ofPostcode.length > 1
                ? t('schooling:family.ortsteilOfPostcode', { postcode: family.postcode.trim() })
                : undefined
            }
            placeholder={t('schooling:family.ortsteilChoose')}
            value={family.ortsteilId}
            options={ortsteilOptions}
            onValueChange={(ortsteilId) => setFamilyField({ ortsteilId })}
            error={fieldError('ortsteilId')}
          />
        </div>
      </fieldset>

      <fieldset className="app-schooling__group" aria-labelledby="consent-legend">
        <legend id="consent-legend" className="kern-heading-small">
          {t('schooling:consent.heading')}
        </legend>
        <p className="kern-body">
          {mode === 'public' ? t('schooling:consent.introFamily') : t('schooling:consent.introCaseworker')}
        </p>
        <Checkbox
          id="counselling"
          label={labels.counselling ?? ''}
          hint={t('schooling:consent.counsellingPurpose')}
          checked={family.counselling}
          onChange={(counselling) => setFamilyField({ counselling })}
        />
        <Checkbox
          id="shareWithSchool"
          label={labels.shareWithSchool ?? ''}
          hint={t('schooling:consent.sharePurpose')}
          checked={family.shareWithSchool}
          onChange={(shareWithSchool) => setFamilyField({ shareWithSchool })}
        />
        <p className="kern-body kern-body--small">{t('schooling:consent.expiry')}</p>
      </fieldset>

      <div className="app-form__actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={pending}>
          <span className="kern-label">
            {mode === 'public'
              ? t('schooling:register.submitFamily')
              : t('schooling:register.submitCaseworker')}
          </span>
        </button>
      </div>
    </form>
  );
}
