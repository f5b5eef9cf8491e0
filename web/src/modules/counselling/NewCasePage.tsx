import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useLanguageNames } from '../../app/languages';
import { useCityTime } from '../../app/time';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import {
  Checkbox,
  CheckGroup,
  Checkboxes,
  FieldError,
  Radios,
  Select,
  TextInput,
} from '../../components/Fields';
import { PageTitle } from '../../components/PageTitle';
import { useFieldError } from '../../components/errorText';
import { TOPICS, type Topic, useAppointments, useOpenCase, useServices } from './counselling.api';
import { CLIENT_LANGUAGES, TOPIC_LABEL } from './labels';

/** Opening a case from a booked appointment or for a walk-in; the storage consent decides what is kept. */
export function NewCasePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const bookingId = params.get('booking');
  const listed = useAppointments().data?.items.find((a) => a.id === bookingId);
  // The appointment leaves the list once its case is open: the form keeps the one it started from.
  const [appointment, setAppointment] = useState(listed);
  useEffect(() => {
    if (listed && !appointment) setAppointment(listed);
  }, [listed, appointment]);
  return (
    <>
      <PageTitle>{t('counselling:open.title')}</PageTitle>
      {bookingId && !appointment ? null : (
        <CaseForm
          key={appointment?.id ?? 'walk-in'}
          bookingId={appointment ? bookingId : null}
          name={appointment?.name ?? ''}
          phone={appointment?.phone ?? ''}
          language={appointment?.language ?? ''}
          topic={appointment?.topic ?? null}
        />
      )}
    </>
  );
}

function CaseForm(props: {
  bookingId: string | null;
  name: string;
  phone: string;
  language: string;
  topic: Topic | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const services = useServices();
  const languages = useLanguageNames();
  const dates = useCityTime();
  const send = useOpenCase();
  const serverField = useFieldError(send.error, {});
  const [serviceId, setServiceId] = useState('');
  const [name, setName] = useState(props.name);
  const [birthDate, setBirthDate] = useState('');
  const [phone, setPhone] = useState(props.phone);
  const [language, setLanguage] = useState(props.language);
  const [noFixedAddress, setNoFixedAddress] = useState(false);
  const [address, setAddress] = useState('');
  const [topics, setTopics] = useState<Topic[]>(props.topic ? [props.topic] : []);
  const [store, setStore] = useState<'yes' | 'no' | ''>('');
  const [missing, setMissing] = useState<string | null>(null);
  const inOneYear = dates.today() ? `${Number(dates.today().slice(0, 4)) + 1}${dates.today().slice(4)}` : '';
  const [expiresOn, setExpiresOn] = useState(inOneYear);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!serviceId || !name.trim() || !language || topics.length === 0 || !store) {
      setMissing(t('counselling:open.missing'));
      return;
    }
    setMissing(null);
    // Awaited here, not in mutate's callback: the appointment leaves the list once the case is open, and the form
    // with it, so a per-call callback would not run.
    void send
      .mutateAsync({
        serviceId,
        bookingId: props.bookingId,
        person: {
          name: name.trim(),
          birthDate: birthDate || null,
          languages: [language],
          address: noFixedAddress ? null : address.trim() || null,
          noFixedAddress,
          phone: phone.trim() || null,
        },
        language,
        topics,
        consent: { store: store === 'yes', expiresOn: store === 'yes' ? expiresOn : null },
      })
      .then((reply) => {
        if (reply.id) navigate(`/counselling/${reply.id}`);
      })
      .catch(() => undefined);
  };

  if (send.data && !send.data.id) {
    return (
      <Alert variant="info" role="status" title={t('counselling:open.counted')}>
        <p className="kern-body">
          <Link className="kern-link" to="/counselling">
            {t('counselling:open.back')}
          </Link>
        </p>
      </Alert>
    );
  }
  return (
    <form className="app-stack app-counselling__form" onSubmit={onSubmit} noValidate>
      <Select
        id="case-service"
        name="serviceId"
        label={t('counselling:open.service')}
        value={serviceId}
        onValueChange={setServiceId}
        placeholder={t('counselling:book.choose')}
        options={(services.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
        error={serverField('serviceId')}
      />
      <TextInput
        id="case-name"
        name="name"
        label={t('counselling:book.name')}
        value={name}
        onValueChange={setName}
        error={serverField('name')}
        dir="auto"
      />
      <TextInput
        id="case-birth"
        name="birthDate"
        type="date"
        label={t('counselling:open.birthDate')}
        value={birthDate}
        onValueChange={setBirthDate}
        error={serverField('birthDate')}
        optional
      />
      <TextInput
        id="case-phone"
        name="phone"
        type="tel"
        label={t('counselling:book.phone')}
        value={phone}
        onValueChange={setPhone}
        error={serverField('phone')}
        dir="ltr"
        optional
      />
      <Select
        id="case-language"
        name="language"
        label={t('counselling:book.language')}
        value={language}
        onValueChange={setLanguage}
        placeholder={t('counselling:book.choose')}
        options={CLIENT_LANGUAGES.map((code) => ({ value: code, label: languages.nameOf(code) }))}
        error={serverField('language')}
      />
      <Checkbox
        id="case-no-address"
        label={t('counselling:open.noFixedAddress')}
        checked={noFixedAddress}
        onChange={setNoFixedAddress}
      />
      {noFixedAddress ? null : (
        <TextInput
          id="case-address"
          name="address"
          label={t('counselling:open.address')}
          value={address}
          onValueChange={setAddress}
          error={serverField('address')}
          dir="auto"
          optional
        />
      )}
      <CheckGroup id="case-topics" legend={t('counselling:open.topics')} error={serverField('topics')}>
        <Checkboxes
          idPrefix="case-topic"
          options={TOPICS}
          labelOf={(topic) => t(TOPIC_LABEL[topic])}
          selected={topics}
          onChange={setTopics}
        />
      </CheckGroup>
      <Radios
        name="case-consent"
        legend={t('counselling:open.consent')}
        value={store}
        options={[
          { value: 'yes', label: t('counselling:open.consentYes') },
          { value: 'no', label: t('counselling:open.consentNo') },
        ]}
        onValueChange={(value) => setStore(value as 'yes' | 'no')}
      />
      <p className="kern-body kern-body--small">{t('counselling:open.consentPurpose')}</p>
      {store === 'yes' ? (
        <TextInput
          id="case-consent-until"
          name="expiresOn"
          type="date"
          label={t('counselling:open.consentUntil')}
          value={expiresOn}
          onValueChange={setExpiresOn}
          error={serverField('expiresOn')}
        />
      ) : null}
      {missing ? <FieldError message={missing} /> : null}
      <ErrorAlert error={send.error} />
      <div>
        <button className="kern-btn kern-btn--primary" type="submit" disabled={send.isPending}>
          <span className="kern-label">{t('counselling:open.submit')}</span>
        </button>
      </div>
    </form>
  );
}
