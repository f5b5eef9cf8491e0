/**
 * Registers the service worker (production builds only), which keeps the app shell, the last searches and
 * every viewed offer readable offline. On the first visit the page starts before the worker controls it, so
 * whatever the page fetched until then (directory answers, scripts, fonts) is handed over for it to keep.
 */
export function registerServiceWorker(language: () => string): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  if (!container.controller) handOverEarlyFetches(container, language);
  const register = () => void container.register('/sw.js', { scope: '/' }).catch(() => undefined);
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

function handOverEarlyFetches(container: ServiceWorkerContainer, language: () => string): void {
  let controlledSince: number | null = null;
  const pending: PerformanceEntry[] = [];
  const send = (entries: PerformanceEntry[]) => {
    const urls = entries
      .filter((entry) => controlledSince === null || entry.startTime < controlledSince)
      .map((entry) => entry.name)
      .filter((name) => name.startsWith(window.location.origin));
    if (urls.length > 0) container.controller?.postMessage({ type: 'lotse:keep', urls, lang: language() });
  };
  const observer = new PerformanceObserver((list) => {
    if (controlledSince === null) pending.push(...list.getEntries());
    else send(list.getEntries());
  });
  observer.observe({ type: 'resource', buffered: true });
  container.addEventListener(
    'controllerchange',
    () => {
      controlledSince = performance.now();
      send(pending.splice(0));
      // Fetches still running now finish within seconds; later ones pass through the worker itself.
      setTimeout(() => observer.disconnect(), 10_000);
    },
    { once: true },
  );
}
