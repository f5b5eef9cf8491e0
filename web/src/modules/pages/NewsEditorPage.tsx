import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCity } from '../../app/city';
import { useLanguageNames } from '../../app/languages';
import { useCityTime } from '../../app/time';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/errorText';
import { Select, TextArea, TextInput } from '../../components/Fields';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableScroll } from '../../components/TableScroll';
import { TOPIC_LABEL } from './labels';
import { NEWS_TOPICS, type NewsInput, type NewsTopic, RTL_LANGS, UI_LANGS, useEditorNews } from './pages.api';

type Lang = (typeof UI_LANGS)[number];
type Texts = Partial<Record<Lang, { title: string; text: string }>>;
type Draft = { topic: NewsTopic; district: string; endsOn: string; texts: Texts };

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
const emptyDraft = (): Draft => ({ topic: 'authorities', district: '', endsOn: inAWeek(), texts: {} });

/** The texts filled in (German always sent, so a missing title is named by the server). */
function inputOf(draft: Draft): NewsInput {
  const texts: NewsInput['texts'] = {
    de: { title: draft.texts.de?.title ?? '', text: draft.texts.de?.text ?? '' },
  };
  for (const lang of UI_LANGS) {
    const given = draft.texts[lang];
    if (lang !== 'de' && given?.title.trim()) texts[lang] = given;
  }
  return { topic: draft.topic, district: draft.district || null, endsOn: draft.endsOn, texts };
}

/** /seiten-editor/nachrichten — coordinators write short news with translations and publish them (sent by push). */
export function NewsEditorPage() {
  const { t } = useTranslation();
  const names = useLanguageNames();
  const city = useCity();
  const dates = useCityTime();
  const news = useEditorNews();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [notice, setNotice] = useState<string | null>(null);
  const districtName = (id: string | null) =>
    id ? (city.data?.districts.find((d) => d.id === id)?.name ?? id) : t('pages:newsEditor.wholeCity');
  const labels = {
    topic: t('pages:newsEditor.topic'),
    district: t('pages:newsEditor.district'),
    endsOn: t('pages:newsEditor.endsOn'),
    title: t('pages:newsEditor.headline'),
    text: t('pages:newsEditor.text'),
  };
  const fieldError = useFieldError(news.create.error, labels);
  const setText = (lang: Lang, key: 'title' | 'text') => (value: string) =>
    setDraft((before) => ({
      ...before,
      texts: { ...before.texts, [lang]: { title: '', text: '', ...before.texts[lang], [key]: value } },
    }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    news.create.mutate(inputOf(draft), {
      onSuccess: () => {
        setDraft(emptyDraft());
        setNotice(t('pages:newsEditor.created'));
      },
    });
  };
  const textFields = (lang: Lang) => (
    <div lang={lang} dir={(RTL_LANGS as readonly string[]).includes(lang) ? 'rtl' : 'ltr'}>
      <TextInput
        id={`news-${lang}-title`}
        label={t('pages:newsEditor.headline')}
        value={draft.texts[lang]?.title ?? ''}
        onValueChange={setText(lang, 'title')}
        maxLength={120}
        optional={lang !== 'de'}
        error={lang === 'de' ? fieldError('title') : undefined}
      />
      <TextArea
        id={`news-${lang}-text`}
        label={t('pages:newsEditor.text')}
        value={draft.texts[lang]?.text ?? ''}
        onValueChange={setText(lang, 'text')}
        maxLength={1000}
        optional
      />
    </div>
  );
  return (
    <>
      <PageTitle>{t('pages:newsEditor.title')}</PageTitle>
      <p className="kern-body">
        <Link className="kern-link" to="/seiten-editor">
          {t('pages:editor.backToList')}
        </Link>
      </p>
      <form className="app-form" onSubmit={submit} noValidate aria-labelledby="news-new">
        <h2 className="kern-heading-medium" id="news-new">
          {t('pages:newsEditor.newTitle')}
        </h2>
        <Select
          id="news-topic"
          label={labels.topic}
          value={draft.topic}
          onValueChange={(value) => setDraft({ ...draft, topic: value as NewsTopic })}
          options={NEWS_TOPICS.map((topic) => ({ value: topic, label: t(TOPIC_LABEL[topic]) }))}
        />
        <Select
          id="news-district"
          label={labels.district}
          value={draft.district}
          onValueChange={(value) => setDraft({ ...draft, district: value })}
          options={[
            { value: '', label: t('pages:newsEditor.wholeCity') },
            ...(city.data?.districts ?? []).map((d) => ({ value: d.id, label: d.name })),
          ]}
          error={fieldError('district')}
        />
        <TextInput
          id="news-endsOn"
          type="date"
          label={labels.endsOn}
          hint={t('pages:newsEditor.endsOnHint')}
          value={draft.endsOn}
          onValueChange={(value) => setDraft({ ...draft, endsOn: value })}
          error={fieldError('endsOn')}
        />
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{names.nameOf('de')}</legend>
          <div className="kern-fieldset__body">{textFields('de')}</div>
        </fieldset>
        {UI_LANGS.filter((lang) => lang !== 'de').map((lang) => (
          <details key={lang} className="app-pages-news__lang">
            <summary className="kern-label">
              {t('pages:newsEditor.translation', { language: names.nameOf(lang) })}
            </summary>
            {textFields(lang)}
          </details>
        ))}
        <ErrorAlert error={news.create.error} fieldLabels={labels} />
        <div role="status">{notice ? <Alert variant="success" title={notice} /> : null}</div>
        <button type="submit" className="kern-btn kern-btn--primary" disabled={news.create.isPending}>
          <span className="kern-label">{t('pages:newsEditor.create')}</span>
        </button>
      </form>

      <section aria-labelledby="news-list">
        <h2 className="kern-heading-medium" id="news-list">
          {t('pages:newsEditor.listTitle')}
        </h2>
        {news.query.isPending ? <Loading /> : null}
        <ErrorAlert error={news.query.error ?? news.publish.error} focus={false} />
        {news.query.data ? (
          <TableScroll labelledBy="news-list-caption">
            <table className="kern-table">
              <caption className="kern-title" id="news-list-caption">
                {t('pages:newsEditor.caption', { count: news.query.data.items.length })}
              </caption>
              <thead className="kern-table__head">
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    {t('pages:newsEditor.headline')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {labels.topic}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {labels.district}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {labels.endsOn}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('pages:editor.status')}
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {news.query.data.items.map((item) => (
                  <tr className="kern-table__row" key={item.id}>
                    <th scope="row" className="kern-table__header" lang="de">
                      {item.texts.de?.title}
                    </th>
                    <td className="kern-table__cell">{t(TOPIC_LABEL[item.topic])}</td>
                    <td className="kern-table__cell">{districtName(item.district)}</td>
                    <td className="kern-table__cell">{dates.date(item.endsOn)}</td>
                    <td className="kern-table__cell">
                      {item.status === 'published' ? (
                        t('pages:newsEditor.published', { count: item.pushed })
                      ) : (
                        <button
                          type="button"
                          className="kern-btn kern-btn--secondary"
                          disabled={news.publish.isPending}
                          onClick={() => {
                            setNotice(null);
                            news.publish.mutate(item.id, {
                              onSuccess: (published) =>
                                setNotice(t('pages:newsEditor.publishedNow', { count: published.pushed })),
                            });
                          }}
                        >
                          <span className="kern-label">
                            {t('pages:newsEditor.publish')}
                            <span className="kern-sr-only"> – {item.texts.de?.title}</span>
                          </span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
      </section>
    </>
  );
}
