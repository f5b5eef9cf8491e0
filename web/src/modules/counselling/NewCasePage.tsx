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
import {
  HOUSEHOLD_RELATIONS,
  type HouseholdRelation,
  MAX_HOUSEHOLD,
  TOPICS,
  type Topic,
  useAppointments,
  useOpenCase,
  useServices,
} from './counselling.api';
import { CLIENT_LANGUAGES, RELATION_LABEL, TOPIC_LABEL } from './labels';

/** A household member while the form is filled in. */
type Member = { key: number; name: string; relation: HouseholdRelation | ''; birthDate: string };

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
  const [members, setMembers] = useState<Member[]>([]);
  const changeMember = (key: number, patch: Partial<Member>) =>
    setMembers((all) => all.map((m) => (m.key === key ? { ...m, ...patch } : m)));
  const [store, setStore] = useState<'yes' | 'no' | ''>('');
  const [missing, setMissing] = useState<string | null>(null);
  const inOneYear = dates.today() ? `${Number(dates.today().slice(0, 4)) + 1}${dates.today().slice(4)}` : '';
  const [expiresOn, setExpiresOn] = useState(inOneYear);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const incomplete = members.some((m) => !m.name.trim() || !m.relation);
    if (!serviceId || !name.trim() || !language || topics.length === 0 || !store || incomplete) {
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
          household: members.map((m) => ({
            name: m.name.trim(),
            relation: m.relation as HouseholdRelation,
            birthDate: m.birthDate || null,
          })),
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
      <fieldset className="kern-fieldset app-stack" aria-describedby="case-household-hint">
        <legend className="kern-label">{t('counselling:open.household')}</legend>
        <p className="kern-hint" id="case-household-hint">
          {t('counselling:open.householdHint')}
        </p>
        {members.map((member, index) => (
          <div className="app-stack app-counselling__member" key={member.key} data-testid="household-member">
            <TextInput
              id={`case-member-${member.key}-name`}
              name={`household.${index}.name`}
              label={t('counselling:open.memberName', { n: index + 1 })}
              value={member.name}
              onValueChange={(value) => changeMember(member.key, { name: value })}
              error={serverField(`household.${index}.name`)}
              dir="auto"
            />
            <Select
              id={`case-member-${member.key}-relation`}
              name={`household.${index}.relation`}
              label={t('counselling:open.memberRelation', { n: index + 1 })}
              value={member.relation}
              onValueChange={(value) => changeMember(member.key, { relation: value as HouseholdRelation })}
              placeholder={t('counselling:book.choose')}
              options={HOUSEHOLD_RELATIONS.map((relation) => ({
                value: relation,
                label: t(RELATION_LABEL[relation]),
              }))}
              error={serverField(`household.${index}.relation`)}
            />
            <TextInput
              id={`case-member-${member.key}-birth`}
              name={`household.${index}.birthDate`}
              type="date"
              label={t('counselling:open.memberBirth', { n: index + 1 })}
              value={member.birthDate}
              onValueChange={(value) => changeMember(member.key, { birthDate: value })}
              error={serverField(`household.${index}.birthDate`)}
              optional
            />
            <div>
              <button
                className="kern-btn kern-btn--tertiary"
                type="button"
                onClick={() => setMembers((all) => all.filter((m) => m.key !== member.key))}
              >
                <span className="kern-label">{t('counselling:open.removeMember', { n: index + 1 })}</span>
              </button>
            </div>
          </div>
        ))}
        {members.length < MAX_HOUSEHOLD ? (
          <div>
            <button
              className="kern-btn kern-btn--secondary"
              type="button"
              onClick={() =>
                setMembers((all) => [
                  ...all,
                  { key: (all.at(-1)?.key ?? 0) + 1, name: '', relation: '', birthDate: '' },
                ])
              }
            >
              <span className="kern-label">{t('counselling:open.addMember')}</span>
            </button>
          </div>
        ) : null}
      </fieldset>
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
