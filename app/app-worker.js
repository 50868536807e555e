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
//   on Accept-Encoding, which the Cache API cannot see);
// - updates are whole: every file is downloaded past the browser's HTTP
//   cache and checked against this build's digests (a page: that it names
//   this build; any other file without a digest fails the install), and a
//   page's scripts, which name their build (?v=), come from that build or
//   not at all.
const build = "{{.Version}}";
const cacheName = "app-" + "{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};
const pagesToCache = PAGES_TO_CACHE;
const digests = BUILD_DIGESTS;
const matchOptions = { ignoreSearch: true, ignoreVary: true };

self.addEventListener("install", (event) => {
  console.log("installing app worker {{.Version}}");

  event.waitUntil(
    caches
      .open(cacheName)
      .then((cache) => precache(cache).then(() => cachePages(cache)))
      .catch(async (err) => {
        // Nothing of a failed install may linger under this build's name.
        await caches.delete(cacheName);
        throw err;
      })
      .then(() => self.skipWaiting())
  );
});

// precache caches every resource of this build, or none. Each is fetched
// with cache: "reload", past the browser's HTTP cache: a static host's
// max-age would otherwise fill this build's cache with the files of the
// build before. A file whose digest does not match this build's (a deploy
// half done, a proxy's old copy) fails the install; the installed version
// stays, and the browser tries again at its next update check.
async function precache(cache) {
  const responses = await Promise.all(
    resourcesToCache.map(async (url) => {
      const res = await fetch(new Request(url, { cache: "reload" }));
      if (!res.ok) {
        throw new Error(`app worker ${build}: ${url} answered ${res.status}`);
      }
      const want = digests[url];
      if (want === undefined && !isPage(res)) {
        // Every file but a page has one (server.Digests): a file that
        // has none cannot be checked, so it is not cached either.
        throw new Error(`app worker ${build}: ${url} has no digest of this build`);
      }
      if (
        (want !== undefined && (await sha256(res.clone())) !== want) ||
        (want === undefined && !(await pageOfThisBuild(res)))
      ) {
        throw new Error(`app worker ${build}: ${url} is from another build`);
      }
      return res;
    })
  );
  await Promise.all(responses.map((res, i) => cache.put(resourcesToCache[i], res)));
}

// Pages are made per request, so they have no digest: a page of this build
// is one that asks for this build's scripts. The worker serves no other,
// so every page it serves finds its scripts in this build's cache.
function isPage(res) {
  return (res.headers.get("Content-Type") || "").startsWith("text/html");
}

async function pageOfThisBuild(res) {
  return (await res.clone().text()).includes(`"/app.js?v=${build}"`);
}

async function sha256(res) {
  const sum = await crypto.subtle.digest("SHA-256", await res.arrayBuffer());
  return Array.from(new Uint8Array(sum), (b) => b.toString(16).padStart(2, "0")).join("");
}

// cachePages caches each page under its route path. A plain static host may
// serve /a/b only as /a/b.html, so that is tried next. A page that cannot be
// cached is not fatal: navigations fall back to the cached "/".
function cachePages(cache) {
  return Promise.all(
    pagesToCache.map(async (page) => {
      for (const url of [page, page + ".html"]) {
        try {
          const res = await fetch(url, { cache: "reload" });
          if (res.ok && !res.redirected && (await pageOfThisBuild(res))) {
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
  const wanted = new URL(req.url).searchParams.get("v");
  if (wanted !== null) {
    event.respondWith(fromBuild(event, wanted));
    return;
  }
  event.respondWith(
    caches
      .open(cacheName)
      .then((cache) => cache.match(req, { ignoreVary: true }))
      .then((response) => response || fetch(req))
  );
});

// fromBuild answers a page's request for one of its scripts, which names
// the page's build. A page loaded from the previous build's cache while
// this worker took over would otherwise get this build's app.wasm after the
// previous build's app.js. When that build's files are gone, the page is
// loaded again, whole from this build.
async function fromBuild(event, wanted) {
  const res = await caches.match(event.request, { ...matchOptions, cacheName: "app-" + wanted });
  if (res) {
    return res;
  }
  if (wanted === build) {
    return fetch(event.request);
  }
  const client = await self.clients.get(event.clientId);
  if (client && client.type === "window") {
    console.log(`app worker ${build}: a page of build ${wanted} loads again`);
    client.navigate(client.url);
  }
  return Response.error();
}

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
    if (res.status !== 404 && !(isPage(res) && !(await pageOfThisBuild(res)))) {
      return res;
    }
    // A page of another build (the server or the host has a newer one)
    // would ask for scripts this worker does not have: the shell of this
    // build shows the same route.
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
