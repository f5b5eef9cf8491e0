import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Select, TextArea } from '../../components/Fields';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useEuros } from './CallsPage';
import {
  type Application,
  type Call,
  MAX_SCORE,
  useApplication,
  useCall,
  useReview,
  useSaveReview,
} from './funding.api';
import { CATEGORY_LABEL } from './labels';

/** /funding/:id/review: a reviewer reads the submitted application and scores each criterion with a reason. */
export function ReviewPage() {
  const { id = '' } = useParams();
  const application = useApplication(id);
  const call = useCall(application.data?.callId ?? '');
  const review = useReview(id);
  if (application.isPending || review.isPending || (application.data && call.isPending)) return <Loading />;
  if (!application.data || !call.data || !review.data)
    return <ErrorAlert error={application.error ?? call.error ?? review.error} />;
  return (
    <ReviewForm
      application={application.data}
      call={call.data}
      saved={new Map(review.data.scores.map((s) => [s.criterion, s]))}
    />
  );
}

type Entry = { score: string; reason: string };

function ReviewForm({
  application,
  call,
  saved,
}: {
  application: Application;
  call: Call;
  saved: Map<string, { score: number; reason: string }>;
}) {
  const { t } = useTranslation();
  const euros = useEuros();
  const save = useSaveReview(application.id);
  const [entries, setEntries] = useState<Record<string, Entry>>(() =>
    Object.fromEntries(
      call.criteria.map((c) => {
        const s = saved.get(c.key);
        return [c.key, { score: s ? String(s.score) : '', reason: s?.reason ?? '' }];
      }),
    ),
  );
  const content = application.content;
  const scoreOptions = Array.from({ length: MAX_SCORE + 1 }, (_, i) => ({
    value: String(i),
    label: String(i),
  }));
  return (
    <>
      <PageTitle>{t('funding:review.title')}</PageTitle>
      <h2 className="kern-heading-medium" lang="de">
        {content.project.title}
      </h2>
      <p className="kern-body">{application.organisation}</p>
      <p className="kern-body app-funding__text" lang="de">
        {content.project.summary}
      </p>
      <p className="kern-body app-funding__text" lang="de">
        {content.goals}
      </p>
      <ul className="kern-list">
        {content.budget.costs.map((line) => (
          <li key={`${line.category}-${line.description}`}>
            {t(CATEGORY_LABEL[line.category])}: <span lang="de">{line.description}</span> –{' '}
            {euros(line.amount)}
          </li>
        ))}
      </ul>
      <p className="kern-body">
        {t('funding:review.requested', { amount: euros(content.budget.requested) })}
      </p>
      <form
        noValidate
        className="app-funding__form"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({
            scores: call.criteria.map((c) => ({
              criterion: c.key,
              score: Number(entries[c.key]?.score ?? 0),
              reason: entries[c.key]?.reason ?? '',
            })),
          });
        }}
      >
        <ErrorAlert error={save.error} />
        {call.criteria.map((c) => (
          <fieldset key={c.key} className="app-funding__line">
            <legend className="kern-label" lang={call.language}>
              {c.label} ({c.weight} %)
            </legend>
            <Select
              id={`review-${c.key}-score`}
              label={t('funding:review.score', { max: MAX_SCORE })}
              value={entries[c.key]?.score ?? ''}
              placeholder={t('funding:apply.choose')}
              options={scoreOptions}
              onValueChange={(score) =>
                setEntries((e) => ({ ...e, [c.key]: { ...e[c.key], score } as Entry }))
              }
            />
            <TextArea
              id={`review-${c.key}-reason`}
              label={t('funding:review.reason')}
              value={entries[c.key]?.reason ?? ''}
              onValueChange={(reason) =>
                setEntries((e) => ({ ...e, [c.key]: { ...e[c.key], reason } as Entry }))
              }
            />
          </fieldset>
        ))}
        <button type="submit" className="kern-btn kern-btn--primary" disabled={save.isPending}>
          <span className="kern-label">{t('funding:review.save')}</span>
        </button>
        {save.isSuccess ? (
          <p className="kern-body" role="status">
            {t('funding:review.saved')}
          </p>
        ) : null}
      </form>
      <p className="kern-body">
        <Link className="kern-link" to="/funding">
          {t('funding:overview.back')}
        </Link>
      </p>
    </>
  );
}
