import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/errorText';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { Pagination } from '../../components/Pagination';
import { TableScroll } from '../../components/TableScroll';
import {
  type EditableItem,
  type ListFilter,
  useEditableServices,
  useRejectService,
  useReviewQueue,
  useServiceAction,
} from './editor.api';
import { isServiceStatus, STATUS_BADGE, STATUS_LABEL } from './labels';
import { Checkbox, Select, TextArea } from '../../components/Fields';
import { useCityTime } from '../../app/time';

type Notice = { key: 'submitted' | 'checked' | 'published' | 'rejected'; name: string };
const NOTICE_TITLE = {
  submitted: 'directory-editor:list.submitted',
  checked: 'directory-editor:list.checked',
  published: 'directory-editor:review.published',
  rejected: 'directory-editor:review.rejected',
} as const satisfies Record<Notice['key'], string>;

const editPath = (item: EditableItem) => `/editor/${encodeURIComponent(item.id)}`;

/** Status, "change waiting" and "not checked for six months" as badges. */
function Badges({ item }: { item: EditableItem }) {
  const { t } = useTranslation();
  return (
    <span className="app-editor__badges">
      {isServiceStatus(item.status) ? (
        <span className={`kern-badge kern-badge--${STATUS_BADGE[item.status]}`}>
          <span className="kern-label">{t(STATUS_LABEL[item.status])}</span>
        </span>
      ) : null}
      {item.pendingRevision ? (
        <span className="kern-badge kern-badge--warning">
          <span className="kern-label">{t('directory-editor:list.pendingBadge')}</span>
        </span>
      ) : null}
      {item.stale ? (
        <span className="kern-badge kern-badge--danger">
          <span className="kern-label">{t('directory-editor:list.staleBadge')}</span>
        </span>
      ) : null}
    </span>
  );
}

function OfferRow({ item, onNotice }: { item: EditableItem; onNotice: (notice: Notice) => void }) {
  const { t } = useTranslation();
  const dates = useCityTime();
  const { user } = useSession();
  const action = useServiceAction();
  const reviewer = user?.role === 'coordinator' || user?.role === 'admin';
  return (
    <tr className="kern-table__row">
      <td className="kern-table__cell">
        <Link className="kern-link" to={editPath(item)} lang="de" dir="auto">
          {item.name}
        </Link>
      </td>
      <td className="kern-table__cell">
        <Badges item={item} />
      </td>
      <td className="kern-table__cell app-nowrap">
        <time dateTime={item.lastCheckedAt}>{dates.date(item.lastCheckedAt)}</time>
      </td>
      <td className="kern-table__cell app-nowrap">
        <time dateTime={item.updatedAt}>{dates.dateTime(item.updatedAt, 'short')}</time>
      </td>
      <td className="kern-table__cell kern-table__cell--action">
        <div className="app-editor__actions">
          <Link
            className="kern-btn kern-btn--secondary kern-btn--x-small"
            to={editPath(item)}
            aria-label={t('directory-editor:list.editFor', { name: item.name })}
          >
            <span className="kern-icon kern-icon--edit" aria-hidden="true" />
            <span className="kern-label">{t('directory-editor:list.edit')}</span>
          </Link>
          {item.status === 'draft' && !reviewer ? (
            <button
              type="button"
              className="kern-btn kern-btn--secondary kern-btn--x-small"
              disabled={action.isPending}
              aria-label={t('directory-editor:list.submitFor', { name: item.name })}
              onClick={() =>
                action.mutate(
                  { id: item.id, action: 'submit', name: item.name },
                  { onSuccess: () => onNotice({ key: 'submitted', name: item.name }) },
                )
              }
            >
              <span className="kern-label">{t('directory-editor:list.submit')}</span>
            </button>
          ) : null}
          <button
            type="button"
            className="kern-btn kern-btn--tertiary kern-btn--x-small"
            disabled={action.isPending}
            aria-label={t('directory-editor:list.checkedFor', { name: item.name })}
            onClick={() =>
              action.mutate(
                { id: item.id, action: 'checked', name: item.name },
                { onSuccess: () => onNotice({ key: 'checked', name: item.name }) },
              )
            }
          >
            <span className="kern-icon kern-icon--check" aria-hidden="true" />
            <span className="kern-label">{t('directory-editor:list.stillCorrect')}</span>
          </button>
          <Link
            className="kern-link kern-link--small"
            to={`${editPath(item)}/history`}
            aria-label={t('directory-editor:list.historyFor', { name: item.name })}
          >
            {t('directory-editor:list.history')}
          </Link>
        </div>
        {action.error ? <ErrorAlert error={action.error} /> : null}
      </td>
    </tr>
  );
}

function QueueRow({ item, onNotice }: { item: EditableItem; onNotice: (notice: Notice) => void }) {
  const { t } = useTranslation();
  const dates = useCityTime();
  const publish = useServiceAction();
  const reject = useRejectService();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const reasonId = `reason-${item.id}`;
  const reasonLabels = { reason: t('directory-editor:review.reason') };
  const serverReasonError = useFieldError(reject.error, reasonLabels)('reason');
  const reasonError = missingReason ? t('directory-editor:review.reasonRequired') : serverReasonError;

  const onReject = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setMissingReason(true);
      document.getElementById(reasonId)?.focus();
      return;
    }
    setMissingReason(false);
    reject.mutate(
      { id: item.id, reason: reason.trim(), name: item.name },
      { onSuccess: () => onNotice({ key: 'rejected', name: item.name }) },
    );
  };

  return (
    <tr className="kern-table__row">
      <td className="kern-table__cell">
        <Link className="kern-link" to={editPath(item)} lang="de" dir="auto">
          {item.name}
        </Link>
      </td>
      <td className="kern-table__cell">
        {item.pendingRevision
          ? t('directory-editor:review.kindChange')
          : t('directory-editor:review.kindNew')}
      </td>
      <td className="kern-table__cell app-nowrap">
        <time dateTime={item.updatedAt}>{dates.dateTime(item.updatedAt, 'short')}</time>
      </td>
      <td className="kern-table__cell kern-table__cell--action">
        <div className="app-editor__actions">
          <button
            type="button"
            className="kern-btn kern-btn--primary kern-btn--x-small"
            disabled={publish.isPending}
            aria-label={t('directory-editor:review.publishFor', { name: item.name })}
            onClick={() =>
              publish.mutate(
                { id: item.id, action: 'publish', name: item.name },
                { onSuccess: () => onNotice({ key: 'published', name: item.name }) },
              )
            }
          >
            <span className="kern-label">{t('directory-editor:review.publish')}</span>
          </button>
          <button
            type="button"
            className="kern-btn kern-btn--secondary kern-btn--x-small"
            aria-expanded={rejecting}
            aria-controls={`reject-${item.id}`}
            aria-label={t('directory-editor:review.rejectFor', { name: item.name })}
            onClick={() => setRejecting((open) => !open)}
          >
            <span className="kern-label">{t('directory-editor:review.reject')}</span>
          </button>
        </div>
        {publish.error ? <ErrorAlert error={publish.error} /> : null}
        {rejecting ? (
          <form
            id={`reject-${item.id}`}
            className="app-stack app-editor__reject"
            onSubmit={onReject}
            noValidate
          >
            <TextArea
              id={reasonId}
              label={t('directory-editor:review.reasonFor', { name: item.name })}
              hint={t('directory-editor:review.reasonHint')}
              maxLength={2000}
              value={reason}
              onValueChange={setReason}
              error={reasonError}
            />
            {reject.error && !serverReasonError ? <ErrorAlert error={reject.error} /> : null}
            <button
              type="submit"
              className="kern-btn kern-btn--secondary kern-btn--x-small"
              disabled={reject.isPending}
            >
              <span className="kern-label">{t('directory-editor:review.rejectConfirm')}</span>
            </button>
          </form>
        ) : null}
      </td>
    </tr>
  );
}

function ReviewQueue({ onNotice }: { onNotice: (notice: Notice) => void }) {
  const { t } = useTranslation();
  const queue = useReviewQueue(true);
  return (
    <section className="app-section app-stack" aria-labelledby="review-title">
      <h2 className="kern-heading-medium" id="review-title">
        {t('directory-editor:review.title')}
      </h2>
      <p className="kern-body app-intro">{t('directory-editor:review.intro')}</p>
      <ErrorAlert error={queue.error} focus={false} />
      {queue.isPending ? <Loading /> : null}
      {queue.data && queue.data.length === 0 ? (
        <p className="kern-body">{t('directory-editor:review.empty')}</p>
      ) : null}
      {queue.data && queue.data.length > 0 ? (
        <TableScroll labelledBy="review-caption">
          <table className="kern-table kern-table--small kern-table--striped">
            <caption className="kern-sr-only" id="review-caption">
              {t('directory-editor:review.caption')}
            </caption>
            <thead>
              <tr className="kern-table__row">
                <th className="kern-table__header" scope="col">
                  {t('directory-editor:list.name')}
                </th>
                <th className="kern-table__header" scope="col">
                  {t('directory-editor:review.kind')}
                </th>
                <th className="kern-table__header" scope="col">
                  {t('directory-editor:list.updated')}
                </th>
                <th className="kern-table__header kern-table__header--action" scope="col">
                  {t('directory-editor:list.actions')}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {queue.data.map((item) => (
                <QueueRow key={item.id} item={item} onNotice={onNotice} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </section>
  );
}

const PAGE_SIZE = 25;

const STATUS_FILTERS = ['', 'draft', 'review', 'published', 'archived', 'pending'] as const;
const STATUS_FILTER_LABEL = {
  '': 'directory-editor:list.statusAll',
  draft: 'directory-editor:status.draft',
  review: 'directory-editor:status.review',
  published: 'directory-editor:status.published',
  archived: 'directory-editor:status.archived',
  pending: 'directory-editor:list.statusPending',
} as const satisfies Record<ListFilter['status'], string>;

/** "My offers": the offers one may edit with their state, filters and actions; coordinators' review queue. */
export function ListPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const reviewer = user?.role === 'coordinator' || user?.role === 'admin';
  const [filter, setFilter] = useState<ListFilter>({ status: '', stale: false });
  const [page, setPage] = useState(1);
  const [notice, setNotice] = useState<Notice | null>(null);
  const offers = useEditableServices(filter);
  const staleCount = offers.data?.items.filter((item) => item.stale).length ?? 0;
  const items = offers.data?.items ?? [];
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  const shownPage = Math.min(page, pages);
  const shown = items.slice((shownPage - 1) * PAGE_SIZE, shownPage * PAGE_SIZE);

  return (
    <>
      <PageTitle>
        {reviewer ? t('directory-editor:list.titleAll') : t('directory-editor:list.title')}
      </PageTitle>
      <p className="kern-body app-intro">
        {reviewer ? t('directory-editor:list.introAll') : t('directory-editor:list.intro')}
      </p>
      <div className="app-form__actions">
        <Link className="kern-btn kern-btn--primary" to="/editor/new">
          <span className="kern-icon kern-icon--add" aria-hidden="true" />
          <span className="kern-label">{t('directory-editor:list.new')}</span>
        </Link>
      </div>
      {notice ? (
        <Alert variant="success" role="status" title={t(NOTICE_TITLE[notice.key], { name: notice.name })} />
      ) : null}
      {reviewer ? <ReviewQueue onNotice={setNotice} /> : null}

      <section className="app-section app-stack" aria-labelledby="offers-title">
        <h2 className="kern-heading-medium" id="offers-title">
          {t('directory-editor:list.offers')}
        </h2>
        <form className="app-editor__filters" onSubmit={(event) => event.preventDefault()}>
          <Select
            id="offers-status"
            label={t('directory-editor:list.statusFilter')}
            value={filter.status}
            options={STATUS_FILTERS.map((status) => ({
              value: status,
              label: t(STATUS_FILTER_LABEL[status]),
            }))}
            onValueChange={(value) => {
              const status = STATUS_FILTERS.find((s) => s === value) ?? '';
              setFilter((current) => ({ ...current, status }));
              setPage(1);
            }}
          />
          <Checkbox
            id="offers-stale"
            label={t('directory-editor:list.staleFilter')}
            checked={filter.stale}
            onChange={(stale) => {
              setFilter((current) => ({ ...current, stale }));
              setPage(1);
            }}
          />
        </form>
        {staleCount > 0 && !filter.stale ? (
          <Alert variant="warning" title={t('directory-editor:list.staleTitle', { count: staleCount })}>
            <p className="kern-body">{t('directory-editor:list.staleText')}</p>
          </Alert>
        ) : null}
        <ErrorAlert error={offers.error} focus={false} />
        {offers.isPending ? <Loading /> : null}
        {offers.data ? (
          <>
            <p className="kern-body" aria-live="polite">
              {t('common:table.total', { count: offers.data.items.length })}
            </p>
            {offers.data.items.length === 0 ? (
              <p className="kern-body">{t('directory-editor:list.empty')}</p>
            ) : (
              <TableScroll labelledBy="offers-caption">
                <table className="kern-table kern-table--small kern-table--striped">
                  <caption className="kern-sr-only" id="offers-caption">
                    {t('directory-editor:list.caption')}
                  </caption>
                  <thead>
                    <tr className="kern-table__row">
                      <th className="kern-table__header" scope="col">
                        {t('directory-editor:list.name')}
                      </th>
                      <th className="kern-table__header" scope="col">
                        {t('directory-editor:list.state')}
                      </th>
                      <th className="kern-table__header" scope="col">
                        {t('directory-editor:list.lastChecked')}
                      </th>
                      <th className="kern-table__header" scope="col">
                        {t('directory-editor:list.updated')}
                      </th>
                      <th className="kern-table__header kern-table__header--action" scope="col">
                        {t('directory-editor:list.actions')}
                      </th>
                    </tr>
                  </thead>
                  <tbody className="kern-table__body">
                    {shown.map((item) => (
                      <OfferRow key={item.id} item={item} onNotice={setNotice} />
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
            <Pagination page={shownPage} perPage={PAGE_SIZE} total={items.length} onPageChange={setPage} />
          </>
        ) : null}
      </section>
    </>
  );
}
