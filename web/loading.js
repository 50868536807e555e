// While app.wasm loads, the page is the server's pre-rendering: readable,
// but its links and buttons do nothing yet, and following a link would
// start the download again. This script, which needs no wasm:
//
// - answers every tap on a link or a button at once, under it, in the
//   page's flow (nothing is laid over the page): "Opening Morning routine
//   when Unknot is ready: 48%", and once the app runs, goes where the last
//   tapped link asked (the person taps Start there: speech and sound only
//   start from a tap);
// - keeps go-app's loader (#app-wasm-loader) a clear layer that catches
//   the taps, its icon and progress label out of sight, since at a phone's
//   size they covered the page wherever they stood (the label still holds
//   the progress, which the answers repeat, and go-app's error);
// - tells the installing service worker when this page has app.wasm whole,
//   so the worker takes it from the browser's HTTP cache instead of
//   downloading it a second time (app/app-worker.js, pageHas).
"use strict";
(function () {
  const loader = document.getElementById("app-wasm-loader");
  const label = document.getElementById("app-wasm-loader-label");
  const icon = document.getElementById("app-wasm-loader-icon");
  if (!loader || !label) return; // the app runs already

  // This page's build, as its scripts name it (?v=, app/server).
  const build = (() => {
    const s = document.querySelector('script[src*="/app.js?"]');
    return s ? new URL(s.src, location.href).searchParams.get("v") : null;
  })();

  // The progress go-app writes into the label ("Loading Unknot… 48%"), or
  // its error once the download or the start failed (its icon stops).
  const failed = () => !!icon && !icon.classList.contains("goapp-spin");
  const progress = () => {
    const m = /(\d+)\s*%/.exec(label.textContent || "");
    return m ? Number(m[1]) : 0;
  };
  const loading = () => loader.isConnected && !failed();

  // The label and the icon are out of sight from the first paint
  // (web/app.css, #app-wasm-loader): not out of the accessibility tree,
  // the label is the loader's only words.

  // ---- One download of app.wasm -------------------------------------------

  // Whether this page has downloaded url whole: its resource timing entry
  // comes once the last byte has arrived.
  const done = new Set();
  const has = (url) => done.has(url) || performance.getEntriesByName(url).some((e) => e.responseEnd > 0);
  // The copy app/wasmshare.js keeps for the worker, once it is whole
  // ("have" waits for it: the worker takes it from there first).
  let copied = null;
  const copying = window.unknotWasmCopy;
  if (copying) copying.then((url) => { copied = url || ""; });
  const handedOver = (url) => copying ? copied !== null && (copied === url || (copied === "" && has(url))) : has(url);
  if (window.PerformanceObserver) {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach((e) => done.add(e.name)))
        .observe({ type: "resource", buffered: true });
    } catch (e) {
      // An old browser: getEntriesByName alone.
    }
  }

  // The installing worker asks whether this page is downloading its build's
  // app.wasm: "have" once it is here, "loading" every second until then,
  // "no" when this page is of another build or its download failed.
  if (navigator.serviceWorker) {
    navigator.serviceWorker.addEventListener("message", (event) => {
      const q = event.data;
      const port = event.ports && event.ports[0];
      if (!q || q.unknot !== "has" || typeof q.url !== "string" || !port) return;
      const url = new URL(q.url, location.href);
      const ours = build !== null && url.searchParams.get("v") === build;
      // The app may start while its copy is still being written: that
      // is "loading" too, or the worker would download its own.
      const answer = () => {
        if (ours && handedOver(url.href)) return "have";
        if (ours && (loading() || (copying && copied === null))) return "loading";
        return "no";
      };
      const tell = () => {
        const state = answer();
        port.postMessage({ state: state });
        if (state === "loading") setTimeout(tell, 1000);
        else port.close();
      };
      tell();
    });
  }

  // ---- Every tap answered ---------------------------------------------------

  // What a tap acts on; not the page's own focus targets (<main
  // tabindex="-1">), which a tap on any text would find.
  const controls = 'a[href], button, summary, input, select, textarea, label, [role="button"], [tabindex]:not([tabindex="-1"])';
  let answer = null; // the answer shown, a <p> in the page
  let asked = null; // the address the last tapped link asked for

  // name is what the person tapped, as they would call it: the heading of
  // a card (a routine's, an exercise's), else the control's own words.
  const name = (el) => {
    const own = el.querySelector("h1, h2, h3");
    const card = el.closest("article, li");
    const heading = own || (card && card.querySelector("h2, h3"));
    const text = heading ? heading.textContent : el.getAttribute("aria-label") || el.textContent || el.value || "";
    return text.replace(/\s+/g, " ").trim();
  };

  const say = () => {
    if (!answer) return;
    if (failed()) {
      answer.textContent = "Unknot could not load: " + label.textContent.trim() + " Reload the page to try again.";
    } else if (asked !== null) {
      answer.textContent = "Opening " + answer.dataset.name + " when Unknot is ready: " + progress() + "%";
    } else {
      answer.textContent = "Unknot is still loading (" + progress() + "%): tap " + answer.dataset.name + " again once it is ready.";
    }
  };

  // show puts the answer right under the control, in the page's flow: on a
  // line of its own whatever the layout around it (a card, a grid, a row
  // of links), after the paragraph a link sits in.
  const show = (control) => {
    if (answer) answer.remove();
    answer = document.createElement("p");
    answer.id = "loading-answer";
    answer.setAttribute("role", "status");
    answer.dataset.name = name(control) || "it";
    // Its look is web/app.css's #loading-answer (components/ui/screens.css).
    let at = control;
    while (at.parentElement && at.parentElement !== document.body &&
      (/^inline/.test(getComputedStyle(at.parentElement).display) || /^(P|H[1-6]|LABEL)$/.test(at.parentElement.tagName))) {
      at = at.parentElement;
    }
    at.after(answer);
    say();
    // A control at the screen's edge would leave its answer out of view.
    answer.scrollIntoView({ block: "nearest" });
  };

  // The control a click is for: the one under the tap (the loader's clear
  // layer took it), or the one a key pressed.
  const controlOf = (event) => {
    if (!loader.contains(event.target)) {
      return event.target.closest ? event.target.closest(controls) : null;
    }
    for (const el of document.elementsFromPoint(event.clientX, event.clientY)) {
      if (!loader.contains(el)) return el.closest(controls);
    }
    return null;
  };

  const onClick = (event) => {
    if (!loader.isConnected) return;
    const control = controlOf(event);
    if (!control || control === answer) return;
    const link = control.closest("a[href]");
    if (link) {
      const url = new URL(link.href, location.href);
      const here = url.origin === location.origin && url.pathname === location.pathname && url.search === location.search;
      if (here && url.hash) {
        // Within this page (the skip link): no download starts again.
        if (loader.contains(event.target)) location.hash = url.hash;
        return;
      }
      if (url.origin !== location.origin || link.target === "_blank" || link.hasAttribute("download")) {
        if (loader.contains(event.target)) window.open(url.href, link.target || "_self", "noopener");
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      asked = here ? null : url.pathname + url.search + url.hash;
      show(link);
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    asked = null;
    show(control);
  };
  document.addEventListener("click", onClick, true);

  // The progress and go-app's error reach the answer as they come.
  new MutationObserver(say).observe(label, { childList: true, characterData: true, subtree: true });
  if (icon) new MutationObserver(say).observe(icon, { attributes: true, attributeFilter: ["class"] });

  // Once the app runs (go-app removes the loader right after its first
  // frame), it goes where the last tapped link asked.
  new MutationObserver((records, observer) => {
    if (loader.isConnected) return;
    observer.disconnect();
    document.removeEventListener("click", onClick, true);
    if (asked !== null && typeof window.goappNav === "function") window.goappNav(asked);
  }).observe(loader.parentNode, { childList: true });
})();
