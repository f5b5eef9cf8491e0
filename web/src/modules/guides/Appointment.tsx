import { useTranslation } from 'react-i18next';
import type { Appointment } from './guides.api';
import { useNames } from './labels';
import { Fact } from './display';
import { useCityTime } from '../../app/time';

/** What a guide needs to know of an appointment: time, place, language, topic, first name, contact. */
export function AppointmentFacts({ appointment }: { appointment: Appointment }) {
  const { t } = useTranslation();
  const names = useNames();
  const dates = useCityTime();
  return (
    <dl className="app-guides-facts">
      <Fact term={t('guides:request.when')}>
        {dates.dateTime(appointment.start)}–{dates.time(appointment.end)}
      </Fact>
      <Fact term={t('guides:form.language')}>
        {names.language(appointment.language)}
        {appointment.dialect ? ` (${names.dialect(appointment.dialect)})` : ''}
      </Fact>
      <Fact term={t('guides:form.topic')}>
        {names.topic(appointment.topic)} · {names.mode(appointment.mode)}
      </Fact>
      <Fact term={t('guides:form.address')}>
        <span dir="auto">{appointment.address ?? '–'}</span>
      </Fact>
      {appointment.newcomerFirstName ? (
        <Fact term={t('guides:form.firstName')}>
          <span dir="auto">{appointment.newcomerFirstName}</span>
        </Fact>
      ) : null}
      {appointment.contactOnDay ? (
        <Fact term={t('guides:form.contact')}>
          <span dir="auto">{appointment.contactOnDay}</span>
        </Fact>
      ) : null}
    </dl>
  );
}

/**
 * "Add to calendar": one appointment as an .ics file (the same entry the calendar feed carries: time, language
 * and topic, one first name, the address). `describedBy` names the appointment for screen readers.
 */
export function CalendarFileLink({ href, describedBy }: { href: string; describedBy?: string }) {
  const { t } = useTranslation();
  return (
    <p className="kern-body">
      <a className="kern-link" href={href} download="termin.ics" aria-describedby={describedBy}>
        {t('guides:calendar.add')}
      </a>
    </p>
  );
}
