import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { Pagination } from '../../components/Pagination';
import { PER_PAGE, useOfferSearch } from './directory.api';
import { OfflineNotice } from './display';
import { FilterForm } from './FilterForm';
import { type Filters, parseFilters, toSearchParams } from './filters';
import { OfferMap } from './OfferMap';
import { ResultList } from './ResultList';
import { useCity } from '../../app/city';

type View = 'list' | 'map';

/** Find offers: words and filters (kept in the URL), results as a numbered list and on a map. */
export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);
  const search = useOfferSearch(filters);
  const city = useCity();
  const [view, setView] = useState<View>('list');
  const [highlighted, setHighlighted] = useState<string | null>(null);

  const apply = (next: Filters) => setParams(toSearchParams(next));
  const result = search.data?.data;
  const firstNumber = ((result?.page ?? 1) - 1) * (result?.perPage ?? PER_PAGE) + 1;
  const entries = useMemo(
    () => (result?.items ?? []).map((offer, index) => ({ offer, number: firstNumber + index })),
    [result, firstNumber],
  );
  const withoutPlace = entries.filter((entry) => !entry.offer.location).length;

  return (
    <>
      <PageTitle>{t('directory:search.title')}</PageTitle>
      <p className="kern-body kern-body--large app-intro">{t('directory:search.intro')}</p>
      <div className="app-directory-layout">
        <FilterForm filters={filters} city={city.data} onApply={apply} />
        <section className="app-directory-results" aria-labelledby="directory-count" data-view={view}>
          <OfflineNotice savedAt={search.data?.savedAt} />
          <ErrorAlert error={search.error} focus={false} />
          <h2 className="kern-heading-medium app-directory-count" id="directory-count" aria-live="polite">
            {result ? t('directory:results.heading', { count: result.total }) : ''}
          </h2>
          {search.isPending ? <Loading /> : null}
          {result && result.total === 0 ? (
            <div className="kern-alert kern-alert--info app-alert">
              <div className="kern-alert__header">
                <span className="kern-icon kern-icon--info" aria-hidden="true" />
                <span className="kern-title">{t('directory:results.emptyTitle')}</span>
              </div>
              <div className="kern-alert__body">
                <p className="kern-body">{t('directory:results.emptyText')}</p>
              </div>
            </div>
          ) : null}
          {result && result.total > 0 ? (
            <>
              <fieldset className="app-directory-view">
                <legend className="kern-sr-only">{t('directory:results.viewLabel')}</legend>
                <button
                  type="button"
                  className={`kern-btn kern-btn--${view === 'list' ? 'primary' : 'secondary'}`}
                  aria-pressed={view === 'list'}
                  onClick={() => setView('list')}
                >
                  <span className="kern-icon kern-icon--checklist" aria-hidden="true" />
                  <span className="kern-label">{t('directory:results.list')}</span>
                </button>
                <button
                  type="button"
                  className={`kern-btn kern-btn--${view === 'map' ? 'primary' : 'secondary'}`}
                  aria-pressed={view === 'map'}
                  onClick={() => setView('map')}
                >
                  <span className="kern-icon kern-icon--visibility" aria-hidden="true" />
                  <span className="kern-label">{t('directory:results.map')}</span>
                </button>
              </fieldset>
              <div className="app-directory-panes">
                <div className="app-directory-list">
                  <ResultList
                    items={result.items}
                    firstNumber={firstNumber}
                    city={city.data}
                    onFocus={setHighlighted}
                  />
                  <Pagination
                    page={result.page}
                    perPage={result.perPage}
                    total={result.total}
                    onPageChange={(page) => apply({ ...filters, page })}
                  />
                </div>
                <div className="app-directory-map">
                  {city.data ? (
                    <OfferMap entries={entries} city={city.data} highlighted={highlighted} />
                  ) : null}
                  <p className="kern-body kern-body--small app-directory-map__hint">
                    {t('directory:map.hint')}
                    {withoutPlace > 0 ? ` ${t('directory:map.withoutPlace', { count: withoutPlace })}` : ''}
                  </p>
                </div>
              </div>
            </>
          ) : null}
        </section>
      </div>
    </>
  );
}
