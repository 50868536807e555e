// Applies the saved theme, text size and motion choice before the app loads,
// so a dark-theme user never sees a white flash. The app applies the
// settings it reads again once running (components/ui/prefs.go).
(function () {
  try {
    // Whether a history is kept: /history shows "Reading your history…"
    // until it is read, a first visit the empty history at once.
    var root = document.documentElement;
    if (localStorage.getItem("unknot.history") !== null) root.setAttribute("data-history", "kept");
    var s = JSON.parse(localStorage.getItem("unknot.settings") || "null");
    if (!s || typeof s !== "object") return;
    if (s.theme === "light" || s.theme === "dark") root.setAttribute("data-theme", s.theme);
    if (s.largeText === true) root.setAttribute("data-text", "large");
    if (s.reduceMotion === true) root.setAttribute("data-motion", "reduce");
    // The server's page holds both what a first visit shows (the safety
    // advice before the first session) and what later ones do (Start in
    // reach): the stylesheet shows the one that this person's app will
    // draw, so nothing moves when it arrives.
    if (s.safetyAccepted === true) root.setAttribute("data-safety", "accepted");
  } catch (e) {
    // Damaged settings: the app reports them once it runs.
  }
})();
// Marks the page as used with a keyboard at the first key press, so the
// session player's key hints show there and not on a touch screen alone.
document.addEventListener("keydown", function () {
  document.documentElement.setAttribute("data-keyboard", "");
}, { once: true, capture: true });
