import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useLanguageNames } from '../../app/languages';
import { useCityTime } from '../../app/time';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EASY_GERMAN, type OfflinePackage, type PageLang } from './pages.api';

/** Cache Storage names: one per language, read by the service worker when the network is gone (web/src/app/sw.js). */
const CACHE_PREFIX = 'lotse-pages-';
const SAVED_KEY = 'lotse-pages-offline';
type Saved = Partial<Record<string, { pages: number; at: string }>>;

const readSaved = (): Saved => {
  try {
    return JSON.parse(localStorage.getItem(SAVED_KEY) ?? '{}') as Saved;
  } catch {
    return {};
  }
};

/** Stores a language's package under the addresses the pages are read from; answers how many pages. */
async function keep(lang: PageLang): Promise<number> {
  const pack = await api<OfflinePackage>(`/api/v1/page-packages/${encodeURIComponent(lang)}`);
  const cache = await caches.open(CACHE_PREFIX + lang);
  const json = (data: unknown) =>
    new Response(JSON.stringify(data), {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        date: new Date(pack.madeAt).toUTCString(),
      },
    });
  await cache.put(`/api/v1/pages?lang=${encodeURIComponent(lang)}`, json(pack.tree));
  for (const page of pack.pages)
    await cache.put(
      `/api/v1/pages/${encodeURIComponent(page.slug)}?lang=${encodeURIComponent(lang)}`,
      json(page),
    );
  return pack.pages.length;
}

async function storageUsed(): Promise<number | null> {
  if (!navigator.storage?.estimate) return null;
  return (await navigator.storage.estimate()).usage ?? null;
}

/** One button keeps every page of the reader's language (and Leichte Sprache) on the device; shows the space used. */
export function OfflinePanel({ lang }: { lang: PageLang }) {
  const { t, i18n } = useTranslation();
  const names = useLanguageNames();
  const dates = useCityTime();
  const [saved, setSaved] = useState<Saved>(readSaved);
  const [used, setUsed] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const supported = typeof caches !== 'undefined';
  const langs: PageLang[] = lang === EASY_GERMAN ? [EASY_GERMAN] : [lang, EASY_GERMAN];
  const language = lang === EASY_GERMAN ? t('pages:page.easyName') : names.nameOf(lang);
  const mine = saved[lang];

  useEffect(() => {
    void storageUsed().then(setUsed);
  }, []);

  if (!supported) return null;
  const size = (bytes: number) =>
    new Intl.NumberFormat(i18n.language, {
      style: 'unit',
      unit: 'megabyte',
      maximumFractionDigits: 1,
    }).format(bytes / 1_000_000);

  const store = async () => {
    setBusy(true);
    setError(null);
    try {
      const next = { ...readSaved() };
      for (const code of langs) next[code] = { pages: await keep(code), at: new Date().toISOString() };
      localStorage.setItem(SAVED_KEY, JSON.stringify(next));
      setSaved(next);
      setUsed(await storageUsed());
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    const next = { ...readSaved() };
    for (const code of langs) {
      await caches.delete(CACHE_PREFIX + code);
      delete next[code];
    }
    localStorage.setItem(SAVED_KEY, JSON.stringify(next));
    setSaved(next);
    setUsed(await storageUsed());
  };

  return (
    <section className="app-pages-offline" aria-labelledby="pages-offline">
      <h2 className="kern-heading-small" id="pages-offline">
        {t('pages:offline.title')}
      </h2>
      <p className="kern-body">{t('pages:offline.intro')}</p>
      <div role="status" data-testid="pages-offline-status">
        {mine ? (
          <Alert
            variant="success"
            title={t('pages:offline.saved', {
              count: mine.pages,
              language,
              date: dates.dateTime(mine.at, 'short'),
            })}
          />
        ) : null}
        {used !== null ? (
          <p className="kern-body">{t('pages:offline.storage', { size: size(used) })}</p>
        ) : null}
      </div>
      <ErrorAlert error={error} />
      <p className="app-pages-offline__buttons">
        <button type="button" className="kern-btn kern-btn--secondary" onClick={store} disabled={busy}>
          <span className="kern-label">
            {busy ? t('pages:offline.saving') : t('pages:offline.save', { language })}
          </span>
        </button>
        {mine ? (
          <button type="button" className="kern-btn kern-btn--tertiary" onClick={remove} disabled={busy}>
            <span className="kern-label">{t('pages:offline.remove')}</span>
          </button>
        ) : null}
      </p>
    </section>
  );
}
