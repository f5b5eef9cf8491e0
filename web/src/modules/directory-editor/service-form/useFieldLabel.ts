import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../app/i18n';
import { TEXT_FIELD_LABEL, type TextField, useNames } from '../labels';

/** A translation language's name in the reader's language, with its own name when they differ. */
export function useLanguageLabel() {
  const names = useNames();
  return (lang: string) => {
    const native = LANGUAGES.find((l) => l.code === lang)?.nativeName ?? lang;
    const name = names.languageName(lang);
    return name === native ? name : `${name} (${native})`;
  };
}

/** The label of the input at a server field path, for the error summary's links. */
export function useFieldLabel() {
  const { t } = useTranslation();
  const languageLabel = useLanguageLabel();
  return (path: string): string => {
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
}
