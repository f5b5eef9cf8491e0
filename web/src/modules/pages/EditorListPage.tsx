import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableScroll } from '../../components/TableScroll';
import { STATUS_LABEL } from './labels';
import { useEditorList } from './pages.api';

/** /seiten-editor: the pages the editor may change, with their state. */
export function EditorListPage() {
  const { t } = useTranslation();
  const list = useEditorList();
  const { user } = useSession();
  const coordinator = user?.role === 'coordinator' || user?.role === 'admin';
  return (
    <>
      <PageTitle>{t('pages:editor.listTitle')}</PageTitle>
      {coordinator ? (
        <p className="kern-body">
          <Link className="kern-btn kern-btn--primary" to="/seiten-editor/neu">
            <span className="kern-label">{t('pages:editor.new')}</span>
          </Link>
        </p>
      ) : null}
      <nav aria-label={t('pages:editor.toolsNav')}>
        <ul className="kern-list app-pages-tools">
          <li>
            <Link className="kern-link" to="/seiten-editor/pruefen">
              {t('pages:checks.title')}
            </Link>
          </li>
          {coordinator ? (
            <>
              <li>
                <Link className="kern-link" to="/seiten-editor/glossar">
                  {t('pages:glossary.title')}
                </Link>
              </li>
              <li>
                <Link className="kern-link" to="/seiten-editor/nachrichten">
                  {t('pages:newsEditor.title')}
                </Link>
              </li>
            </>
          ) : null}
        </ul>
      </nav>
      {list.isPending ? <Loading /> : null}
      <ErrorAlert error={list.error} focus={false} />
      {list.data ? (
        <TableScroll labelledBy="pages-editor-table">
          <table className="kern-table">
            <caption className="kern-title" id="pages-editor-table">
              {t('pages:editor.tableCaption', { count: list.data.items.length })}
            </caption>
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  {t('pages:editor.pageTitle')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('pages:editor.status')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('pages:editor.languages')}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {list.data.items.map((item) => (
                <tr key={item.id} className="kern-table__row">
                  <td className="kern-table__cell">
                    <Link className="kern-link" to={`/seiten-editor/${item.id}`} lang="de">
                      {item.title}
                    </Link>
                  </td>
                  <td className="kern-table__cell">
                    {t(STATUS_LABEL[item.status])}
                    {item.published && item.status !== 'published'
                      ? ` (${t('pages:editor.onlineOlder')})`
                      : ''}
                  </td>
                  <td className="kern-table__cell">{item.languages.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </>
  );
}
