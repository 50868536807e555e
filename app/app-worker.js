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
//   not at all;
// - app.wasm comes over the network once on a first visit: while an open
//   page of this build is downloading it, the install waits until the page
//   has it, then takes it from the browser's HTTP cache, checked against
//   its digest like any file (web/loading.js answers for the page).
const build = "{{.Version}}";
const cacheName = "app-" + "{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};
const pagesToCache = PAGES_TO_CACHE;
const digests = BUILD_DIGESTS;
// Lookups ignore Vary (the server varies on Accept-Encoding, which the
// Cache API cannot see), never the query: a lookup that ignores it reads
// every entry of the cache, milliseconds for each file of a launch.
const matchOptions = { ignoreVary: true };

self.addEventListener("install", (event) => {
  console.log("installing app worker {{.Version}}");

  event.waitUntil(
    caches
      .open(cacheName)
      .then(async (cache) => {
        const shared = await pageHas(wasmURL);
        await precache(cache, shared);
        await cachePages(cache);
      })
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
// stays, and the browser tries again at its next update check. The one
// exception is app.wasm when shared is set (a page of this build has just
// downloaded it, see pageHas): it is taken from the page's copy or the
// HTTP cache, and only if it passes the same check; otherwise it is
// downloaded as the rest.
async function precache(cache, shared) {
  const responses = await Promise.all(
    resourcesToCache.map(async (url) => {
      if (shared && url === wasmURL) {
        try {
          // The page's copy (app/wasmshare.js), else the HTTP cache's.
          const copy = await caches.open(handoffCache).then((c) => c.match(url));
          return await checked(url, copy || (await fetch(new Request(url, { cache: "force-cache" }))));
        } catch (err) {
          console.warn(`app worker ${build}: the page's ${url} will not do, downloading it:`, err);
        }
      }
      return checked(url, await fetch(new Request(url, { cache: "reload" })));
    })
  );
  await Promise.all(responses.map((res, i) => cache.put(resourcesToCache[i], res)));
}

// checked returns res, the answer for url, if it is a file of this build,
// and throws otherwise.
async function checked(url, res) {
  if (!res.ok) {
    throw new Error(`app worker ${build}: ${url} answered ${res.status}`);
  }
  const want = digests[url];
  if (want === undefined && !isPage(res)) {
    // Every file but a page has one (server.Digests): a file that has
    // none cannot be checked, so it is not cached either.
    throw new Error(`app worker ${build}: ${url} has no digest of this build`);
  }
  if (
    (want !== undefined && (await sha256(res.clone())) !== want) ||
    (want === undefined && !(await pageOfThisBuild(res)))
  ) {
    throw new Error(`app worker ${build}: ${url} is from another build`);
  }
  return res;
}

// handoffCache holds the copy of app.wasm a page downloading it keeps for
// the worker (app/wasmshare.js); activate deletes it with the old caches.
const handoffCache = "unknot-handoff";

// wasmURL is this build's app.wasm, as its pages ask for it.
const wasmURL = resourcesToCache.find((url) => new URL(url, self.location).pathname.endsWith("/app.wasm"));

// How long the install waits for the open pages to answer at all, and
// then for a page that is downloading app.wasm to say how far it got
// (web/loading.js says so at least every second). A page busy starting
// (WebKit on a loaded two-core machine) took over 3 s to answer, and the
// worker downloaded app.wasm a second time; a page that never answers only
// delays the install, which then downloads its own.
const askTimeout = 10000;
const quietTimeout = 15000;

// pageHas asks every open page whether it is downloading url. It resolves
// true once one of them has it whole (in the browser's HTTP cache, where
// the worker then takes it from), and false when none is downloading it, or
// when the one that is stops saying how far it got.
async function pageHas(url) {
  if (url === undefined) {
    return false;
  }
  const pages = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  if (pages.length === 0) {
    return false;
  }
  return new Promise((resolve) => {
    let unanswered = pages.length;
    let timer = 0;
    // The ports stay referenced until the end: WebKit stopped delivering
    // a page's later answers on a port nothing else held.
    const ports = [];
    const end = (has) => {
      clearTimeout(timer);
      ports.forEach((port) => port.close());
      resolve(has);
    };
    const wait = (ms) => {
      clearTimeout(timer);
      timer = setTimeout(() => end(false), ms);
    };
    wait(askTimeout);
    for (const page of pages) {
      const channel = new MessageChannel();
      ports.push(channel.port1);
      channel.port1.onmessage = (event) => {
        const state = event.data && event.data.state;
        if (state === "have") {
          end(true);
        } else if (state === "loading") {
          wait(quietTimeout);
        } else if (--unanswered === 0) {
          end(false);
        }
      };
      page.postMessage({ unknot: "has", url: url }, [channel.port2]);
    }
  });
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
  // Cached under their path, but app.wasm, which is cached with its ?v=.
  const options = { ...matchOptions, cacheName: "app-" + wanted };
  const url = new URL(event.request.url);
  const res = (await caches.match(url.origin + url.pathname, options)) || (await caches.match(event.request, options));
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
