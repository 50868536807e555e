// On a first visit (no service worker controls the page yet), keeps a copy
// of the app.wasm that go-app's app.js downloads, in the cache
// "unknot-handoff", for the service worker that installs meanwhile: it
// takes it from there instead of downloading it again (app-worker.js,
// pageHas; web/loading.js tells it when the copy is whole). It must wrap
// fetch before app.js runs, so it is written into the page head.
(function () {
  if (!window.caches || !window.fetch || !navigator.serviceWorker || navigator.serviceWorker.controller) return;
  var fetch0 = window.fetch;
  window.fetch = function (input) {
    var p = fetch0.apply(this, arguments);
    var url = typeof input === "string" ? input : input && input.url;
    if (window.unknotWasmCopy || !url || !/\/app\.wasm\?v=/.test(url)) return p;
    // Cloned before app.js reads the body: this callback comes first.
    window.unknotWasmCopy = p.then(function (res) {
      if (!res.ok) return null;
      var copy = res.clone();
      return caches.open("unknot-handoff")
        .then(function (c) { return c.put(url, copy); })
        .then(function () { return new URL(url, location.href).href; });
    }).catch(function () { return null; });
    return p;
  };
})();
