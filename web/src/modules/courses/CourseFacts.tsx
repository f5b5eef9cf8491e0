import { useTranslation } from 'react-i18next';
import { useCity } from '../../app/city';
import { useLanguageNames } from '../../app/languages';
import { useCityTime } from '../../app/time';
import type { Course } from './courses.api';
import { DAY_NUMBER, LEVEL_LABEL, TARGET_LABEL } from './labels';

/** The Ortsteil's name of a course (its id until the city is loaded). */
export function useOrtsteilName() {
  const city = useCity();
  return (id: string) =>
    city.data?.districts.flatMap((d) => d.ortsteile).find((o) => o.id === id)?.name ?? id;
}

/** What a course is: who, level, when, where, languages, cost — a description list. */
export function CourseFacts({ course }: { course: Course }) {
  const { t, i18n } = useTranslation();
  const dates = useCityTime();
  const languages = useLanguageNames();
  const ortsteil = useOrtsteilName();
  const sessions = course.sessions
    .map((s) => t('courses:facts.session', { day: dates.weekday(DAY_NUMBER[s.day]), from: s.from, to: s.to }))
    .join(', ');
  return (
    <dl className="app-courses__facts">
      <dt>{t('courses:facts.for')}</dt>
      <dd>
        {t(TARGET_LABEL[course.targetGroup])} · {t(LEVEL_LABEL[course.level])}
      </dd>
      <dt>{t('courses:facts.when')}</dt>
      <dd>
        {t('courses:facts.dates', { from: dates.date(course.startsOn), to: dates.date(course.endsOn) })}
        <br />
        {sessions}
      </dd>
      <dt>{t('courses:facts.where')}</dt>
      <dd>
        {course.placeName}, {course.address} ({ortsteil(course.ortsteilId)})
      </dd>
      <dt>{t('courses:facts.languages')}</dt>
      <dd>
        {languages.listOf(course.instructionLanguages)}
        {course.supportLanguages.length > 0
          ? ` · ${t('courses:facts.support', { languages: languages.listOf(course.supportLanguages) })}`
          : null}
      </dd>
      <dt>{t('courses:facts.cost')}</dt>
      <dd>
        {course.costCents === 0
          ? t('courses:facts.free')
          : new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'EUR' }).format(
              course.costCents / 100,
            )}
      </dd>
      {course.childcarePlaces > 0 ? (
        <>
          <dt>{t('courses:facts.childcare')}</dt>
          <dd>
            {t('courses:facts.childcareAges', {
              min: course.childcareAgeMin ?? 0,
              max: course.childcareAgeMax ?? 17,
              free: course.childcareFree,
            })}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** Free places, or "full: N waiting". */
export function Places({ course }: { course: Course }) {
  const { t } = useTranslation();
  if (course.enrolment === 'external')
    return (
      <span className="kern-badge kern-badge--info">
        <span className="kern-label">{t('courses:list.external')}</span>
      </span>
    );
  return course.capacityFree > 0 ? (
    <span className="kern-badge kern-badge--success">
      <span className="kern-label">{t('courses:list.free', { count: course.capacityFree })}</span>
    </span>
  ) : (
    <span className="kern-badge kern-badge--warning">
      <span className="kern-label">{t('courses:list.full', { count: course.waiting })}</span>
    </span>
  );
}
