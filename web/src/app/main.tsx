import '@kern-ux/native/dist/kern.min.css';
import '@kern-ux/native/dist/fonts/fira-sans.css';
import '@fontsource-variable/noto-sans-arabic';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { prefetchCsrfToken } from './api';
import { prefetchCity } from './city';
import { setupI18n } from './i18n';
import { registerServiceWorker } from './serviceWorker';
import { createQueryClient, Providers } from './providers';
import { AppRouter } from './router';

async function start() {
  const i18n = await setupI18n();
  prefetchCsrfToken();
  registerServiceWorker(() => i18n.language);
  const queryClient = createQueryClient();
  prefetchCity(queryClient);
  const container = document.getElementById('root');
  if (!container) throw new Error('#root is missing in index.html');
  createRoot(container).render(
    <StrictMode>
      <Providers i18n={i18n} queryClient={queryClient}>
        <AppRouter />
      </Providers>
    </StrictMode>,
  );
}

void start();
