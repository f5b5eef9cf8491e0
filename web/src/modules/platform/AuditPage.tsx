import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/errorText';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableScroll } from '../../components/TableScroll';
import { Pagination } from '../../components/Pagination';
import { isRole, roleLabelKey } from './roles';
import { AUDIT_PAGE_SIZE, type AuditFilter, useAuditLog } from './platform.api';
import { TextInput } from '../../components/Fields';
import { useCityTime } from '../../app/time';

const TEXT_FILTERS = ['action', 'actorId', 'entityType', 'entityId', 'from', 'to'] as const;
type TextFilter = (typeof TEXT_FILTERS)[number];

function filterFromParams(params: URLSearchParams): AuditFilter {
  const text = Object.fromEntries(TEXT_FILTERS.map((name) => [name, params.get(name) ?? '']));
  return { ...(text as Record<TextFilter, string>), page: Math.max(1, Number(params.get('page')) || 1) };
}

/** Admins search the audit log; the filter lives in the address so it can be shared and paged. */
export function AuditPage() {
  const { t } = useTranslation();
  const dates = useCityTime();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const [draft, setDraft] = useState<Record<TextFilter, string>>(filter);
  const audit = useAuditLog(filter);

  const labels: Record<TextFilter, string> = {
    action: t('platform:audit.action'),
    actorId: t('platform:audit.actorId'),
    entityType: t('platform:audit.entityType'),
    entityId: t('platform:audit.entityId'),
    from: t('platform:audit.from'),
    to: t('platform:audit.to'),
  };
  const fieldError = useFieldError(audit.error, labels);

  const apply = (next: Record<TextFilter, string>, page: number) => {
    const search = new URLSearchParams();
    for (const name of TEXT_FILTERS) if (next[name]) search.set(name, next[name]);
    if (page > 1) search.set('page', String(page));
    setParams(search);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply(draft, 1);
  };

  const onReset = () => {
    const empty = Object.fromEntries(TEXT_FILTERS.map((name) => [name, ''])) as Record<TextFilter, string>;
    setDraft(empty);
    apply(empty, 1);
  };

  const field = (name: TextFilter, type = 'text') => (
    <TextInput
      id={`audit-${name}`}
      name={name}
      type={type}
      optional
      label={labels[name]}
      value={draft[name]}
      onValueChange={(value) => setDraft((current) => ({ ...current, [name]: value }))}
      error={fieldError(name)}
    />
  );

  return (
    <>
      <PageTitle>{t('platform:audit.title')}</PageTitle>
      <p className="kern-body app-intro">{t('platform:audit.intro')}</p>
      <form
        className="app-form app-form--wide"
        onSubmit={onSubmit}
        noValidate
        aria-labelledby="audit-filters"
      >
        <h2 className="kern-heading-small" id="audit-filters">
          {t('platform:audit.filters')}
        </h2>
        <div className="app-form__grid">
          {field('action')}
          {field('actorId')}
          {field('entityType')}
          {field('entityId')}
          {field('from', 'date')}
          {field('to', 'date')}
        </div>
        <div className="app-form__actions">
          <button type="submit" className="kern-btn kern-btn--primary">
            <span className="kern-label">{t('platform:audit.apply')}</span>
          </button>
          <button type="button" className="kern-btn kern-btn--secondary" onClick={onReset}>
            <span className="kern-label">{t('platform:audit.reset')}</span>
          </button>
        </div>
      </form>
      <ErrorAlert error={audit.error} fieldLabels={labels} focus={false} />
      {audit.isPending ? <Loading /> : null}
      {audit.data ? (
        <section className="app-stack" aria-labelledby="audit-results">
          <h2 className="kern-heading-small" id="audit-results" aria-live="polite">
            {t('common:table.total', { count: audit.data.total })}
          </h2>
          {audit.data.items.length === 0 ? (
            <p className="kern-body">{t('common:table.empty')}</p>
          ) : (
            <TableScroll labelledBy="audit-caption">
              <table className="kern-table kern-table--small kern-table--striped">
                <caption className="kern-sr-only" id="audit-caption">
                  {t('platform:audit.caption')}
                </caption>
                <thead>
                  <tr className="kern-table__row">
                    <th className="kern-table__header" scope="col">
                      {t('platform:audit.at')}
                    </th>
                    <th className="kern-table__header" scope="col">
                      {t('platform:audit.actor')}
                    </th>
                    <th className="kern-table__header" scope="col">
                      {t('platform:audit.action')}
                    </th>
                    <th className="kern-table__header" scope="col">
                      {t('platform:audit.entity')}
                    </th>
                    <th className="kern-table__header" scope="col">
                      {t('platform:audit.ip')}
                    </th>
                    <th className="kern-table__header" scope="col">
                      {t('platform:audit.requestId')}
                    </th>
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {audit.data.items.map((entry) => (
                    <tr className="kern-table__row" key={entry.id}>
                      <td className="kern-table__cell app-nowrap">
                        <time dateTime={entry.at}>{dates.dateTime(entry.at, 'short')}</time>
                      </td>
                      <td className="kern-table__cell">
                        <span className="app-code" dir="ltr">
                          {entry.actorId ?? '–'}
                        </span>
                        {entry.actorRole ? (
                          <span className="kern-body--small">
                            {' '}
                            ({isRole(entry.actorRole) ? t(roleLabelKey[entry.actorRole]) : entry.actorRole})
                          </span>
                        ) : null}
                      </td>
                      <td className="kern-table__cell app-nowrap">
                        <span className="app-code" dir="ltr">
                          {entry.action}
                        </span>
                      </td>
                      <td className="kern-table__cell">
                        <span className="app-code" dir="ltr">
                          {[entry.entityType, entry.entityId].filter(Boolean).join(' ') || '–'}
                        </span>
                      </td>
                      <td className="kern-table__cell app-nowrap">
                        <span className="app-code" dir="ltr">
                          {entry.ip ?? '–'}
                        </span>
                      </td>
                      <td className="kern-table__cell">
                        <span className="app-code" dir="ltr">
                          {entry.requestId ?? '–'}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          <Pagination
            page={filter.page}
            perPage={audit.data.perPage || AUDIT_PAGE_SIZE}
            total={audit.data.total}
            onPageChange={(page) => apply(filter, page)}
          />
        </section>
      ) : null}
    </>
  );
}
