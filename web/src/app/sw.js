/*
 * Lotse service worker. Built by vite.config.ts, which puts the build's asset list in PRECACHE and a VERSION.
 * - The app shell (index.html, scripts, styles) is cached on install, so the app starts offline.
 * - Directory searches, offers and the city profile: network first; a copy is kept per UI language, and when
 *   the network fails the copy is served with an `x-lotse-saved` header (the app shows "saved version").
 * - Information pages (the tree and one page per language): network first; offline the copy the reader stored
 *   with "keep offline" (web/src/modules/pages/OfflinePanel.tsx writes the lotse-pages-<lang> caches).
 * - Every other API call (accounts, sessions, personal data) passes through and is never cached.
 * - Page navigations: network first, offline the cached index.html.
 * - Web push (news the reader subscribed to on /seiten): the server sends each item already in the reader's
 *   language ({ id, title, body, lang }); the notification shows it with that language and direction.
 */
const VERSION = '__VERSION__';
const PRECACHE = /** @type {string[]} */ (JSON.parse('__PRECACHE__'));
const SHELL_CACHE = `lotse-shell-${VERSION}`;
const ASSET_CACHE = 'lotse-assets';
const DATA_PREFIX = 'lotse-data-';
const SHELL_URL = '/index.html';
const LANGUAGES = ['de', 'en', 'tr', 'ar', 'bg', 'ro', 'uk', 'ru', 'pl', 'fa'];

/**
 * Public directory data that may be kept on the device: the search, one offer, the city profile. Nothing
 * personal and nothing of the editors' (drafts, revisions, feedback) matches.
 */
const DIRECTORY_DATA = /^\/api\/v1\/(city|directory\/services(\/[A-Za-z0-9-]+)?)$/;

/** The published tree and one published page, in a language (?lang=). */
const PAGES_DATA = /^\/api\/v1\/pages(\/[a-z0-9-]+)?$/;

/** Network first; offline the page the reader stored for offline reading, if any. */
async function networkFirstPages(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const saved = await caches.match(request.url);
    if (saved) return saved;
    throw error;
  }
}

function isDirectoryData(url) {
  return DIRECTORY_DATA.test(url.pathname);
}

/** The UI language of a request (the app sends it as accept-language), or German. */
function languageOf(value) {
  const code = (value ?? '').toLowerCase().slice(0, 2);
  return LANGUAGES.includes(code) ? code : 'de';
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      await cache.addAll([SHELL_URL, ...PRECACHE]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set(PRECACHE);
      for (const name of await caches.keys()) {
        if (name.startsWith('lotse-shell-') && name !== SHELL_CACHE) await caches.delete(name);
      }
      // Assets of earlier builds are not needed any more.
      const assets = await caches.open(ASSET_CACHE);
      for (const request of await assets.keys()) {
        const path = new URL(request.url).pathname;
        if (path.endsWith('.js') || path.endsWith('.css')) {
          if (!keep.has(path)) await assets.delete(request);
        }
      }
      await self.clients.claim();
    })(),
  );
});

/** Network first; on failure the saved copy, marked with the time it was saved. */
async function networkFirstData(request) {
  const cache = await caches.open(DATA_PREFIX + languageOf(request.headers.get('accept-language')));
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request.url, response.clone());
    return response;
  } catch {
    const saved = await cache.match(request.url);
    if (!saved) {
      return new Response(JSON.stringify({ error: { code: 'unavailable', message: 'offline' } }), {
        status: 503,
        headers: { 'content-type': 'application/json' },
      });
    }
    const headers = new Headers(saved.headers);
    headers.set('x-lotse-saved', saved.headers.get('date') ?? new Date(0).toUTCString());
    return new Response(await saved.blob(), { status: saved.status, statusText: saved.statusText, headers });
  }
}

/** Hashed build files never change: the cache first, then the network (and keep it). */
async function cacheFirstAsset(request) {
  const hit = await caches.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(ASSET_CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

/** Pages: the network (and keep the newest shell), offline the saved shell; the app routes by itself. */
async function networkFirstPage(request) {
  try {
    const response = await fetch(request);
    if (response.ok && (response.headers.get('content-type') ?? '').includes('text/html')) {
      const cache = await caches.open(SHELL_CACHE);
      await cache.put(SHELL_URL, response.clone());
    }
    return response;
  } catch (error) {
    const shell = await caches.match(SHELL_URL);
    if (shell) return shell;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) {
    if (isDirectoryData(url)) event.respondWith(networkFirstData(request));
    else if (PAGES_DATA.test(url.pathname)) event.respondWith(networkFirstPages(request));
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(networkFirstPage(request));
    return;
  }
  if (url.pathname.startsWith('/assets/')) event.respondWith(cacheFirstAsset(request));
});

/**
 * The page loaded before this worker took control: it sends what it fetched then, so the offer and search
 * it shows are kept, too.
 */
self.addEventListener('message', (event) => {
  const data = event.data;
  if (data?.type !== 'lotse:keep' || !Array.isArray(data.urls)) return;
  const lang = languageOf(data.lang);
  event.waitUntil(
    (async () => {
      for (const href of data.urls.slice(0, 100)) {
        const url = new URL(href, self.location.origin);
        if (url.origin !== self.location.origin) continue;
        try {
          if (url.pathname.startsWith('/assets/')) {
            await cacheFirstAsset(new Request(url.href));
          } else if (isDirectoryData(url)) {
            const request = new Request(url.href, {
              headers: { accept: 'application/json', 'accept-language': lang },
              credentials: 'same-origin',
            });
            const response = await fetch(request);
            if (response.ok) await (await caches.open(DATA_PREFIX + lang)).put(url.href, response);
          }
        } catch {
          // Offline again already: nothing to keep.
        }
      }
    })(),
  );
});

/** Right-to-left languages of the news (the server's RTL_LANGS). */
const RTL = ['ar', 'fa'];

self.addEventListener('push', (event) => {
  let item = {};
  try {
    item = event.data?.json() ?? {};
  } catch {
    item = {};
  }
  const lang = typeof item.lang === 'string' ? item.lang : 'de';
  event.waitUntil(
    self.registration.showNotification(String(item.title ?? ''), {
      body: String(item.body ?? ''),
      lang,
      dir: RTL.includes(lang) ? 'rtl' : 'ltr',
      tag: typeof item.id === 'string' ? `news-${item.id}` : undefined,
      data: { url: '/' },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(self.clients.openWindow(event.notification.data?.url ?? '/'));
});
