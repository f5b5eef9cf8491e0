import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { AppointmentFacts } from './Appointment';
import { ExplanationList } from './Explanation';
import { type GuideProposal, useAcceptProposal, useDeclineProposal, useOwnProposals } from './guides.api';
import { DECLINE_LABEL, DECLINE_REASONS, type DeclineReason, useNames } from './labels';
import { Select } from '../../components/Fields';
import { useCityTime } from '../../app/time';

/** The guide's proposals: accept, or decline with a reason before the deadline. Made for a phone. */
export function ProposalsPage() {
  const { t } = useTranslation();
  const proposals = useOwnProposals();
  const accept = useAcceptProposal();
  const pending = proposals.data?.items.filter((proposal) => proposal.status === 'pending') ?? [];
  const answered = proposals.data?.items.filter((proposal) => proposal.status !== 'pending') ?? [];
  return (
    <>
      <PageTitle>{t('guides:proposals.title')}</PageTitle>
      <p className="kern-body app-intro">{t('guides:proposals.intro')}</p>
      <ErrorAlert error={proposals.error} focus={false} />
      {proposals.isPending ? <Loading /> : null}
      {accept.isSuccess ? (
        <Alert variant="success" role="status" title={t('guides:proposals.accepted')}>
          <p className="kern-body">
            <Link className="kern-link" to="/guides/assignments">
              {t('guides:proposals.toAssignments')}
            </Link>
          </p>
        </Alert>
      ) : null}
      <ErrorAlert error={accept.error} />
      {proposals.data && pending.length === 0 ? (
        <p className="kern-body">{t('guides:proposals.empty')}</p>
      ) : null}
      <ul className="app-guides-list">
        {pending.map((proposal) => (
          <li key={proposal.id} className="app-guides-item">
            <ProposalCard
              proposal={proposal}
              onAccept={() => accept.mutate(proposal.id)}
              busy={accept.isPending}
            />
          </li>
        ))}
      </ul>
      {answered.length > 0 ? (
        <section className="app-section" aria-labelledby="answered-heading">
          <h2 className="kern-heading-medium" id="answered-heading">
            {t('guides:proposals.answered')}
          </h2>
          <ul className="kern-list">
            {answered.map((proposal) => (
              <AnsweredLine key={proposal.id} proposal={proposal} />
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

const STATUS_LABEL: Record<string, string> = {
  accepted: 'guides:proposals.status.accepted',
  declined: 'guides:proposals.status.declined',
  expired: 'guides:proposals.status.expired',
  withdrawn: 'guides:proposals.status.withdrawn',
};

function AnsweredLine({ proposal }: { proposal: GuideProposal }) {
  const { t } = useTranslation();
  const names = useNames();
  const dates = useCityTime();
  return (
    <li>
      {dates.dateTime(proposal.appointment.start)} · {names.language(proposal.appointment.language)} ·{' '}
      {t(STATUS_LABEL[proposal.status] ?? 'guides:proposals.status.withdrawn')}
    </li>
  );
}

function ProposalCard({
  proposal,
  onAccept,
  busy,
}: {
  proposal: GuideProposal;
  onAccept: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const names = useNames();
  const dates = useCityTime();
  const decline = useDeclineProposal();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState<DeclineReason>('not_available');
  const headingId = `proposal-${proposal.id}`;
  return (
    <article aria-labelledby={headingId}>
      <h2 className="kern-heading-small" id={headingId}>
        {dates.dateTime(proposal.appointment.start)} · {names.language(proposal.appointment.language)}
      </h2>
      <AppointmentFacts appointment={proposal.appointment} />
      <p className="kern-body kern-body--small">
        {t('guides:proposals.deadline', { when: dates.dateTime(proposal.deadline) })}
      </p>
      <details className="app-guides-details">
        <summary className="kern-body">{t('guides:proposals.why')}</summary>
        <ExplanationList explanation={proposal.explanation} forGuide />
      </details>
      <ErrorAlert error={decline.error} />
      {declining ? (
        <form
          className="app-form"
          onSubmit={(event) => {
            event.preventDefault();
            decline.mutate({ id: proposal.id, reason });
          }}
        >
          <Select
            id={`decline-${proposal.id}`}
            name="reason"
            label={t('guides:decline.reason')}
            value={reason}
            options={DECLINE_REASONS.map((value) => ({ value, label: t(DECLINE_LABEL[value]) }))}
            onValueChange={(value) => setReason(value as DeclineReason)}
          />
          <div className="app-form__actions">
            <button type="submit" className="kern-btn kern-btn--primary" disabled={decline.isPending}>
              <span className="kern-label">{t('guides:decline.submit')}</span>
            </button>
            <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => setDeclining(false)}>
              <span className="kern-label">{t('guides:decline.back')}</span>
            </button>
          </div>
        </form>
      ) : (
        <div className="app-form__actions">
          <button type="button" className="kern-btn kern-btn--primary" onClick={onAccept} disabled={busy}>
            <span className="kern-label">{t('guides:proposals.accept')}</span>
          </button>
          <button type="button" className="kern-btn kern-btn--secondary" onClick={() => setDeclining(true)}>
            <span className="kern-label">{t('guides:proposals.decline')}</span>
          </button>
        </div>
      )}
    </article>
  );
}
