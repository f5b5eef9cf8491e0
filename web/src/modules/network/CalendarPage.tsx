import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCity } from '../../app/city';
import { useLanguageNames } from '../../app/languages';
import { useCityTime } from '../../app/time';
import { ErrorAlert } from '../../components/ErrorAlert';
import { GroupedSelect, Select, TextInput } from '../../components/Fields';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { addDays } from '../../../../server/core/time.ts';
import { TARGET_GROUP_LABEL } from './labels';
import { type CalendarItem, paths, TARGET_GROUPS, type TargetGroup, useCalendar } from './network.api';

/** The public calendar of the network's activities: a week (or two) at a time, by Ortsteil and target group. */
export function CalendarPage() {
  const { t } = useTranslation();
  const dates = useCityTime();
  const city = useCity();
  const languages = useLanguageNames();
  const [from, setFrom] = useState(() => dates.today());
  const [ortsteilId, setOrtsteilId] = useState('');
  const [targetGroup, setTargetGroup] = useState<'' | TargetGroup>('');
  const to = addDays(from || dates.today(), 13);
  const calendar = useCalendar({
    from: from || dates.today(),
    to,
    ortsteilId: ortsteilId || undefined,
    targetGroup: targetGroup || undefined,
  });
  const ortsteilName = new Map(
    (city.data?.districts ?? []).flatMap((d) => d.ortsteile.map((o) => [o.id, o.name] as const)),
  );
  const byDay = new Map<string, CalendarItem[]>();
  for (const item of calendar.data?.items ?? []) {
    const day = dates.date(item.start, 'full');
    byDay.set(day, [...(byDay.get(day) ?? []), item]);
  }
  const feed = `${paths.feed}${ortsteilId ? `?ortsteilId=${ortsteilId}` : targetGroup ? `?targetGroup=${targetGroup}` : ''}`;
  return (
    <>
      <PageTitle>{t('network:calendar.title')}</PageTitle>
      <p className="kern-body">{t('network:calendar.intro')}</p>
      <form className="app-inline-form" onSubmit={(event) => event.preventDefault()}>
        <TextInput
          id="calendar-from"
          type="date"
          label={t('network:calendar.from')}
          value={from}
          onValueChange={setFrom}
        />
        <GroupedSelect
          id="calendar-ortsteil"
          label={t('network:calendar.ortsteil')}
          value={ortsteilId}
          placeholder={t('network:calendar.allOrtsteile')}
          onValueChange={setOrtsteilId}
          groups={(city.data?.districts ?? []).map((district) => ({
            label: district.name,
            options: district.ortsteile.map((o) => ({ value: o.id, label: o.name })),
          }))}
        />
        <Select
          id="calendar-group"
          label={t('network:calendar.targetGroup')}
          value={targetGroup}
          placeholder={t('network:calendar.allGroups')}
          onValueChange={(value) => setTargetGroup(value as '' | TargetGroup)}
          options={TARGET_GROUPS.map((g) => ({ value: g, label: t(TARGET_GROUP_LABEL[g]) }))}
        />
      </form>
      <p className="kern-body">
        <a className="kern-link" href={feed}>
          {t('network:calendar.feed')}
        </a>
      </p>
      <ErrorAlert error={calendar.error} focus={false} />
      {calendar.isPending ? <Loading /> : null}
      {calendar.data && calendar.data.items.length === 0 ? (
        <p className="kern-body">{t('network:calendar.none')}</p>
      ) : null}
      {[...byDay].map(([day, items]) => (
        <section key={day} className="app-section" aria-labelledby={`day-${items[0]?.start}`}>
          <h2 className="kern-heading-small" id={`day-${items[0]?.start}`}>
            {day}
          </h2>
          <ul className="app-list">
            {items.map((item) => (
              <li key={`${item.activityId}-${item.start}`} className="app-list__item">
                <p className="kern-body kern-body--bold" dir="auto">
                  {dates.time(item.start)}–{dates.time(item.end)} · {item.title}
                </p>
                <p className="kern-body kern-body--small">
                  <span dir="auto">{item.actorName}</span> ·{' '}
                  {ortsteilName.get(item.ortsteilId) ?? item.ortsteilId}
                  {item.roomName ? ` · ${item.roomName}` : ''}
                  {item.place && !item.roomName ? <span dir="auto"> · {item.place}</span> : null}
                </p>
                <p className="kern-body kern-body--small">
                  {item.targetGroups.map((g) => t(TARGET_GROUP_LABEL[g])).join(', ')} ·{' '}
                  {languages.listOf(item.languages)}
                  {item.recurring ? ` · ${t('network:calendar.recurring')}` : ''}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
