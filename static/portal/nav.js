/* The header menu is an open <details> in the HTML, so it works without JavaScript.
   On narrow screens we fold it behind its "Menu" button; on wide screens it stays open. */
(function () {
  var menu = document.querySelector(".nav-toggle");
  if (!menu || !window.matchMedia) return;
  var wide = window.matchMedia("(min-width: 60rem)");
  function fit() { menu.open = wide.matches; }
  fit();
  if (wide.addEventListener) wide.addEventListener("change", fit);
})();
