import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { plainTextOf } from '../../../../server/modules/pages/readability.ts';
import { useCityTime } from '../../app/time';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { Checklist, useChecklist } from './Checklist';
import { EmergencyHelp } from './EmergencyHelp';
import { htmlLang, useReaderLang } from './lang';
import { EASY_GERMAN, type InfoPage, type Step, useInfoPage } from './pages.api';
import { ReadAloud } from './ReadAloud';

/** What a reader hears: title, summary, body and the steps, as plain text. */
function spokenText(page: InfoPage): string {
  const steps = page.steps
    .map((step, index) => `${index + 1}. ${step.title}.\n${step.text}\n${step.bring.join('.\n')}`)
    .join('\n');
  return `${page.title}.\n${page.summary}\n${plainTextOf(page.body)}\n${steps}`;
}

/** A marker where a text is machine-made, outdated, or German because the language has none. */
function TranslationNote({ page }: { page: InfoPage }) {
  const { t } = useTranslation();
  const states = Object.values(page.translationState);
  if (states.includes('missing')) return <Alert variant="info" title={t('pages:page.missing')} />;
  if (states.includes('outdated')) return <Alert variant="warning" title={t('pages:page.outdated')} />;
  if (states.includes('machine'))
    return <p className="app-pages-badge app-pages-badge--machine">{t('pages:page.machine')}</p>;
  return null;
}

function StepItem({
  step,
  index,
  lang,
  checklist,
}: {
  step: Step;
  index: number;
  lang: string;
  checklist: ReturnType<typeof useChecklist>;
}) {
  const { t } = useTranslation();
  return (
    <li className="app-pages-step">
      <h3 className="kern-heading-small" lang={lang}>
        <span className="app-pages-step__number">{t('pages:page.stepN', { n: index + 1 })}</span> {step.title}
      </h3>
      {step.text ? (
        <p className="kern-body" lang={lang}>
          {step.text}
        </p>
      ) : null}
      {step.where.length ? (
        <div className="app-pages-step__where">
          <h4 className="kern-label">{t('pages:page.where')}</h4>
          <ul>
            {step.where.map((offer) => (
              <li key={offer.slug} className="kern-body">
                <Link className="kern-link" to={`/angebote/${offer.slug}`}>
                  {offer.name}
                </Link>
                {offer.place ? (
                  <>
                    {' – '}
                    <a
                      className="kern-link"
                      href={`https://www.openstreetmap.org/?mlat=${offer.place.lat}&mlon=${offer.place.lon}#map=17/${offer.place.lat}/${offer.place.lon}`}
                    >
                      {offer.place.address}, {offer.place.postcode} {offer.place.city}
                    </a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {step.bring.length ? (
        <Checklist
          id={`step${index + 1}`}
          items={step.bring}
          lang={lang}
          checked={checklist.checked}
          onToggle={checklist.toggle}
        />
      ) : null}
      {step.costs || step.duration ? (
        <dl className="app-pages-step__facts">
          {step.costs ? (
            <div>
              <dt className="kern-label">{t('pages:page.costs')}</dt>
              <dd className="kern-body" lang={lang}>
                {step.costs}
              </dd>
            </div>
          ) : null}
          {step.duration ? (
            <div>
              <dt className="kern-label">{t('pages:page.duration')}</dt>
              <dd className="kern-body" lang={lang}>
                {step.duration}
              </dd>
            </div>
          ) : null}
        </dl>
      ) : null}
    </li>
  );
}

function PageContent({ page }: { page: InfoPage }) {
  const { t } = useTranslation();
  const { easy } = useReaderLang();
  const time = useCityTime();
  const checklist = useChecklist(page.slug);
  const query = easy ? `?lang=${EASY_GERMAN}` : '';
  const contentLang = htmlLang(page.fieldLang.body);
  return (
    <article className="app-pages-page" dir={page.dir} lang={htmlLang(page.fieldLang.title)}>
      <nav aria-label={t('pages:page.breadcrumbs')} className="app-pages-crumbs">
        <Link className="kern-link" to={`/seiten${query}`}>
          {t('pages:page.back')}
        </Link>
        {page.breadcrumbs.map((crumb) => (
          <span key={crumb.slug}>
            {' › '}
            <Link className="kern-link" to={`/seiten/${crumb.slug}${query}`}>
              {crumb.title}
            </Link>
          </span>
        ))}
      </nav>
      <PageTitle>{page.title}</PageTitle>
      <EmergencyHelp />
      {easy ? <p className="app-pages-badge">{t('pages:page.easyName')}</p> : null}
      <TranslationNote page={page} />
      <p className="kern-body kern-body--large" lang={htmlLang(page.fieldLang.summary)}>
        {page.summary}
      </p>
      <p className="kern-body">
        {easy ? (
          <Link className="kern-link" to={`/seiten/${page.slug}`}>
            {t('pages:page.standardLink')}
          </Link>
        ) : page.hasEasyGerman ? (
          <Link className="kern-link" to={`/seiten/${page.slug}?lang=${EASY_GERMAN}`} lang="de">
            {t('pages:page.easyLink')}
          </Link>
        ) : null}
      </p>
      <ReadAloud lang={page.lang} text={spokenText(page)} />
      {/* The body was sanitised by the server on save and again for this answer (server/modules/pages/sanitize.ts). */}
      <div
        className="app-pages-body kern-body"
        lang={contentLang}
        // biome-ignore lint/security/noDangerouslySetInnerHtml: the server's allow-list sanitiser made it safe
        dangerouslySetInnerHTML={{ __html: page.body }}
      />
      {page.steps.length ? (
        <section aria-labelledby="pages-steps">
          <h2 className="kern-heading-medium" id="pages-steps">
            {t('pages:page.steps')}
          </h2>
          <ol className="app-pages-steps">
            {page.steps.map((step, index) => (
              <StepItem
                key={step.title}
                step={step}
                index={index}
                lang={htmlLang(page.fieldLang.steps)}
                checklist={checklist}
              />
            ))}
          </ol>
        </section>
      ) : null}
      {page.children.length ? (
        <section aria-labelledby="pages-children">
          <h2 className="kern-heading-medium" id="pages-children">
            {t('pages:page.subpages')}
          </h2>
          <ul className="app-pages-tree">
            {page.children.map((child) => (
              <li key={child.slug} className="app-pages-tree__item">
                <Link className="kern-link" to={`/seiten/${child.slug}${query}`}>
                  {child.title}
                </Link>
                <p className="kern-body">{child.summary}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ul className="kern-list app-pages-print">
        <li>
          <a
            className="kern-link"
            href={`/api/v1/pages/${encodeURIComponent(page.slug)}/pdf?lang=${page.lang}`}
            type="application/pdf"
          >
            {t('pages:page.pdf')}
          </a>
        </li>
        {page.children.length ? (
          <li>
            <a
              className="kern-link"
              href={`/api/v1/pages/${encodeURIComponent(page.slug)}/booklet?lang=${page.lang}`}
              type="application/pdf"
            >
              {t('pages:page.booklet')}
            </a>
          </li>
        ) : null}
      </ul>
      <p className="kern-body kern-body--small app-pages-muted">
        {t('pages:page.updated', { date: time.date(page.publishedAt) })}
      </p>
    </article>
  );
}

/** /seiten/:slug — one page in the reader's language. */
export function PageView() {
  const { slug = '' } = useParams();
  const { lang } = useReaderLang();
  const page = useInfoPage(slug, lang);
  if (page.isPending) return <Loading />;
  if (page.error) return <ErrorAlert error={page.error} />;
  return <PageContent page={page.data} />;
}
