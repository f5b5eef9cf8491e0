import '@kern-ux/native/dist/kern.min.css';
// KERN's typeface in subsets by script (unicode-range): a German page fetches only the Latin files, about 24 KiB a
// weight instead of 130 KiB. The weights KERN uses: 400 body, 500 balanced headings, 600 headings and labels; 700
// for <strong>.
import '@fontsource/fira-sans/400.css';
import '@fontsource/fira-sans/400-italic.css';
import '@fontsource/fira-sans/500.css';
import '@fontsource/fira-sans/600.css';
import '@fontsource/fira-sans/700.css';
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
