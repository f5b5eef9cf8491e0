import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { RequesterAfter } from './AfterPanels';
import {
  useCancelPublicRequest,
  usePublicAfter,
  usePublicConfirmTime,
  usePublicFeedback,
  usePublicRequest,
} from './guides.api';
import { STATE_BADGE, STATE_LABEL, useNames } from './labels';
import { Badge, Fact } from './display';
import { useCityTime } from '../../app/time';

const STATE_TEXT = {
  open: 'guides:follow.text.open',
  proposed: 'guides:follow.text.proposed',
  confirmed: 'guides:follow.text.confirmed',
  done: 'guides:follow.text.done',
  cancelled: 'guides:follow.text.cancelled',
  no_show: 'guides:follow.text.no_show',
} as const;

/** The newcomer follows a request by its code: state, date, cancel; after the appointment confirm and rate. */
export function FollowPage() {
  const { t } = useTranslation();
  const names = useNames();
  const dates = useCityTime();
  const { code = '' } = useParams();
  const request = usePublicRequest(code);
  const cancel = useCancelPublicRequest(code);
  const begun = request.data ? new Date(request.data.start) <= new Date() : false;
  const afterShown = !!request.data && begun && ['confirmed', 'done'].includes(request.data.state);
  const after = usePublicAfter(code, afterShown);
  const confirm = usePublicConfirmTime(code);
  const feedback = usePublicFeedback(code);

  return (
    <>
      <PageTitle>{t('guides:follow.title')}</PageTitle>
      <ErrorAlert error={request.error} focus={false} />
      {request.isPending ? <Loading /> : null}
      {request.data ? (
        <>
          <p className="kern-body">
            <Badge variant={STATE_BADGE[request.data.state]}>{t(STATE_LABEL[request.data.state])}</Badge>
          </p>
          <p className="kern-body" data-testid="follow-state">
            {t(STATE_TEXT[request.data.state])}
          </p>
          <dl className="app-guides-facts">
            <Fact term={t('guides:follow.code')}>
              <span className="app-code" translate="no" dir="ltr">
                {request.data.code}
              </span>
            </Fact>
            <Fact term={t('guides:follow.when')}>{dates.dateTime(request.data.start)}</Fact>
            <Fact term={t('guides:follow.language')}>{names.language(request.data.language)}</Fact>
          </dl>
          {!begun && ['open', 'proposed', 'confirmed'].includes(request.data.state) ? (
            <div className="app-stack">
              <ErrorAlert error={cancel.error} />
              <button
                type="button"
                className="kern-btn kern-btn--secondary"
                onClick={() => {
                  if (window.confirm(t('guides:follow.cancelConfirm'))) cancel.mutate();
                }}
                disabled={cancel.isPending}
              >
                <span className="kern-label">{t('guides:follow.cancel')}</span>
              </button>
            </div>
          ) : null}
          {afterShown && after.data ? (
            <RequesterAfter after={after.data} confirm={confirm} feedback={feedback} />
          ) : null}
        </>
      ) : null}
    </>
  );
}
