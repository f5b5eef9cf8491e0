import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { EmergencyHelp } from './EmergencyHelp';
import { htmlLang, useReaderLang } from './lang';
import { NewsSubscribe } from './NewsSubscribe';
import { OfflinePanel } from './OfflinePanel';
import { EASY_GERMAN, RTL_LANGS, type TreeItem, usePageTree } from './pages.api';

/** The tree's items under one parent, nested. */
function Branch({ items, parent, query }: { items: TreeItem[]; parent: string | null; query: string }) {
  const { t } = useTranslation();
  const children = items.filter((item) => item.parent === parent);
  if (!children.length) return null;
  return (
    <ul className={parent ? 'app-pages-tree__sub' : 'app-pages-tree'}>
      {children.map((item) => (
        <li key={item.slug} className="app-pages-tree__item">
          <Link
            className={`kern-link ${parent ? '' : 'kern-heading-small'}`}
            to={`/seiten/${item.slug}${query}`}
            lang={htmlLang(item.lang)}
          >
            {item.title}
          </Link>
          {item.hasEasyGerman ? <span className="app-pages-badge">{t('pages:page.easyName')}</span> : null}
          {parent ? null : (
            <p className="kern-body" lang={htmlLang(item.lang)}>
              {item.summary}
            </p>
          )}
          <Branch items={items} parent={item.slug} query={query} />
        </li>
      ))}
    </ul>
  );
}

/** /seiten: every published page as a tree, in the reader's language; Leichte Sprache one tap away. */
export function PagesIndex() {
  const { t } = useTranslation();
  const { lang, easy } = useReaderLang();
  const tree = usePageTree(lang);
  const query = easy ? `?lang=${EASY_GERMAN}` : '';
  return (
    <div className="app-pages">
      <PageTitle>{t('pages:index.title')}</PageTitle>
      <EmergencyHelp />
      <p className="kern-body kern-body--large app-intro">{t('pages:index.intro')}</p>
      <p className="kern-body">
        {easy ? (
          <Link className="kern-link" to="/seiten">
            {t('pages:page.standardLink')}
          </Link>
        ) : (
          <Link className="kern-link" to={`/seiten?lang=${EASY_GERMAN}`} lang="de">
            {t('pages:index.easyLink')}
          </Link>
        )}
      </p>
      {tree.isPending ? <Loading /> : null}
      <ErrorAlert error={tree.error} focus={false} />
      {tree.data ? (
        <nav aria-label={t('pages:index.treeLabel')} dir={RTL_LANGS.includes(lang) ? 'rtl' : undefined}>
          <Branch items={tree.data.items} parent={null} query={query} />
        </nav>
      ) : null}
      <OfflinePanel lang={lang} />
      <NewsSubscribe />
    </div>
  );
}
