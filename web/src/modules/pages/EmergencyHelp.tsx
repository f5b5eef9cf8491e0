import { useTranslation } from 'react-i18next';
import { EMERGENCY_NUMBERS, type EmergencyId } from './pages.api';

const LABEL: Record<EmergencyId, string> = {
  ambulance: 'pages:emergency.ambulance',
  police: 'pages:emergency.police',
  doctor: 'pages:emergency.doctor',
  violence: 'pages:emergency.violence',
  crisis: 'pages:emergency.crisis',
  children: 'pages:emergency.children',
};

/** "Emergency and help now": one tap opens the numbers, the second calls. On every reader page. */
export function EmergencyHelp() {
  const { t } = useTranslation();
  return (
    <details className="app-pages-emergency">
      <summary className="kern-btn kern-btn--secondary app-pages-emergency__button">
        <span className="kern-label">{t('pages:emergency.button')}</span>
      </summary>
      <div className="app-pages-emergency__panel">
        <p className="kern-body">{t('pages:emergency.intro')}</p>
        <ul className="app-pages-emergency__list">
          {EMERGENCY_NUMBERS.map((entry) => (
            <li key={entry.id}>
              <a className="kern-link app-pages-emergency__call" href={`tel:${entry.number}`}>
                <strong dir="ltr">{entry.number}</strong> <span>{t(LABEL[entry.id])}</span>
              </a>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
