import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useLanguageNames } from '../../app/languages';
import { useCityTime } from '../../app/time';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableScroll } from '../../components/TableScroll';
import { AttendanceSection } from './AttendanceSection';
import { CapacityForm } from './CapacityForm';
import { CourseFacts } from './CourseFacts';
import { type CourseEnrolments, useCourseEnrolments, useManagedCourses } from './courses.api';
import { GERMAN_LABEL, KIND_LABEL, REASON_LABEL, STATUS_LABEL } from './labels';

/** Providers: their organisation's courses with places, childcare and waiting list (coordinators: every course). */
export function ManagePage() {
  const { t } = useTranslation();
  const dates = useCityTime();
  const courses = useManagedCourses();
  return (
    <>
      <PageTitle>{t('courses:manage.title')}</PageTitle>
      <ErrorAlert error={courses.error} focus={false} />
      {courses.isPending ? <Loading /> : null}
      {courses.data?.items.length === 0 ? <p className="kern-body">{t('courses:manage.none')}</p> : null}
      {courses.data && courses.data.items.length > 0 ? (
        <TableScroll labelledBy="manage-caption">
          <table className="kern-table">
            <caption className="kern-title" id="manage-caption">
              {t('courses:manage.caption')}
            </caption>
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th className="kern-table__header" scope="col">
                  {t('courses:manage.course')}
                </th>
                <th className="kern-table__header" scope="col">
                  {t('courses:manage.dates')}
                </th>
                <th className="kern-table__header" scope="col">
                  {t('courses:manage.places')}
                </th>
                <th className="kern-table__header" scope="col">
                  {t('courses:manage.childcare')}
                </th>
                <th className="kern-table__header" scope="col">
                  {t('courses:manage.waiting')}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {courses.data.items.map((course) => (
                <tr className="kern-table__row" key={course.id}>
                  <td className="kern-table__cell">
                    <Link className="kern-link" to={`/courses/${course.id}`}>
                      {course.name}
                    </Link>
                    <br />
                    <span className="kern-body--small">{t(KIND_LABEL[course.kind])}</span>
                  </td>
                  <td className="kern-table__cell">
                    {t('courses:facts.dates', {
                      from: dates.date(course.startsOn),
                      to: dates.date(course.endsOn),
                    })}
                  </td>
                  <td className="kern-table__cell">
                    {t('courses:manage.taken', {
                      taken: course.capacity - course.capacityFree,
                      capacity: course.capacity,
                    })}
                  </td>
                  <td className="kern-table__cell">
                    {t('courses:manage.taken', {
                      taken: course.childcarePlaces - course.childcareFree,
                      capacity: course.childcarePlaces,
                    })}
                  </td>
                  <td className="kern-table__cell">{course.waiting}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </>
  );
}

/** One course's enrolments, waiting list and moves (its provider and coordinators). */
export function ManagedCoursePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const list = useCourseEnrolments(id);
  return (
    <>
      <PageTitle>{list.data?.course.name ?? t('courses:manage.title')}</PageTitle>
      <ErrorAlert error={list.error} focus={false} />
      {list.isPending ? <Loading /> : null}
      {list.data ? <Enrolments data={list.data} /> : null}
      {list.data ? <AttendanceSection courseId={id} /> : null}
    </>
  );
}

function Enrolments({ data }: { data: CourseEnrolments }) {
  const { t } = useTranslation();
  const dates = useCityTime();
  const languages = useLanguageNames();
  const byId = new Map(data.enrolments.map((e) => [e.id, e.participantName]));
  const table = (id: string, caption: string, rows: CourseEnrolments['enrolments']) => (
    <TableScroll labelledBy={id}>
      <table className="kern-table">
        <caption className="kern-title" id={id}>
          {caption}
        </caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            <th className="kern-table__header" scope="col">
              {t('courses:manage.position')}
            </th>
            <th className="kern-table__header" scope="col">
              {t('courses:manage.name')}
            </th>
            <th className="kern-table__header" scope="col">
              {t('courses:manage.contact')}
            </th>
            <th className="kern-table__header" scope="col">
              {t('courses:manage.languages')}
            </th>
            <th className="kern-table__header" scope="col">
              {t('courses:manage.german')}
            </th>
            <th className="kern-table__header" scope="col">
              {t('courses:manage.childcare')}
            </th>
            <th className="kern-table__header" scope="col">
              {t('courses:manage.status')}
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {rows.map((e) => (
            <tr className="kern-table__row" key={e.id}>
              <td className="kern-table__cell">{e.position ?? e.arrival}</td>
              <td className="kern-table__cell" dir="auto">
                {e.participantName}
              </td>
              <td className="kern-table__cell" dir="ltr">
                {e.phone ?? e.email}
              </td>
              <td className="kern-table__cell">{languages.listOf(e.languages)}</td>
              <td className="kern-table__cell">{e.germanLevel ? t(GERMAN_LABEL[e.germanLevel]) : ''}</td>
              <td className="kern-table__cell">{e.childcare.join(', ')}</td>
              <td className="kern-table__cell">{t(STATUS_LABEL[e.status])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
  return (
    <>
      <CourseFacts course={data.course} />
      <CapacityForm course={data.course} />
      {table(
        'enrolled-caption',
        t('courses:manage.enrolled'),
        data.enrolments.filter((e) => e.status === 'enrolled' || e.status === 'offered'),
      )}
      {table(
        'waiting-caption',
        t('courses:manage.waitingList'),
        data.enrolments.filter((e) => e.status === 'waiting'),
      )}
      <TableScroll labelledBy="moves-caption">
        <table className="kern-table">
          <caption className="kern-title" id="moves-caption">
            {t('courses:manage.moves')}
          </caption>
          <thead className="kern-table__head">
            <tr className="kern-table__row">
              <th className="kern-table__header" scope="col">
                {t('courses:manage.at')}
              </th>
              <th className="kern-table__header" scope="col">
                {t('courses:manage.name')}
              </th>
              <th className="kern-table__header" scope="col">
                {t('courses:manage.status')}
              </th>
              <th className="kern-table__header" scope="col">
                {t('courses:manage.by')}
              </th>
              <th className="kern-table__header" scope="col">
                {t('courses:manage.reason')}
              </th>
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {data.moves.map((m, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: moves are a log, in order
              <tr className="kern-table__row" key={i}>
                <td className="kern-table__cell">{dates.dateTime(m.at)}</td>
                <td className="kern-table__cell" dir="auto">
                  {byId.get(m.enrolmentId) ?? ''}
                </td>
                <td className="kern-table__cell">
                  {m.from ? `${t(STATUS_LABEL[m.from])} → ` : ''}
                  {t(STATUS_LABEL[m.to])}
                </td>
                <td className="kern-table__cell">
                  {m.by === 'person'
                    ? t('courses:manage.byPerson')
                    : m.by === 'system'
                      ? t('courses:manage.bySystem')
                      : m.by}
                </td>
                <td className="kern-table__cell">{t(REASON_LABEL[m.reason])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
