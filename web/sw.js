
// The service worker of report-lens: after one visit, the page opens and works with no
// network. It keeps every file of one build (FILES, above) in a cache named for that
// build's VERSION and answers the page's requests from it, so the page, its readers of
// every format, the sample report and share links all work offline, and always as one
// build: a page never meets a worker of another deployment.
//
// A new deployment brings a new sw.js (its VERSION changes with any file). The browser
// installs it beside the old one, which goes on serving the open page; the page then
// offers to reload, and only when the user accepts does the new one take over
// ('activate-update') and the old cache go.

const CACHE = `report-lens-${VERSION}`;

self.addEventListener('install', (event) => {
  // `reload`: fetch from the network, never from the browser's HTTP cache, which may
  // still hold files of the previous deployment under the same names.
  const requests = FILES.map((file) => new Request(file, { cache: 'reload' }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('report-lens-') && key !== CACHE) await caches.delete(key);
      }
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
      const cached = await caches.match(request, { cacheName: CACHE, ignoreSearch: true });
      return cached ?? fetch(request);
    })(),
  );
});
