// Unknot's service worker: go-app's default worker (app.DefaultAppWorkerJS)
// changed so that every route opens offline. It is a text/template: go-app
// fills in the version and the resources to cache, and app/handler.go the
// list of pre-rendered pages.
//
// Changes from go-app's default:
// - pages: the pre-rendered HTML of every route is cached at install too;
// - navigations: cached page for the path (query ignored), else the network,
//   else the cached "/" (go-app routes on the client, so "/" can show any
//   route), so a fresh launch on any route works offline;
// - activate: old caches are deleted and open pages are claimed at once;
// - lookups use this version's cache only and ignore Vary (the server varies
//   on Accept-Encoding, which the Cache API cannot see).
const cacheName = "app-" + "{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};
const pagesToCache = PAGES_TO_CACHE;
const matchOptions = { ignoreSearch: true, ignoreVary: true };

self.addEventListener("install", (event) => {
  console.log("installing app worker {{.Version}}");

  event.waitUntil(
    caches
      .open(cacheName)
      .then((cache) => cache.addAll(resourcesToCache).then(() => cachePages(cache)))
      .then(() => self.skipWaiting())
  );
});

// cachePages caches each page under its route path. A plain static host may
// serve /a/b only as /a/b.html, so that is tried next. A page that cannot be
// cached is not fatal: navigations fall back to the cached "/".
function cachePages(cache) {
  return Promise.all(
    pagesToCache.map(async (page) => {
      for (const url of [page, page + ".html"]) {
        try {
          const res = await fetch(url);
          if (res.ok && !res.redirected) {
            await cache.put(page, res);
            return;
          }
        } catch (err) {}
      }
      console.warn("app worker: page not cached:", page);
    })
  );
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keyList) =>
        Promise.all(
          keyList.filter((key) => key !== cacheName).map((key) => caches.delete(key))
        )
      )
      .then(() => self.clients.claim())
  );
  console.log("app worker {{.Version}} is activated");
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) {
    return;
  }
  if (req.mode === "navigate") {
    event.respondWith(navigate(req));
    return;
  }
  event.respondWith(
    caches
      .open(cacheName)
      .then((cache) => cache.match(req, { ignoreVary: true }))
      .then((response) => response || fetch(req))
  );
});

async function navigate(req) {
  const cache = await caches.open(cacheName);
  const path = new URL(req.url).pathname;
  const page = await cache.match(path, matchOptions);
  if (page) {
    return page;
  }
  const shell = () => cache.match("/", matchOptions);
  try {
    const res = await fetch(req);
    if (res.status !== 404) {
      return res;
    }
    return (await shell()) || res;
  } catch (err) {
    const res = await shell();
    if (res) {
      return res;
    }
    throw err;
  }
}

self.addEventListener("push", (event) => {
  if (!event.data || !event.data.text()) {
    return;
  }

  const notification = JSON.parse(event.data.text());
  if (!notification) {
    return;
  }

  const title = notification.title;
  delete notification.title;

  if (!notification.data) {
    notification.data = {};
  }
  let actions = [];
  for (let i in notification.actions) {
    const action = notification.actions[i];

    actions.push({
      action: action.action,
      path: action.path,
    });

    delete action.path;
  }
  notification.data.goapp = {
    path: notification.path,
    actions: actions,
  };
  delete notification.path;

  event.waitUntil(self.registration.showNotification(title, notification));
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();

  const notification = event.notification;
  let path = notification.data.goapp.path;

  for (let i in notification.data.goapp.actions) {
    const action = notification.data.goapp.actions[i];
    if (action.action === event.action) {
      path = action.path;
      break;
    }
  }

  event.waitUntil(
    clients
      .matchAll({
        type: "window",
      })
      .then((clientList) => {
        for (var i = 0; i < clientList.length; i++) {
          let client = clientList[i];
          if ("focus" in client) {
            client.focus();
            client.postMessage({
              goapp: {
                type: "notification",
                path: path,
              },
            });
            return;
          }
        }

        if (clients.openWindow) {
          return clients.openWindow(path);
        }
      })
  );
});
