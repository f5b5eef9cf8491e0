import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCity } from '../../app/city';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Select } from '../../components/Fields';
import { FollowCodeForm } from '../../components/FollowCodeForm';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { Pagination } from '../../components/Pagination';
import { CourseFacts, Places } from './CourseFacts';
import { COURSE_KINDS, type CourseKind, useCourses } from './courses.api';
import { KIND_LABEL } from './labels';

const PER_PAGE = 20;

/** The public list: every course not yet ended, by kind and Stadtbezirk, with free places or the waiting list. */
export function CoursesPage() {
  const { t } = useTranslation();
  const city = useCity();
  const [kind, setKind] = useState('');
  const [district, setDistrict] = useState('');
  const [page, setPage] = useState(1);
  const courses = useCourses({
    page,
    per_page: PER_PAGE,
    kind: (kind || undefined) as CourseKind | undefined,
    district: district || undefined,
  });
  return (
    <>
      <PageTitle>{t('courses:list.title')}</PageTitle>
      <p className="kern-body">{t('courses:list.intro')}</p>
      <div className="app-courses__filters">
        <Select
          id="courses-kind"
          label={t('courses:list.kind')}
          value={kind}
          onValueChange={(value) => {
            setKind(value);
            setPage(1);
          }}
          placeholder={t('courses:list.allKinds')}
          options={COURSE_KINDS.map((k) => ({ value: k, label: t(KIND_LABEL[k]) }))}
          optional
        />
        <Select
          id="courses-district"
          label={t('courses:list.district')}
          value={district}
          onValueChange={(value) => {
            setDistrict(value);
            setPage(1);
          }}
          placeholder={t('courses:list.allDistricts')}
          options={(city.data?.districts ?? []).map((d) => ({ value: d.id, label: d.name }))}
          optional
        />
      </div>
      <ErrorAlert error={courses.error} focus={false} />
      {courses.isPending ? <Loading /> : null}
      {courses.data ? (
        <>
          <p className="kern-body" role="status">
            {t('courses:list.count', { count: courses.data.total })}
          </p>
          <ul className="app-courses__list">
            {courses.data.items.map((course) => (
              <li key={course.id} className="app-courses__card">
                <h2 className="kern-heading-small">
                  <Link className="kern-link" to={`/kurse/${course.id}`}>
                    {course.name}
                  </Link>
                </h2>
                <p className="kern-body">
                  <span className="kern-badge kern-badge--info">
                    <span className="kern-label">{t(KIND_LABEL[course.kind])}</span>
                  </span>{' '}
                  <Places course={course} />
                </p>
                <CourseFacts course={course} />
              </li>
            ))}
          </ul>
          <Pagination page={page} perPage={PER_PAGE} total={courses.data.total} onPageChange={setPage} />
        </>
      ) : null}
      <FollowCodeForm
        id="courses-code"
        length={16}
        path={(code) => `/kurse/code/${code}`}
        texts={{
          heading: t('courses:code.heading'),
          label: t('courses:code.label'),
          invalid: t('courses:code.invalid'),
          submit: t('courses:code.submit'),
        }}
      />
    </>
  );
}

/** /kurse/code: the link in a mail leads here; the code is typed in (it is never in a link). */
export function CodePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('courses:follow.title')}</PageTitle>
      <FollowCodeForm
        id="courses-code"
        length={16}
        path={(code) => `/kurse/code/${code}`}
        texts={{
          heading: t('courses:code.heading'),
          label: t('courses:code.label'),
          invalid: t('courses:code.invalid'),
          submit: t('courses:code.submit'),
        }}
      />
    </>
  );
}
