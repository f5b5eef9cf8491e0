import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useFieldError } from '../../components/errorText';
import { ExplanationList, HelpText } from './Explanation';
import { type GuideRequestItem, type MatchingRun, useRequests, useRun, useStartRun } from './guides.api';
import { useNames } from './labels';
import { TextInput } from '../../components/Fields';
import { addDays } from '../../../../server/core/time.ts';
import { useCityTime } from '../../app/time';

/** The week after the city's `today` (YYYY-MM-DD), Monday to Sunday. */
function nextWeek(today: string): { from: string; to: string } {
  const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7;
  const monday = addDays(today, 7 - weekday);
  return { from: monday, to: addDays(monday, 6) };
}

/** Coordinators run the matching for a period and read each proposal's reasons and each gap's. */
export function MatchingPage() {
  const { t } = useTranslation();
  const dates = useCityTime();
  const [period, setPeriod] = useState(() => nextWeek(dates.today()));
  const start = useStartRun();
  const run = useRun(start.data?.id ?? null);
  const labels = { from: t('guides:matching.from'), to: t('guides:matching.to') };
  const fieldError = useFieldError(start.error, labels);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate(period);
  };

  return (
    <>
      <PageTitle>{t('guides:matching.title')}</PageTitle>
      <p className="kern-body app-intro">{t('guides:matching.intro')}</p>
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
        <div className="app-form__actions">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={start.isPending}>
            <span className="kern-label">{t('guides:matching.run')}</span>
          </button>
        </div>
      </form>
      <ErrorAlert error={run.error} focus={false} />
      {run.data?.status === 'running' || (start.isSuccess && !run.data) ? (
        <p className="kern-body" role="status">
          {t('guides:matching.running')}
        </p>
      ) : null}
      {run.data?.status === 'failed' ? (
        <Alert variant="danger" role="alert" title={t('guides:matching.failed')} />
      ) : null}
      {run.data?.status === 'done' ? <RunResult run={run.data} /> : null}
    </>
  );
}

function RunResult({ run }: { run: MatchingRun }) {
  const { t } = useTranslation();
  const names = useNames();
  const dates = useCityTime();
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
  return (
    <section className="app-section" aria-labelledby="result-heading" data-testid="matching-result">
      <h2 className="kern-heading-medium" id="result-heading">
        {t('guides:matching.result')}
      </h2>
      <p className="kern-body" role="status">
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
      {requests.isPending ? <Loading /> : null}
      <h3 className="kern-heading-small">{t('guides:matching.proposals')}</h3>
      {run.proposals.length === 0 ? <p className="kern-body">{t('guides:matching.noProposals')}</p> : null}
      <ul className="app-guides-list">
        {run.proposals.map((proposal) => (
          <li key={proposal.id} className="app-guides-item">
            <h4 className="kern-heading-small">
              <Link className="kern-link" to={`/guides/requests/${proposal.requestId}`}>
                {describe(proposal.requestId)}
              </Link>
            </h4>
            <p className="kern-body">{t('guides:matching.proposedTo', { name: proposal.guideName })}</p>
            <ExplanationList explanation={proposal.explanation} />
          </li>
        ))}
      </ul>
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
            <p className="kern-body">
              {t('guides:matching.why')} {item.reasons.map(names.reason).join('; ')}
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
