// Where a page opens: at the top when the app goes to a new address, where
// the person left it when they go back or forward to one, as a browser does
// between ordinary pages. go-app swaps the page's content in place, so the
// browser's own restoring kept one scroll position for every address: a
// link low on Home opened the next page near its bottom.
"use strict";
(function () {
  const h = window.history;
  if (!h || !("scrollRestoration" in h)) return;
  h.scrollRestoration = "manual";

  // remember stores the position in the current history entry.
  function remember() {
    try {
      const state = h.state && typeof h.state === "object" ? h.state : {};
      h.replaceState(Object.assign({}, state, { unknotY: window.scrollY }), "");
    } catch (e) {
      // A history entry that cannot be written only loses its position.
    }
  }

  // go-app adds an entry with pushState for every address it goes to:
  // the page it leaves keeps its position, the new one starts at the top.
  const push = h.pushState;
  h.pushState = function () {
    if (stop) stop(); // a new page: the old one's position is not its own
    remember();
    const r = push.apply(this, arguments);
    window.scrollTo(0, 0);
    return r;
  };

  // settle puts the page at y once the app has drawn it: go-app draws the
  // page of a history entry after popstate, and a page may grow as it
  // reads its data (Home reads the whole history after its first frame).
  // It tries for ms milliseconds, on a timer rather than at each frame, so
  // that a page whose frames are held back (a busy or background tab)
  // still gets there; a busy phone can take seconds to draw a long
  // history. It stops as soon as the person scrolls, touches or types, or
  // the app goes to another page.
  let stop = null;
  function settle(y, ms) {
    if (stop) stop();
    let done = false;
    let timer = 0;
    const quit = () => { done = true; };
    const events = ["wheel", "touchstart", "keydown", "pointerdown"];
    events.forEach((e) => window.addEventListener(e, quit, { passive: true, once: true }));
    stop = () => {
      done = true;
      clearTimeout(timer);
      events.forEach((e) => window.removeEventListener(e, quit));
    };
    const until = Date.now() + ms;
    const step = () => {
      if (done) return;
      if (Math.abs(window.scrollY - y) > 1) window.scrollTo(0, y);
      if (Date.now() < until) timer = setTimeout(step, 16);
      else stop();
    };
    step();
  }

  window.addEventListener("popstate", (e) => {
    const y = e.state && typeof e.state.unknotY === "number" ? e.state.unknotY : 0;
    settle(y, 5000);
  });
  // A reload opens where it was left, once the app runs (seconds on a
  // slow phone). A page kept in the back/forward cache keeps its place by
  // itself, and must not write its history entry then: Chrome may already
  // have frozen it (after a move to another site), and takes the write for
  // a reason to drop the page from the cache ("IgnoreEventAndEvict").
  window.addEventListener("pagehide", (e) => {
    if (!e.persisted) remember();
  });
  if (h.state && typeof h.state.unknotY === "number") {
    settle(h.state.unknotY, 10000);
  }
})();
