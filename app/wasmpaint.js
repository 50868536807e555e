// Holds app.wasm's response back from go-app's app.js until the page has
// drawn a frame of its content. Go's start and the app's first render are
// one long task; when app.wasm came quickly (from the service worker, or a
// fast link) that task could run before the browser's first paint, so the
// page, readable as the server sent it, stayed blank until the app had
// started. The download goes on meanwhile; only its handing over waits, at
// most a second, and not at all in a hidden page, which paints nothing.
(function () {
  if (!window.fetch || !window.requestAnimationFrame || !window.Promise) return;
  // The browser's own word that the page's content was painted (its
  // first-contentful-paint entry, which comes once the frame is on the
  // screen) where it gives one; else a frame's callbacks, which run before
  // its paint, and a task queued in them, after it. Asked for when app.js
  // asks for app.wasm, once the page's content is parsed.
  var painted = function () {
    return new Promise(function (done) {
      if (document.visibilityState === "hidden") return done();
      setTimeout(done, 1000);
      var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
      if (types.indexOf("paint") < 0) {
        requestAnimationFrame(function () { setTimeout(done, 0); });
        return;
      }
      new PerformanceObserver(function (list, observer) {
        if (list.getEntriesByName("first-contentful-paint").length > 0) {
          observer.disconnect();
          done();
        }
      }).observe({ type: "paint", buffered: true });
    });
  };
  var fetch0 = window.fetch;
  window.fetch = function (input) {
    var p = fetch0.apply(this, arguments);
    var url = typeof input === "string" ? input : input && input.url;
    if (!url || !/\/app\.wasm\?v=/.test(url)) return p;
    return Promise.all([p, painted()]).then(function (both) { return both[0]; });
  };
})();
