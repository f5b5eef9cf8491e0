import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCity } from '../../app/city';
import { useCityTime } from '../../app/time';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Select } from '../../components/Fields';
import { TOPIC_LABEL } from './labels';
import { RTL_LANGS, UI_LANGS, useNews } from './pages.api';

/** The reader's Stadtbezirk for the news, kept on the device ("": all of them). */
const DISTRICT_KEY = 'lotse-news-district';
const savedDistrict = () => {
  try {
    return localStorage.getItem(DISTRICT_KEY) ?? '';
  } catch {
    return '';
  }
};

/**
 * The news on the home page: current items (their end date not passed) in the reader's language — German where
 * an item has none, marked by its lang — for the Stadtbezirk the reader picks (and the whole city), with the feed.
 */
export function HomeNews() {
  const { t, i18n } = useTranslation();
  const city = useCity();
  const dates = useCityTime();
  const lang = (UI_LANGS as readonly string[]).includes(i18n.language) ? i18n.language : 'de';
  const [district, setDistrict] = useState(savedDistrict);
  const news = useNews(lang, district);
  const districtName = (id: string | null) =>
    id ? (city.data?.districts.find((d) => d.id === id)?.name ?? id) : t('pages:newsEditor.wholeCity');
  return (
    <section aria-labelledby="home-news" className="app-pages-home-news">
      <h2 className="kern-heading-medium" id="home-news">
        {t('pages:homeNews.title')}
      </h2>
      <Select
        id="home-news-district"
        label={t('pages:homeNews.district')}
        value={district}
        onValueChange={(value) => {
          setDistrict(value);
          localStorage.setItem(DISTRICT_KEY, value);
        }}
        options={[
          { value: '', label: t('pages:homeNews.allDistricts') },
          ...(city.data?.districts ?? []).map((d) => ({ value: d.id, label: d.name })),
        ]}
      />
      <ErrorAlert error={news.error} focus={false} />
      {news.data ? (
        news.data.items.length ? (
          <ul className="app-pages-home-news__list" data-testid="home-news">
            {news.data.items.map((item) => (
              <li key={item.id}>
                <article
                  className="app-card"
                  lang={item.lang}
                  dir={(RTL_LANGS as readonly string[]).includes(item.lang) ? 'rtl' : 'ltr'}
                >
                  <h3 className="kern-heading-small">{item.title}</h3>
                  {item.text ? <p className="kern-body">{item.text}</p> : null}
                  <p className="kern-body kern-body--small" lang={lang}>
                    {t(TOPIC_LABEL[item.topic])} · {districtName(item.district)} ·{' '}
                    {t('pages:homeNews.until', { date: dates.date(item.endsOn) })}
                  </p>
                </article>
              </li>
            ))}
          </ul>
        ) : (
          <p className="kern-body">{t('pages:homeNews.none')}</p>
        )
      ) : null}
      <p className="kern-body">
        <a className="kern-link" href={`/api/v1/news/feed.atom?lang=${lang}`} type="application/atom+xml">
          {t('pages:homeNews.feed')}
        </a>
      </p>
    </section>
  );
}
