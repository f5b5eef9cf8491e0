import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../app/i18n';
import { paths } from './schooling.api';

/** The family's letter as PDF: in its language next to German (one file). */
export function LetterLinks({
  placementId,
  letterLanguage,
  name,
}: {
  placementId: string;
  letterLanguage?: string;
  name: string;
}) {
  const { t } = useTranslation();
  const language = LANGUAGES.find((l) => l.code === letterLanguage);
  return (
    <p className="kern-body">
      <a
        className="kern-link"
        href={paths.letter(placementId)}
        download
        aria-label={t('schooling:letter.downloadFor', { name })}
      >
        <span className="kern-icon kern-icon--download kern-icon--small" aria-hidden="true" />
        {t('schooling:letter.download')}
      </a>{' '}
      <span className="kern-body--small">
        {!letterLanguage
          ? t('schooling:letter.familyLanguage')
          : language && language.code !== 'de'
            ? t('schooling:letter.languages', { language: language.nativeName })
            : t('schooling:letter.germanOnly')}
      </span>
    </p>
  );
}
