import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useCity } from '../../app/city';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CheckGroup, Checkboxes } from '../../components/Fields';
import { TOPIC_LABEL } from './labels';
import { NEWS_TOPICS, type NewsTopic, type PushKey, type SubscriptionInput, UI_LANGS } from './pages.api';

/** The reader's choice, kept on the device (also what was ticked before a send failed). */
const CHOICE_KEY = 'lotse-news-choice';
type Choice = { topics: NewsTopic[]; districts: string[]; subscribed: boolean };

const readChoice = (): Choice => {
  try {
    return {
      topics: [],
      districts: [],
      subscribed: false,
      ...JSON.parse(localStorage.getItem(CHOICE_KEY) ?? '{}'),
    };
  } catch {
    return { topics: [], districts: [], subscribed: false };
  }
};

const pushWorks = () =>
  typeof window !== 'undefined' &&
  'serviceWorker' in navigator &&
  'PushManager' in window &&
  'Notification' in window;

async function sendSubscription(
  subscription: PushSubscription,
  choice: Choice,
  lang: SubscriptionInput['lang'],
) {
  const json = subscription.toJSON();
  await api<void>('/api/v1/news/subscriptions', {
    method: 'POST',
    body: {
      endpoint: subscription.endpoint,
      keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' },
      expirationTime: subscription.expirationTime,
      lang,
      topics: choice.topics,
      districts: choice.districts,
    } satisfies SubscriptionInput,
  });
}

/**
 * News by web push without an account: the reader picks topics and Stadtbezirke; the browser's push subscription
 * (endpoint and keys) and the choice are all the server keeps. One click unsubscribes. While subscribed, opening
 * /seiten sends the subscription again, which tells the server it is still used (retention after 180 days).
 */
export function NewsSubscribe() {
  const { t, i18n } = useTranslation();
  const city = useCity();
  const [choice, setChoice] = useState<Choice>(readChoice);
  const [state, setState] = useState<'idle' | 'busy' | 'subscribed' | 'removed' | 'denied'>(() =>
    readChoice().subscribed ? 'subscribed' : 'idle',
  );
  const [error, setError] = useState<unknown>(null);
  const lang = (
    (UI_LANGS as readonly string[]).includes(i18n.language) ? i18n.language : 'de'
  ) as SubscriptionInput['lang'];

  const update = (next: Choice) => {
    setChoice(next);
    localStorage.setItem(CHOICE_KEY, JSON.stringify(next));
  };

  // Renew: the server sees the subscription is still in use (and in the language the reader now uses).
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per visit and language
  useEffect(() => {
    if (!pushWorks() || !choice.subscribed) return;
    void navigator.serviceWorker.ready
      .then((registration) => registration.pushManager.getSubscription())
      .then((subscription) => (subscription ? sendSubscription(subscription, choice, lang) : undefined))
      .catch(() => undefined);
  }, [lang]);

  if (!pushWorks()) return null;

  async function subscribe() {
    setError(null);
    setState('busy');
    try {
      if ((await Notification.requestPermission()) !== 'granted') {
        setState('denied');
        return;
      }
      const { publicKey } = await api<PushKey>('/api/v1/news/push-key');
      const registration = await navigator.serviceWorker.ready;
      const subscription =
        (await registration.pushManager.getSubscription()) ??
        (await registration.pushManager.subscribe({
          userVisibleOnly: true,
          applicationServerKey: publicKey,
        }));
      await sendSubscription(subscription, choice, lang);
      update({ ...choice, subscribed: true });
      setState('subscribed');
    } catch (caught) {
      setError(caught);
      setState('idle');
    }
  }

  async function unsubscribe() {
    setError(null);
    setState('busy');
    try {
      const registration = await navigator.serviceWorker.ready;
      const subscription = await registration.pushManager.getSubscription();
      if (subscription) {
        await api<void>('/api/v1/news/subscriptions/remove', {
          method: 'POST',
          body: { endpoint: subscription.endpoint },
        });
        await subscription.unsubscribe();
      }
      update({ ...choice, subscribed: false });
      setState('removed');
    } catch (caught) {
      setError(caught);
      setState('subscribed');
    }
  }

  return (
    <section className="app-pages-news" aria-labelledby="news-subscribe-title">
      <h2 className="kern-heading-medium" id="news-subscribe-title">
        {t('pages:news.subscribeTitle')}
      </h2>
      <p className="kern-body">{t('pages:news.subscribeIntro')}</p>
      <CheckGroup id="news-topics" legend={t('pages:news.topicsLegend')}>
        <Checkboxes
          idPrefix="news-topic"
          options={NEWS_TOPICS}
          labelOf={(topic) => t(TOPIC_LABEL[topic])}
          selected={choice.topics}
          onChange={(topics) => update({ ...choice, topics })}
        />
      </CheckGroup>
      <CheckGroup
        id="news-districts"
        legend={t('pages:news.districtsLegend')}
        hint={t('pages:news.districtsHint')}
      >
        <Checkboxes
          idPrefix="news-district"
          options={(city.data?.districts ?? []).map((d) => d.id)}
          labelOf={(id) => city.data?.districts.find((d) => d.id === id)?.name ?? id}
          selected={choice.districts}
          onChange={(districts) => update({ ...choice, districts })}
        />
      </CheckGroup>
      <p className="kern-body kern-body--small">{t('pages:news.privacy')}</p>
      <ErrorAlert error={error} />
      {state === 'subscribed' ? (
        <Alert variant="success" title={t('pages:news.subscribed')} role="status" />
      ) : state === 'removed' ? (
        <Alert variant="info" title={t('pages:news.removed')} role="status" />
      ) : state === 'denied' ? (
        <Alert variant="warning" title={t('pages:news.denied')} role="status" />
      ) : null}
      <div className="app-actions">
        <button
          type="button"
          className="kern-btn kern-btn--primary"
          disabled={state === 'busy' || choice.topics.length === 0}
          onClick={() => void subscribe()}
        >
          <span className="kern-label">{t('pages:news.subscribe')}</span>
        </button>
        {choice.subscribed ? (
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            disabled={state === 'busy'}
            onClick={() => void unsubscribe()}
          >
            <span className="kern-label">{t('pages:news.unsubscribe')}</span>
          </button>
        ) : null}
      </div>
    </section>
  );
}
