import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionBrowser, SessionSystem } from '../../../../server/modules/platform/platform.terms.ts';
import { useCityTime } from '../../app/time';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TableScroll } from '../../components/TableScroll';
import { type AccountSession, useEndOtherSessions, useEndSession, useSessions } from './platform.api';

const BROWSER_LABEL: Record<SessionBrowser, string> = {
  edge: 'platform:sessions.browsers.edge',
  opera: 'platform:sessions.browsers.opera',
  samsung: 'platform:sessions.browsers.samsung',
  firefox: 'platform:sessions.browsers.firefox',
  chrome: 'platform:sessions.browsers.chrome',
  safari: 'platform:sessions.browsers.safari',
};
const SYSTEM_LABEL: Record<SessionSystem, string> = {
  android: 'platform:sessions.systems.android',
  ios: 'platform:sessions.systems.ios',
  windows: 'platform:sessions.systems.windows',
  macos: 'platform:sessions.systems.macos',
  chromeos: 'platform:sessions.systems.chromeos',
  linux: 'platform:sessions.systems.linux',
};

const DONE_TEXT = {
  ended: 'platform:sessions.ended',
  endedOthers: 'platform:sessions.endedOthers',
} as const;

/** "Chrome on Android" in the reader's language; unknown parts named as unknown. */
function useDeviceName() {
  const { t } = useTranslation();
  return (session: AccountSession) =>
    t('platform:sessions.deviceName', {
      browser: session.browser ? t(BROWSER_LABEL[session.browser]) : t('platform:sessions.unknownBrowser'),
      system: session.system ? t(SYSTEM_LABEL[session.system]) : t('platform:sessions.unknownSystem'),
    });
}

/** Where the user is signed in: each session with its device and times; end one, or all but this one. */
export function SessionsSection() {
  const { t } = useTranslation();
  const dates = useCityTime();
  const sessions = useSessions();
  const endSession = useEndSession();
  const endOthers = useEndOtherSessions();
  const deviceName = useDeviceName();
  const [done, setDone] = useState<keyof typeof DONE_TEXT | null>(null);
  const items = sessions.data?.items ?? [];
  const others = items.filter((session) => !session.current);

  return (
    <section className="app-section app-stack" aria-labelledby="account-sessions">
      <h2 className="kern-heading-medium" id="account-sessions">
        {t('platform:sessions.title')}
      </h2>
      <p className="kern-body app-intro">{t('platform:sessions.intro')}</p>
      {done ? <Alert variant="success" role="status" title={t(DONE_TEXT[done])} /> : null}
      <ErrorAlert error={sessions.error ?? endSession.error ?? endOthers.error} />
      {items.length ? (
        <TableScroll labelledBy="sessions-caption">
          <table className="kern-table kern-table--small kern-table--striped">
            <caption className="kern-sr-only" id="sessions-caption">
              {t('platform:sessions.caption')}
            </caption>
            <thead>
              <tr className="kern-table__row">
                <th className="kern-table__header" scope="col">
                  {t('platform:sessions.device')}
                </th>
                <th className="kern-table__header" scope="col">
                  {t('platform:sessions.createdAt')}
                </th>
                <th className="kern-table__header" scope="col">
                  {t('platform:sessions.lastSeenAt')}
                </th>
                <th className="kern-table__header" scope="col">
                  {t('platform:sessions.actions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((session) => (
                <tr
                  className="kern-table__row"
                  key={session.id}
                  data-session={session.current ? 'current' : 'other'}
                >
                  <td className="kern-table__cell">{deviceName(session)}</td>
                  <td className="kern-table__cell app-nowrap">
                    <time dateTime={session.createdAt}>{dates.dateTime(session.createdAt, 'short')}</time>
                  </td>
                  <td className="kern-table__cell app-nowrap">
                    <time dateTime={session.lastSeenAt}>{dates.dateTime(session.lastSeenAt, 'short')}</time>
                  </td>
                  <td className="kern-table__cell kern-table__cell--action">
                    {session.current ? (
                      <span className="kern-badge kern-badge--info">
                        <span className="kern-label">{t('platform:sessions.current')}</span>
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="kern-btn kern-btn--tertiary kern-btn--x-small"
                        disabled={endSession.isPending}
                        aria-label={t('platform:sessions.endFor', {
                          device: deviceName(session),
                          createdAt: dates.dateTime(session.createdAt, 'short'),
                        })}
                        onClick={() => endSession.mutate(session.id, { onSuccess: () => setDone('ended') })}
                      >
                        <span className="kern-label">{t('platform:sessions.end')}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {sessions.data && others.length === 0 ? (
        <p className="kern-body">{t('platform:sessions.onlyThis')}</p>
      ) : null}
      {others.length ? (
        <div className="app-form__actions">
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            disabled={endOthers.isPending}
            onClick={() => endOthers.mutate(undefined, { onSuccess: () => setDone('endedOthers') })}
          >
            <span className="kern-label">{t('platform:sessions.endOthers')}</span>
          </button>
        </div>
      ) : null}
    </section>
  );
}
