import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableScroll } from '../../components/TableScroll';
import { useGuide, useGuides } from './guides.api';
import {
  isOneOf,
  KIND_LABEL,
  LEVEL_LABEL,
  TOPIC_LABEL,
  type Topic,
  TRAVEL_LABEL,
  TRAVEL_MODES,
  useNames,
} from './labels';
import { Onboarding } from './Onboarding';
import { Select } from '../../components/Fields';
import { Badge, Fact } from './display';
import { useCityTime } from '../../app/time';
import { useCity } from '../../app/city';

/** Coordinators: the pool of guides with languages, districts, whether they can be matched, next expiry. */
export function PoolPage() {
  const { t } = useTranslation();
  const names = useNames();
  const dates = useCityTime();
  const guides = useGuides();
  const city = useCity();
  const [language, setLanguage] = useState('');
  const districtName = (id: string) =>
    city.data?.districts.find((district) => district.id === id)?.name ?? id;
  const items = (guides.data?.items ?? []).filter((guide) => !language || guide.languages.includes(language));
  return (
    <>
      <PageTitle>{t('guides:pool.title')}</PageTitle>
      <p className="kern-body app-intro">{t('guides:pool.intro')}</p>
      <div className="app-inline-form">
        <Select
          id="pool-language"
          name="language"
          label={t('guides:form.language')}
          value={language}
          options={[
            { value: '', label: t('guides:pool.anyLanguage') },
            ...(city.data?.guideLanguages ?? []).map((code) => ({
              value: code,
              label: names.language(code),
            })),
          ]}
          onValueChange={setLanguage}
        />
      </div>
      <ErrorAlert error={guides.error} focus={false} />
      {guides.isPending ? <Loading /> : null}
      {guides.data ? (
        <>
          <p className="kern-body" role="status">
            {t('guides:pool.count', { count: items.length })}
          </p>
          <TableScroll labelledBy="pool-caption">
            <table className="kern-table kern-table--small kern-table--striped">
              <caption className="kern-sr-only" id="pool-caption">
                {t('guides:pool.title')}
              </caption>
              <thead>
                <tr className="kern-table__row">
                  <th className="kern-table__header" scope="col">
                    {t('guides:pool.name')}
                  </th>
                  <th className="kern-table__header" scope="col">
                    {t('guides:pool.kind')}
                  </th>
                  <th className="kern-table__header" scope="col">
                    {t('guides:profile.languages')}
                  </th>
                  <th className="kern-table__header" scope="col">
                    {t('guides:profile.districts')}
                  </th>
                  <th className="kern-table__header" scope="col">
                    {t('guides:pool.matchable')}
                  </th>
                  <th className="kern-table__header" scope="col">
                    {t('guides:pool.nextExpiry')}
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {items.map((guide) => (
                  <tr className="kern-table__row" key={guide.userId}>
                    <td className="kern-table__cell">
                      <Link className="kern-link" to={`/guides/pool/${guide.userId}`} dir="auto">
                        {guide.displayName}
                      </Link>
                    </td>
                    <td className="kern-table__cell">
                      {t(KIND_LABEL[guide.kind] ?? KIND_LABEL.volunteer ?? '')}
                    </td>
                    <td className="kern-table__cell">{guide.languages.map(names.language).join(', ')}</td>
                    <td className="kern-table__cell">{guide.districts.map(districtName).join(', ')}</td>
                    <td className="kern-table__cell">
                      <Badge variant={guide.matchable ? 'success' : 'danger'}>
                        {t(guide.matchable ? 'guides:pool.yes' : 'guides:pool.no')}
                      </Badge>
                    </td>
                    <td className="kern-table__cell app-nowrap">
                      {guide.nextExpiry ? dates.date(guide.nextExpiry) : '–'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : null}
    </>
  );
}

/** Coordinators: one guide's profile (languages, topics, districts, availability) and onboarding steps. */
export function GuidePage() {
  const { t } = useTranslation();
  const names = useNames();
  const dates = useCityTime();
  const { id = '' } = useParams();
  const guide = useGuide(id);
  const city = useCity();
  const districtName = (districtId: string) =>
    city.data?.districts.find((district) => district.id === districtId)?.name ?? districtId;
  const profile = guide.data;
  return (
    <>
      <PageTitle>{profile?.displayName ?? t('guides:pool.guide')}</PageTitle>
      <ErrorAlert error={guide.error} focus={false} />
      {guide.isPending ? <Loading /> : null}
      {profile ? (
        <>
          <p className="kern-body">
            <Badge variant={profile.matchable ? 'success' : 'danger'}>
              {t(profile.matchable ? 'guides:pool.matchableYes' : 'guides:pool.matchableNo')}
            </Badge>{' '}
            {t(KIND_LABEL[profile.kind] ?? '')}
          </p>
          <dl className="app-guides-facts">
            <Fact term={t('guides:profile.languages')}>
              {profile.languages
                .map(
                  (language) =>
                    `${names.language(language.code)} (${t(LEVEL_LABEL[language.level] ?? '')}${
                      language.dialect ? `, ${names.dialect(language.dialect)}` : ''
                    })`,
                )
                .join('; ')}
            </Fact>
            <Fact term={t('guides:pool.topicsRefused')}>
              {profile.topicsRefused.length
                ? profile.topicsRefused.map((topic) => t(TOPIC_LABEL[topic as Topic] ?? '')).join(', ')
                : t('guides:pool.none')}
            </Fact>
            <Fact term={t('guides:profile.districts')}>{profile.districts.map(districtName).join(', ')}</Fact>
            <Fact term={t('guides:profile.travelMode')}>
              {isOneOf(TRAVEL_MODES, profile.travelMode) ? t(TRAVEL_LABEL[profile.travelMode]) : ''}
            </Fact>
            <Fact term={t('guides:profile.weekly')}>
              {profile.weekly.length
                ? profile.weekly
                    .map((slot) => `${dates.weekday(slot.weekday)} ${slot.from}–${slot.to}`)
                    .join('; ')
                : t('guides:pool.none')}
            </Fact>
            <Fact term={t('guides:profile.exceptions')}>
              {profile.exceptions.length
                ? profile.exceptions.map((off) => `${dates.date(off.from)}–${dates.date(off.to)}`).join('; ')
                : t('guides:pool.none')}
            </Fact>
            <Fact term={t('guides:profile.maxPerWeek')}>{names.number(profile.maxPerWeek)}</Fact>
            <Fact term={t('guides:profile.email')}>
              <span translate="no">{profile.privateEmail ?? profile.email}</span>
            </Fact>
            <Fact term={t('guides:profile.phone')}>
              <span translate="no">{profile.privatePhone ?? '–'}</span>
            </Fact>
          </dl>
          <Onboarding items={profile.onboarding} guideId={profile.userId} />
        </>
      ) : null}
    </>
  );
}
