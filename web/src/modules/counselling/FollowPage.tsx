import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCityTime } from '../../app/time';
import { useLanguageNames } from '../../app/languages';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Select } from '../../components/Fields';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useFieldError } from '../../components/errorText';
import { useCancel, useFollow, useMove, useSlots } from './counselling.api';
import { DOCUMENT_LABEL, STATUS_LABEL } from './labels';

/** The client's page by code: when and where, what to bring, moving and cancelling. No name, no phone. */
export function FollowPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const follow = useFollow(code);
  const cancel = useCancel(code);
  const dates = useCityTime();
  const languages = useLanguageNames();
  const data = follow.data;
  const move = useMove(code);
  const [slotId, setSlotId] = useState('');
  const slots = useSlots(data?.status === 'booked' ? data.serviceId : '');
  const moveError = useFieldError(move.error, { slotId: t('counselling:follow.moveTo') });
  const onMove = (event: FormEvent) => {
    event.preventDefault();
    if (slotId) move.mutate(slotId, { onSuccess: () => setSlotId('') });
  };
  return (
    <>
      <PageTitle>{t('counselling:follow.title')}</PageTitle>
      <ErrorAlert error={follow.error} focus={false} />
      {follow.isPending ? <Loading /> : null}
      {data ? (
        <>
          <p className="kern-body" data-testid="follow-status">
            <span className="kern-badge kern-badge--info">
              <span className="kern-label">{t(STATUS_LABEL[data.status])}</span>
            </span>
          </p>
          <dl className="app-counselling__facts">
            <dt>{t('counselling:follow.service')}</dt>
            <dd>{data.serviceName}</dd>
            <dt>{t('counselling:follow.when')}</dt>
            <dd data-testid="follow-when">{dates.dateTime(data.startsAt, 'full', 'short')}</dd>
            <dt>{t('counselling:follow.where')}</dt>
            <dd>{data.address}</dd>
            <dt>{t('counselling:follow.language')}</dt>
            <dd>
              {languages.nameOf(data.language)}
              {data.mediator ? ` · ${t('counselling:follow.mediator')}` : ''}
            </dd>
          </dl>
          <h2 className="kern-heading-medium">{t('counselling:follow.bring')}</h2>
          {data.documents.length > 0 ? (
            <ul className="kern-list" data-testid="follow-documents">
              {data.documents.map((doc) => (
                <li key={doc}>{t(DOCUMENT_LABEL[doc])}</li>
              ))}
            </ul>
          ) : (
            <p className="kern-body">{t('counselling:follow.bringDefault')}</p>
          )}
          {data.status === 'booked' ? (
            <>
              <form className="app-stack" onSubmit={onMove} aria-labelledby="follow-move" noValidate>
                <h2 className="kern-heading-medium" id="follow-move">
                  {t('counselling:follow.move')}
                </h2>
                <Select
                  id="follow-slot"
                  name="slotId"
                  label={t('counselling:follow.moveTo')}
                  value={slotId}
                  onValueChange={setSlotId}
                  placeholder={t('counselling:book.choose')}
                  options={(slots.data?.items ?? []).map((slot) => ({
                    value: slot.id,
                    label: dates.dateTime(slot.startsAt, 'full', 'short'),
                  }))}
                  error={moveError('slotId')}
                />
                {move.error && !moveError('slotId') ? <ErrorAlert error={move.error} /> : null}
                <button
                  className="kern-btn kern-btn--primary"
                  type="submit"
                  disabled={!slotId || move.isPending}
                >
                  <span className="kern-label">{t('counselling:follow.moveButton')}</span>
                </button>
              </form>
              <ErrorAlert error={cancel.error} />
              <button
                className="kern-btn kern-btn--secondary"
                type="button"
                disabled={cancel.isPending}
                onClick={() => cancel.mutate()}
              >
                <span className="kern-label">{t('counselling:follow.cancel')}</span>
              </button>
            </>
          ) : null}
          <h2 className="kern-heading-medium">{t('counselling:follow.yourData')}</h2>
          <p className="kern-body">{t('counselling:follow.yourDataText')}</p>
        </>
      ) : null}
    </>
  );
}
