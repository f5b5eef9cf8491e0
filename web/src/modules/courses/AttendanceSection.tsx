import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCityTime } from '../../app/time';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Select } from '../../components/Fields';
import { Loading } from '../../components/Loading';
import { TableScroll } from '../../components/TableScroll';
import {
  ATTENDANCE_STATUSES,
  type AttendanceStatus,
  certificateUrl,
  useAttendance,
  useAttendanceAction,
} from './courses.api';
import { ATTENDANCE_LABEL } from './labels';

/** The provider takes attendance per session day, marks completion and prints certificates. */
export function AttendanceSection({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const dates = useCityTime();
  const [day, setDay] = useState('');
  const list = useAttendance(courseId, day);
  const action = useAttendanceAction(courseId);
  const [marks, setMarks] = useState<Record<string, AttendanceStatus>>({});
  const shown = list.data?.day ?? '';
  useEffect(() => {
    const next: Record<string, AttendanceStatus> = {};
    for (const row of list.data?.rows ?? []) if (row.status) next[row.enrolmentId] = row.status;
    setMarks(next);
  }, [list.data]);
  const save = () =>
    action.mutate({
      what: 'attendance',
      body: {
        day: shown,
        marks: Object.entries(marks).map(([enrolmentId, status]) => ({ enrolmentId, status })),
      },
    });
  return (
    <section className="app-section" aria-labelledby="attendance-heading">
      <h2 className="kern-heading-medium" id="attendance-heading">
        {t('courses:attendance.title')}
      </h2>
      <ErrorAlert error={list.error ?? action.error} focus={false} />
      {list.isPending ? <Loading /> : null}
      {list.data && list.data.days.length === 0 ? (
        <p className="kern-body">{t('courses:attendance.noDays')}</p>
      ) : null}
      {list.data && list.data.days.length > 0 ? (
        <>
          <Select
            id="attendance-day"
            label={t('courses:attendance.day')}
            value={shown}
            onValueChange={setDay}
            options={list.data.days.map((d) => ({ value: d, label: dates.date(d, 'full') }))}
          />
          <TableScroll labelledBy="attendance-caption">
            <table className="kern-table">
              <caption className="kern-title" id="attendance-caption">
                {t('courses:attendance.caption', { day: dates.date(shown, 'full') })}
              </caption>
              <thead className="kern-table__head">
                <tr className="kern-table__row">
                  <th className="kern-table__header" scope="col">
                    {t('courses:manage.name')}
                  </th>
                  <th className="kern-table__header" scope="col">
                    {t('courses:attendance.mark')}
                  </th>
                  <th className="kern-table__header" scope="col">
                    {t('courses:attendance.sofar')}
                  </th>
                  <th className="kern-table__header" scope="col">
                    {t('courses:attendance.completion')}
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {list.data.rows.map((row) => (
                  <tr className="kern-table__row" key={row.enrolmentId}>
                    <th className="kern-table__cell" scope="row" dir="auto">
                      {row.participantName}
                    </th>
                    <td className="kern-table__cell">
                      <fieldset className="app-courses__marks">
                        <legend className="kern-sr-only">
                          {t('courses:attendance.markOf', { name: row.participantName })}
                        </legend>
                        {ATTENDANCE_STATUSES.map((status) => (
                          <label key={status} className="app-courses__mark">
                            <input
                              type="radio"
                              name={`mark-${row.enrolmentId}`}
                              value={status}
                              checked={marks[row.enrolmentId] === status}
                              onChange={() => setMarks({ ...marks, [row.enrolmentId]: status })}
                            />{' '}
                            {t(ATTENDANCE_LABEL[status])}
                          </label>
                        ))}
                      </fieldset>
                    </td>
                    <td className="kern-table__cell">
                      {t('courses:attendance.hours', { sessions: row.present, hours: row.hours })}
                    </td>
                    <td className="kern-table__cell">
                      {row.completed ? (
                        <a className="kern-link" href={certificateUrl(courseId, row.enrolmentId)} download>
                          {t('courses:attendance.certificate', { name: row.participantName })}
                        </a>
                      ) : (
                        <button
                          type="button"
                          className="kern-btn kern-btn--tertiary"
                          disabled={action.isPending}
                          onClick={() =>
                            action.mutate({
                              what: 'completion',
                              enrolmentId: row.enrolmentId,
                              completed: true,
                            })
                          }
                        >
                          <span className="kern-label">
                            {t('courses:attendance.complete', { name: row.participantName })}
                          </span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <button
            type="button"
            className="kern-btn kern-btn--primary"
            disabled={action.isPending || Object.keys(marks).length === 0}
            onClick={save}
          >
            <span className="kern-label">{t('courses:attendance.save')}</span>
          </button>
          {action.isSuccess ? (
            <p className="kern-body" role="status">
              {t('courses:attendance.saved')}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
