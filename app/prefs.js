// Applies the saved theme, text size and motion choice before the app loads,
// so a dark-theme user never sees a white flash. The app applies the
// settings it reads again once running (components/ui/prefs.go).
(function () {
  try {
    var s = JSON.parse(localStorage.getItem("unknot.settings") || "null");
    if (!s || typeof s !== "object") return;
    var root = document.documentElement;
    if (s.theme === "light" || s.theme === "dark") root.setAttribute("data-theme", s.theme);
    if (s.largeText === true) root.setAttribute("data-text", "large");
    if (s.reduceMotion === true) root.setAttribute("data-motion", "reduce");
  } catch (e) {
    // Damaged settings: the app reports them once it runs.
  }
})();
// Marks the page as used with a keyboard at the first key press, so the
// session player's key hints show there and not on a touch screen alone.
document.addEventListener("keydown", function () {
  document.documentElement.setAttribute("data-keyboard", "");
}, { once: true, capture: true });
