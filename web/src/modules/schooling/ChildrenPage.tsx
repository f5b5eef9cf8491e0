import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { Pagination } from '../../components/Pagination';
import { TableScroll } from '../../components/TableScroll';
import { useLanguageNames } from '../../app/languages';
import { StateBadge } from './display';
import { STATE_LABEL } from './labels';
import { CHILD_STATES, type ChildState, type ChildrenFilter, useChildren } from './schooling.api';
import { Checkbox, Select, TextInput } from '../../components/Fields';
import { useCityTime } from '../../app/time';
import { useCity } from '../../app/city';

const WEEK_CHOICES = ['4', '8', '12', '26'] as const;

function readFilter(params: URLSearchParams): ChildrenFilter {
  const state = params.get('state') ?? '';
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    state: (CHILD_STATES as readonly string[]).includes(state) ? (state as ChildState) : '',
    district: params.get('district') ?? '',
    minWeeks: params.get('min_weeks') ?? '',
    q: params.get('q') ?? '',
    duplicates: params.get('duplicates') === 'true',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

function writeFilter(filter: ChildrenFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.state) params.set('state', filter.state);
  if (filter.district) params.set('district', filter.district);
  if (filter.minWeeks) params.set('min_weeks', filter.minWeeks);
  if (filter.q) params.set('q', filter.q);
  if (filter.duplicates) params.set('duplicates', 'true');
  if (filter.page > 1) params.set('page', String(filter.page));
  return params;
}

/** The caseworkers' list of children: filters by state, district, weeks waiting; possible duplicates flagged. */
export function ChildrenPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const [words, setWords] = useState(filter.q);
  const children = useChildren(filter);
  const city = useCity();
  const dates = useCityTime();
  const languages = useLanguageNames();
  const number = new Intl.NumberFormat(i18n.language);

  const apply = (changes: Partial<ChildrenFilter>) =>
    setParams(writeFilter({ ...filter, page: 1, ...changes }));
  const districtName = (id: string) => city.data?.districts.find((d) => d.id === id)?.name ?? id;
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    apply({ q: words.trim() });
  };

  const rows = children.data?.items ?? [];

  return (
    <>
      <PageTitle>{t('schooling:children.title')}</PageTitle>
      <p className="kern-body app-intro">{t('schooling:children.intro')}</p>
      <div className="app-form__actions">
        <Link className="kern-btn kern-btn--primary" to="/schooling/children/new">
          <span className="kern-icon kern-icon--add" aria-hidden="true" />
          <span className="kern-label">{t('schooling:children.register')}</span>
        </Link>
        <Link className="kern-btn kern-btn--secondary" to="/schooling/placement">
          <span className="kern-label">{t('schooling:children.toPlacement')}</span>
        </Link>
      </div>

      <section aria-labelledby="children-filters" className="app-schooling__filters">
        <h2 className="kern-heading-small" id="children-filters">
          {t('schooling:children.filters')}
        </h2>
        <form className="app-schooling__filter-row" onSubmit={onSearch}>
          <TextInput
            id="children-q"
            label={t('schooling:children.search')}
            value={words}
            onValueChange={setWords}
            optional
          />
          <button type="submit" className="kern-btn kern-btn--secondary">
            <span className="kern-label">{t('schooling:children.searchSubmit')}</span>
          </button>
        </form>
        <div className="app-schooling__filter-row">
          <Select
            id="children-state"
            label={t('schooling:children.state')}
            value={filter.state}
            options={[
              { value: '', label: t('schooling:children.anyState') },
              ...CHILD_STATES.map((state) => ({ value: state, label: t(STATE_LABEL[state]) })),
            ]}
            onValueChange={(state) => apply({ state: state as ChildState | '' })}
          />
          <Select
            id="children-district"
            label={t('schooling:children.district')}
            value={filter.district}
            options={[
              { value: '', label: t('schooling:children.anyDistrict') },
              ...(city.data?.districts ?? []).map((d) => ({ value: d.id, label: d.name, lang: 'de' })),
            ]}
            onValueChange={(district) => apply({ district })}
          />
          <Select
            id="children-weeks"
            label={t('schooling:children.weeks')}
            value={filter.minWeeks}
            options={[
              { value: '', label: t('schooling:children.anyWeeks') },
              ...WEEK_CHOICES.map((weeks) => ({
                value: weeks,
                label: t('schooling:children.atLeastWeeks', { weeks: Number(weeks) }),
              })),
            ]}
            onValueChange={(minWeeks) => apply({ minWeeks })}
          />
          <Checkbox
            id="children-duplicates"
            label={t('schooling:children.onlyDuplicates')}
            checked={filter.duplicates}
            onChange={(duplicates) => apply({ duplicates })}
          />
        </div>
      </section>

      <ErrorAlert error={children.error} focus={false} />
      {children.isPending ? <Loading /> : null}
      {children.data ? (
        <>
          <p className="kern-body" aria-live="polite" id="children-count">
            {t('schooling:children.count', { count: children.data.total })}
          </p>
          {rows.length === 0 ? (
            <p className="kern-body">{t('schooling:children.empty')}</p>
          ) : (
            <TableScroll labelledBy="children-caption">
              <table className="kern-table kern-table--small kern-table--striped">
                <caption className="kern-sr-only" id="children-caption">
                  {t('schooling:children.caption')}
                </caption>
                <thead>
                  <tr className="kern-table__row">
                    <th className="kern-table__header" scope="col">
                      {t('schooling:children.name')}
                    </th>
                    <th className="kern-table__header" scope="col">
                      {t('schooling:child.birthDate')}
                    </th>
                    <th className="kern-table__header" scope="col">
                      {t('schooling:child.languages')}
                    </th>
                    <th className="kern-table__header" scope="col">
                      {t('schooling:children.district')}
                    </th>
                    <th className="kern-table__header" scope="col">
                      {t('schooling:children.state')}
                    </th>
                    <th className="kern-table__header kern-table__header--numeric" scope="col">
                      {t('schooling:children.weeksColumn')}
                    </th>
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {rows.map((child) => (
                    <tr className="kern-table__row" key={child.id}>
                      <td className="kern-table__cell">
                        <Link
                          className="kern-link"
                          to={`/schooling/children/${encodeURIComponent(child.id)}`}
                          dir="auto"
                        >
                          {child.givenName} {child.familyName}
                        </Link>
                        <span className="app-schooling__badges">
                          {child.possibleDuplicateOf ? (
                            <span className="kern-badge kern-badge--danger">
                              <span className="kern-label">{t('schooling:children.duplicate')}</span>
                            </span>
                          ) : null}
                          {!child.reviewed ? (
                            <span className="kern-badge kern-badge--warning">
                              <span className="kern-label">{t('schooling:children.fromForm')}</span>
                            </span>
                          ) : null}
                        </span>
                      </td>
                      <td className="kern-table__cell app-nowrap">{dates.date(child.birthDate)}</td>
                      <td className="kern-table__cell">{languages.listOf(child.languages)}</td>
                      <td className="kern-table__cell" lang="de">
                        {districtName(child.districtId)}
                      </td>
                      <td className="kern-table__cell">
                        <StateBadge state={child.state} />
                      </td>
                      <td className="kern-table__cell kern-table__cell--numeric">
                        {number.format(child.weeksWaiting)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          <Pagination
            page={children.data.page}
            perPage={children.data.perPage}
            total={children.data.total}
            onPageChange={(page) => setParams(writeFilter({ ...filter, page }))}
          />
        </>
      ) : null}
    </>
  );
}
