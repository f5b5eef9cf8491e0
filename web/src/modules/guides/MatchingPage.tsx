import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useFieldError } from '../../components/errorText';
import { ExplanationList, HelpText } from './Explanation';
import {
  type GuideRequestItem,
  type MatchingRun,
  type RunProposal,
  useCurrentRuns,
  useDropProposal,
  useRequests,
  useSendRun,
  useStartRun,
  useSwapProposal,
} from './guides.api';
import { useNames } from './labels';
import { Select, TextInput } from '../../components/Fields';
import { joinSentences } from '../../../../server/modules/guides/sentences.ts';
import { addDays } from '../../../../server/core/time.ts';
import { useCityTime } from '../../app/time';

/** The week after the city's `today` (YYYY-MM-DD), Monday to Sunday. */
function nextWeek(today: string): { from: string; to: string } {
  const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7;
  const monday = addDays(today, 7 - weekday);
  return { from: monday, to: addDays(monday, 6) };
}

/** Coordinators run the matching for a period, review its proposals (drop, swap), and send them. */
export function MatchingPage() {
  const { t } = useTranslation();
  const dates = useCityTime();
  const names = useNames();
  const [period, setPeriod] = useState(() => nextWeek(dates.today()));
  const start = useStartRun();
  // From the server, not from this page's state: a reload shows the run under review again.
  const current = useCurrentRuns();
  const run = current.data?.review ?? null;
  const lastSent = current.data?.lastSent ?? null;
  const labels = { from: t('guides:matching.from'), to: t('guides:matching.to') };
  const fieldError = useFieldError(start.error, labels);
  // Outlives the run's section: after sending, the section goes, the news that it was sent stays.
  const [announcement, setAnnouncement] = useState('');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAnnouncement('');
    start.mutate(period);
  };

  return (
    <>
      <PageTitle>{t('guides:matching.title')}</PageTitle>
      <p className="kern-body app-intro">{t('guides:matching.intro')}</p>
      {lastSent ? (
        <p className="kern-body" data-testid="last-sent">
          {t('guides:review.lastSent', {
            date: dates.dateTime(lastSent.sentAt ?? lastSent.createdAt),
            proposed: lastSent.stats.proposed ?? 0,
          })}
        </p>
      ) : null}
      <form className="app-form" onSubmit={onSubmit} noValidate>
        <ErrorAlert error={start.error} fieldLabels={labels} />
        <div className="app-form__grid">
          <TextInput
            id="matching-from"
            name="from"
            type="date"
            label={labels.from}
            value={period.from}
            onValueChange={(from) => setPeriod((current) => ({ ...current, from }))}
            error={fieldError('from')}
          />
          <TextInput
            id="matching-to"
            name="to"
            type="date"
            label={labels.to}
            hint={t('guides:matching.toHint')}
            value={period.to}
            onValueChange={(to) => setPeriod((current) => ({ ...current, to }))}
            error={fieldError('to')}
          />
        </div>
        {run?.inReview ? <p className="kern-hint">{t('guides:review.replaces')}</p> : null}
        <div className="app-form__actions">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={start.isPending}>
            <span className="kern-label">{t('guides:matching.run')}</span>
          </button>
        </div>
      </form>
      <ErrorAlert error={current.error} focus={false} />
      {current.isPending ? <Loading /> : null}
      {run?.status === 'running' ? (
        <p className="kern-body" role="status">
          {t('guides:matching.running')}
        </p>
      ) : null}
      {run?.status === 'failed' ? (
        <Alert variant="danger" role="alert" title={t('guides:matching.failed')} />
      ) : null}
      <p className="kern-body" role="status" aria-live="polite" data-testid="review-status">
        {announcement}
      </p>
      {run?.status === 'done' ? (
        <RunResult key={run.id} run={run} names={names} announce={setAnnouncement} />
      ) : null}
    </>
  );
}

function RunResult({
  run,
  names,
  announce: setAnnouncement,
}: {
  run: MatchingRun;
  names: ReturnType<typeof useNames>;
  announce: (text: string) => void;
}) {
  const { t } = useTranslation();
  const dates = useCityTime();
  const send = useSendRun(run.id);
  const drop = useDropProposal(run.id);
  const swap = useSwapProposal(run.id);
  // The run's requests start within its period: from its first day (the UTC date, a day early at most), one page.
  const requests = useRequests({ from: run.periodFrom.slice(0, 10), per_page: 200 });
  const byId = new Map<string, GuideRequestItem>(
    (requests.data?.items ?? []).map((request) => [request.id, request]),
  );
  const describe = (id: string) => {
    const request = byId.get(id);
    return request
      ? `${dates.dateTime(request.start)} · ${names.language(request.language)} · ${names.topic(request.topic)}`
      : t('guides:matching.request');
  };
  const onDrop = (proposal: RunProposal) =>
    drop.mutate(proposal.id, {
      onSuccess: () => setAnnouncement(t('guides:review.dropped', { name: proposal.guideName })),
    });
  const onSwap = (proposal: RunProposal, guideId: string) =>
    swap.mutate(
      { proposalId: proposal.id, guideId },
      {
        onSuccess: () =>
          setAnnouncement(
            t('guides:review.swapped', {
              name: proposal.alternatives.find((a) => a.guideId === guideId)?.guideName ?? '',
            }),
          ),
      },
    );
  const drafts = run.proposals.filter((proposal) => proposal.status === 'draft');
  return (
    <section className="app-section" aria-labelledby="result-heading" data-testid="matching-result">
      <h2 className="kern-heading-medium" id="result-heading">
        {t(run.inReview ? 'guides:review.title' : 'guides:matching.result')}
      </h2>
      <p className="kern-body">
        {t('guides:matching.summary', {
          proposed: run.proposals.length,
          unmatched: run.unmatched.length,
          seconds: names.number(Math.round((run.seconds ?? 0) * 1000) / 1000),
        })}
      </p>
      {run.gap !== null ? (
        <p className="kern-body kern-body--small">
          {run.gap <= 1e-9
            ? t('guides:matching.optimal')
            : t('guides:matching.gap', { gap: names.number(Math.round(run.gap * 10_000) / 100) })}
        </p>
      ) : null}
      {run.inReview ? <Alert variant="info" title={t('guides:review.notSent')} /> : null}
      <ErrorAlert error={drop.error ?? swap.error ?? send.error} />
      {requests.isPending ? <Loading /> : null}
      <h3 className="kern-heading-small">{t('guides:matching.proposals')}</h3>
      {run.proposals.length === 0 ? <p className="kern-body">{t('guides:matching.noProposals')}</p> : null}
      <ul className="app-guides-list">
        {run.proposals.map((proposal) => (
          <li key={proposal.id} className="app-guides-item" data-testid="proposal">
            <h4 className="kern-heading-small" id={`proposal-${proposal.id}`}>
              <Link className="kern-link" to={`/guides/requests/${proposal.requestId}`}>
                {describe(proposal.requestId)}
              </Link>
            </h4>
            <p className="kern-body">{t('guides:matching.proposedTo', { name: proposal.guideName })}</p>
            <ExplanationList explanation={proposal.explanation} />
            {run.inReview && proposal.status === 'draft' ? (
              <DraftActions
                proposal={proposal}
                busy={drop.isPending || swap.isPending || send.isPending}
                onDrop={() => onDrop(proposal)}
                onSwap={(guideId) => onSwap(proposal, guideId)}
              />
            ) : null}
          </li>
        ))}
      </ul>
      {run.inReview ? (
        <div className="app-form__actions">
          <button
            type="button"
            className="kern-btn kern-btn--primary"
            disabled={send.isPending}
            onClick={() => {
              // The promise, not mutate's callback: sending closes the review, and this section with it.
              send
                .mutateAsync()
                .then((result) => setAnnouncement(t('guides:review.sent', { sent: result.sent })))
                .catch(() => {});
            }}
          >
            <span className="kern-label">{t('guides:review.send', { count: drafts.length })}</span>
          </button>
        </div>
      ) : null}
      <h3 className="kern-heading-small">{t('guides:matching.unmatched')}</h3>
      {run.unmatched.length === 0 ? <p className="kern-body">{t('guides:matching.allMatched')}</p> : null}
      <ul className="app-guides-list">
        {run.unmatched.map((item) => (
          <li key={item.requestId} className="app-guides-item">
            <h4 className="kern-heading-small">
              <Link className="kern-link" to={`/guides/requests/${item.requestId}`}>
                {describe(item.requestId)}
              </Link>
            </h4>
            <p className="kern-body" data-testid="unmatched-why">
              {t('guides:matching.why')} {joinSentences(item.reasons.map(names.reason))}
            </p>
            {item.help.length > 0 ? (
              <p className="kern-body">
                {t('guides:matching.wouldHelp')}{' '}
                {item.help.map((help) => (
                  <HelpText key={JSON.stringify(help)} help={help} />
                ))}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Under review: drop the draft, or give it to one of the eligible alternatives the solver ranks next. */
function DraftActions({
  proposal,
  busy,
  onDrop,
  onSwap,
}: {
  proposal: RunProposal;
  busy: boolean;
  onDrop: () => void;
  onSwap: (guideId: string) => void;
}) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState('');
  const heading = `proposal-${proposal.id}`;
  return (
    <div className="app-guides-row">
      {proposal.alternatives.length > 0 ? (
        <>
          <Select
            id={`swap-${proposal.id}`}
            name="guideId"
            label={t('guides:review.swapLabel')}
            placeholder={t('guides:review.choose')}
            value={choice}
            onValueChange={setChoice}
            options={proposal.alternatives.map((alternative) => ({
              value: alternative.guideId,
              label: t('guides:review.alternative', {
                name: alternative.guideName,
                minutes: alternative.travelMinutes,
              }),
            }))}
          />
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            disabled={busy || choice === ''}
            aria-describedby={heading}
            onClick={() => onSwap(choice)}
          >
            <span className="kern-label">{t('guides:review.swap')}</span>
          </button>
        </>
      ) : (
        <p className="kern-body kern-body--small">{t('guides:review.noAlternatives')}</p>
      )}
      <button
        type="button"
        className="kern-btn kern-btn--tertiary"
        disabled={busy}
        aria-describedby={heading}
        onClick={onDrop}
      >
        <span className="kern-label">{t('guides:review.drop')}</span>
      </button>
    </div>
  );
}
