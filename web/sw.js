
// The service worker of report-lens: after one visit, the page opens and works with no
// network. It keeps every file of one build (FILES, above) in a cache named for that
// build's VERSION and answers the page's requests from it, so the page, its readers of
// every format, the sample report and share links all work offline, and always as one
// build: a page never meets a worker of another deployment.
//
// A new deployment brings a new sw.js (its VERSION changes with any file). The browser
// installs it beside the old one, which goes on serving the open page; the page then
// offers to reload, and only when the user accepts does the new one take over
// ('activate-update'). It then serves every open tab, also those of the old build that
// did not reload: so the cache of the build before stays (a request is answered from
// this build's cache first, then from the one before), and only older ones go.

const CACHE = `report-lens-${VERSION}`;

self.addEventListener('install', (event) => {
  // `reload`: fetch from the network, never from the browser's HTTP cache, which may
  // still hold files of the previous deployment under the same names.
  const requests = FILES.map((file) => new Request(file, { cache: 'reload' }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
});

/** How many builds' caches stay: this one's and the one before. */
const BUILDS_KEPT = 2;

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // Oldest first, as they were made; this build's is the last.
      const older = (await caches.keys()).filter((key) => key.startsWith('report-lens-') && key !== CACHE);
      for (const key of older.slice(0, Math.max(0, older.length - (BUILDS_KEPT - 1)))) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'activate-update') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      // The query is ignored: `./?x` is still the page. A share link's checklist is in the
      // fragment, which never reaches a request.
      // This build's file, else the build before's (a tab of it that has not reloaded).
      const cached =
        (await caches.match(request, { cacheName: CACHE, ignoreSearch: true })) ??
        (await caches.match(request, { ignoreSearch: true }));
      return cached ?? fetch(request);
    })(),
  );
});
