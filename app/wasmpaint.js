// Holds Go's start back from go-app's app.js until the page has drawn a
// frame of its content. Go's start and the app's first render are one long
// task; when app.wasm came quickly (from the service worker, or a fast
// link) that task could run before the browser's first paint, so the page,
// readable as the server sent it, stayed blank until the app had started.
// The download and the compiling go on meanwhile (the browser compiles
// off the main thread); only the compiled module's handing over to app.js,
// which starts Go at once, waits: at most a second, and not at all in a
// hidden page, which paints nothing.
(function () {
  var wasm = window.WebAssembly;
  if (!wasm || !window.requestAnimationFrame || !window.Promise) return;
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
  // app.js compiles app.wasm with instantiateStreaming where the browser
  // has it, else with instantiate; it reads either as it starts, after
  // this script.
  var name = wasm.instantiateStreaming ? "instantiateStreaming" : "instantiate";
  var instantiate = wasm[name];
  wasm[name] = function () {
    var compiled = instantiate.apply(this, arguments);
    return Promise.all([compiled, painted()]).then(function (both) { return both[0]; });
  };
})();
