import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCity } from '../../app/city';
import { useLanguageNames } from '../../app/languages';
import { useCityTime } from '../../app/time';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/errorText';
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
import { PageTitle } from '../../components/PageTitle';
import { isoWeekday } from '../../../../server/core/time.ts';
import { FeedForm } from './FeedForm';
import { RoomRequest } from './RoomRequest';
import { KIND_LABEL, TARGET_GROUP_LABEL } from './labels';
import {
  ACTIVITY_KINDS,
  type ActivityInput,
  type ActivityKind,
  type CheckInput,
  TARGET_GROUPS,
  type TargetGroup,
  useMyActor,
  useOverlapCheck,
  useSaveActivity,
} from './network.api';

const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const REPEATS = ['once', 'weekly', 'biweekly', 'monthly', 'custom'] as const;
type Repeat = (typeof REPEATS)[number];

type Draft = {
  title: string;
  kind: ActivityKind;
  description: string;
  date: string;
  from: string;
  to: string;
  repeat: Repeat;
  rrule: string;
  skipSchoolHolidays: boolean;
  ortsteilId: string;
  place: string;
  targetGroups: TargetGroup[];
  languages: string[];
  public: boolean;
};

/** The RRULE of the draft's repeat choice (the weekday from its date), or null for one date. */
function ruleOf(draft: Draft): string | null {
  const day = DAY_CODES[isoWeekday(draft.date) - 1] ?? 'MO';
  if (draft.repeat === 'weekly') return `FREQ=WEEKLY;BYDAY=${day}`;
  if (draft.repeat === 'biweekly') return `FREQ=WEEKLY;INTERVAL=2;BYDAY=${day}`;
  if (draft.repeat === 'monthly') return `FREQ=MONTHLY;BYDAY=1${day}`;
  if (draft.repeat === 'custom') return draft.rrule.trim() || null;
  return null;
}

/** What the overlap check needs of the draft, once it names a day, times, an Ortsteil and a target group. */
function checkOf(draft: Draft): CheckInput | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date) || !draft.from || !draft.to || !draft.ortsteilId) return null;
  if (draft.targetGroups.length === 0) return null;
  return {
    date: draft.date,
    from: draft.from,
    to: draft.to,
    rrule: ruleOf(draft),
    exceptions: [],
    skipSchoolHolidays: draft.skipSchoolHolidays,
    ortsteilId: draft.ortsteilId,
    targetGroups: draft.targetGroups,
  };
}

/** The draft after the user stopped typing for a moment (the check answers while typing, not per key). */
function useSettled<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** An actor plans an activity: the overlap warning shows before saving; afterwards a room can be requested. */
export function PlanPage() {
  const { t } = useTranslation();
  const dates = useCityTime();
  const city = useCity();
  const names = useLanguageNames();
  const me = useMyActor();
  const [draft, setDraft] = useState<Draft>(() => ({
    title: '',
    kind: 'open_meeting',
    description: '',
    date: dates.today(),
    from: '15:00',
    to: '17:00',
    repeat: 'weekly',
    rrule: '',
    skipSchoolHolidays: false,
    ortsteilId: '',
    place: '',
    targetGroups: [],
    languages: ['deu'],
    public: true,
  }));
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const planned = useSettled(checkOf(draft));
  const check = useOverlapCheck(planned);
  const save = useSaveActivity();
  const labels = {
    title: t('network:plan.title'),
    date: t('network:plan.date'),
    from: t('network:plan.from'),
    to: t('network:plan.to'),
    rrule: t('network:plan.rrule'),
    ortsteilId: t('network:plan.ortsteil'),
    targetGroups: t('network:plan.targetGroups'),
    languages: t('network:plan.languages'),
  };
  const errorOf = useFieldError(save.error ?? check.error, labels);
  const ortsteile = (city.data?.districts ?? []).map((district) => ({
    label: district.name,
    options: district.ortsteile.map((o) => ({ value: o.id, label: o.name })),
  }));
  const languageCodes = city.data?.guideLanguages ?? ['deu'];

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const body: ActivityInput = {
      title: draft.title,
      kind: draft.kind,
      description: draft.description || null,
      date: draft.date,
      from: draft.from,
      to: draft.to,
      rrule: ruleOf(draft),
      exceptions: [],
      skipSchoolHolidays: draft.skipSchoolHolidays,
      ortsteilId: draft.ortsteilId,
      place: draft.place || null,
      targetGroups: draft.targetGroups,
      languages: draft.languages,
      public: draft.public,
    };
    save.mutate(body);
  };

  if (save.data) {
    const saved = save.data;
    return (
      <>
        <PageTitle>{t('network:plan.savedTitle')}</PageTitle>
        <Alert
          variant="success"
          role="status"
          title={t('network:plan.saved', { title: saved.activity.title })}
        >
          <p className="kern-body">{t('network:plan.occurrences', { count: saved.occurrences })}</p>
        </Alert>
        <RoomRequest activity={saved.activity} />
        <p className="kern-body">
          <Link className="kern-link" to="/netzwerk/kalender">
            {t('network:plan.toCalendar')}
          </Link>
        </p>
      </>
    );
  }

  const overlaps = check.data?.overlaps ?? [];
  return (
    <>
      <PageTitle>{t('network:plan.pageTitle')}</PageTitle>
      {me.data && !me.data.actor ? (
        <Alert variant="info" title={t('network:plan.noEntry')} />
      ) : me.data?.actor ? (
        <p className="kern-body">{t('network:plan.for', { name: me.data.actor.name })}</p>
      ) : null}
      <form onSubmit={submit} noValidate>
        <ErrorAlert error={save.error} fieldLabels={labels} />
        <TextInput
          id="title"
          label={labels.title}
          value={draft.title}
          onValueChange={(title) => set({ title })}
          error={errorOf('title')}
          maxLength={160}
        />
        <Select
          id="kind"
          label={t('network:plan.kind')}
          value={draft.kind}
          onValueChange={(kind) => set({ kind: kind as ActivityKind })}
          options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(KIND_LABEL[k]) }))}
        />
        <TextArea
          id="description"
          label={t('network:plan.description')}
          optional
          value={draft.description}
          onValueChange={(description) => set({ description })}
        />
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{t('network:plan.when')}</legend>
          <div className="kern-fieldset__body app-inline-form">
            <TextInput
              id="date"
              type="date"
              label={labels.date}
              value={draft.date}
              onValueChange={(date) => set({ date })}
              error={errorOf('date')}
            />
            <TextInput
              id="from"
              type="time"
              label={labels.from}
              value={draft.from}
              onValueChange={(from) => set({ from })}
              error={errorOf('from')}
            />
            <TextInput
              id="to"
              type="time"
              label={labels.to}
              value={draft.to}
              onValueChange={(to) => set({ to })}
              error={errorOf('to')}
            />
          </div>
          <Radios
            name="repeat"
            legend={t('network:plan.repeat')}
            value={draft.repeat}
            onValueChange={(repeat) => set({ repeat: repeat as Repeat })}
            options={REPEATS.map((r) => ({
              value: r,
              label: t(
                {
                  once: 'network:plan.repeatOnce',
                  weekly: 'network:plan.repeatWeekly',
                  biweekly: 'network:plan.repeatBiweekly',
                  monthly: 'network:plan.repeatMonthly',
                  custom: 'network:plan.repeatCustom',
                }[r],
              ),
            }))}
          />
          {draft.repeat === 'custom' ? (
            <TextInput
              id="rrule"
              label={labels.rrule}
              hint={t('network:plan.rruleHint')}
              value={draft.rrule}
              onValueChange={(rrule) => set({ rrule })}
              error={errorOf('rrule')}
              dir="ltr"
            />
          ) : null}
          {draft.repeat !== 'once' ? (
            <Checkbox
              id="skip-holidays"
              label={t('network:plan.skipHolidays')}
              checked={draft.skipSchoolHolidays}
              onChange={(skipSchoolHolidays) => set({ skipSchoolHolidays })}
            />
          ) : null}
        </fieldset>
        <GroupedSelect
          id="ortsteilId"
          label={labels.ortsteilId}
          value={draft.ortsteilId}
          placeholder={t('network:plan.choose')}
          onValueChange={(ortsteilId) => set({ ortsteilId })}
          groups={ortsteile}
          error={errorOf('ortsteilId')}
        />
        <TextInput
          id="place"
          label={t('network:plan.place')}
          optional
          value={draft.place}
          onValueChange={(place) => set({ place })}
        />
        <CheckGroup id="targetGroups" legend={labels.targetGroups} error={errorOf('targetGroups')} horizontal>
          <Checkboxes
            idPrefix="group"
            options={TARGET_GROUPS}
            labelOf={(g) => t(TARGET_GROUP_LABEL[g])}
            selected={draft.targetGroups}
            onChange={(targetGroups) => set({ targetGroups })}
          />
        </CheckGroup>
        <CheckGroup id="languages" legend={labels.languages} error={errorOf('languages')} horizontal>
          <Checkboxes
            idPrefix="language"
            options={languageCodes}
            labelOf={names.nameOf}
            selected={draft.languages}
            onChange={(languages) => set({ languages })}
          />
        </CheckGroup>
        <Checkbox
          id="public"
          label={t('network:plan.public')}
          describedBy="public-hint"
          checked={draft.public}
          onChange={(on) => set({ public: on })}
        />
        <p className="kern-hint" id="public-hint">
          {t('network:plan.publicHint')}
        </p>
        <section aria-live="polite" className="app-section">
          {planned === null ? (
            <p className="kern-body kern-body--small">{t('network:plan.checkHint')}</p>
          ) : check.error ? (
            <ErrorAlert error={check.error} fieldLabels={labels} focus={false} />
          ) : check.data && overlaps.length > 0 ? (
            <Alert variant="warning" title={t('network:plan.overlapTitle', { count: overlaps.length })}>
              <ul className="app-list">
                {overlaps.map((o) => (
                  <li key={o.activityId} className="kern-body">
                    <span dir="auto">{o.title}</span> – <span dir="auto">{o.actorName}</span>,{' '}
                    {t('network:plan.overlapWhen', {
                      when: `${dates.dateTime(o.start, 'full')}–${dates.time(o.end)}`,
                      count: o.occurrences,
                    })}
                  </li>
                ))}
              </ul>
              <p className="kern-body">{t('network:plan.overlapHint')}</p>
            </Alert>
          ) : check.data ? (
            <Alert
              variant="success"
              title={t('network:plan.noOverlap', { until: dates.date(check.data.horizon.to) })}
            />
          ) : null}
        </section>
        <button className="kern-btn kern-btn--primary" type="submit" disabled={save.isPending}>
          <span className="kern-label">{t('network:plan.save')}</span>
        </button>
      </form>
      {me.data?.actor ? <FeedForm actorId={me.data.actor.id} /> : null}
    </>
  );
}
