import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableScroll } from '../../components/TableScroll';
import { usePendingTexts, xliffUrl } from './editor.api';
import { directionOfText } from './form';
import { TEXT_STATUS_LABEL, textFieldKey } from './labels';
import { useLanguageLabel } from './TranslationsPage';

/** The texts of one language that are missing, outdated or machine-made, next to their German source. */
export function PendingTextsPage() {
  const { t } = useTranslation();
  const { lang = '' } = useParams();
  const languageLabel = useLanguageLabel();
  const pending = usePendingTexts(lang);
  const language = languageLabel(lang);

  return (
    <>
      <PageTitle>{t('directory-editor:pending.title', { language })}</PageTitle>
      <p className="kern-body app-intro">{t('directory-editor:pending.intro')}</p>
      <div className="app-form__actions">
        <a
          className="kern-btn kern-btn--secondary"
          href={xliffUrl(lang)}
          download={`lotse-directory-${lang}.xlf`}
        >
          <span className="kern-icon kern-icon--download" aria-hidden="true" />
          <span className="kern-label">{t('directory-editor:pending.download')}</span>
        </a>
        <Link className="kern-link" to="/translations">
          {t('directory-editor:pending.back')}
        </Link>
      </div>
      <ErrorAlert error={pending.error} focus={false} />
      {pending.isPending ? <Loading /> : null}
      {pending.data ? (
        pending.data.items.length === 0 ? (
          <p className="kern-body">{t('directory-editor:pending.empty')}</p>
        ) : (
          <>
            <p className="kern-body">{t('common:table.total', { count: pending.data.items.length })}</p>
            <TableScroll labelledBy="pending-caption">
              <table className="kern-table kern-table--small kern-table--striped app-editor__texts">
                <caption className="kern-sr-only" id="pending-caption">
                  {t('directory-editor:pending.caption', { language })}
                </caption>
                <thead>
                  <tr className="kern-table__row">
                    <th className="kern-table__header" scope="col">
                      {t('directory-editor:pending.field')}
                    </th>
                    <th className="kern-table__header" scope="col">
                      {t('directory-editor:pending.source')}
                    </th>
                    <th className="kern-table__header" scope="col">
                      {t('directory-editor:pending.current', { language })}
                    </th>
                    <th className="kern-table__header" scope="col">
                      {t('directory-editor:pending.status')}
                    </th>
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {pending.data.items.map((item) => {
                    const fieldKey = textFieldKey(item.field);
                    const statusKey = TEXT_STATUS_LABEL[item.status];
                    return (
                      <tr
                        className="kern-table__row"
                        key={`${item.entityType}-${item.entityId}-${item.field}`}
                      >
                        <td className="kern-table__cell">
                          {item.entityType === 'service' ? (
                            <Link className="kern-link" to={`/editor/${encodeURIComponent(item.entityId)}`}>
                              {fieldKey ? t(fieldKey) : item.field}
                            </Link>
                          ) : fieldKey ? (
                            t(fieldKey)
                          ) : (
                            item.field
                          )}
                        </td>
                        <td className="kern-table__cell app-editor__text" lang="de" dir="auto">
                          {item.source}
                        </td>
                        <td
                          className="kern-table__cell app-editor__text"
                          lang={lang}
                          dir={directionOfText(lang)}
                        >
                          {item.current ?? '–'}
                        </td>
                        <td className="kern-table__cell">{statusKey ? t(statusKey) : item.status}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
          </>
        )
      ) : null}
    </>
  );
}
