/* lectern.js: progressive enhancement only; every page works without it. */
(function () {
  "use strict";
  /* Confirm destructive actions: forms marked data-confirm ask first. */
  document.addEventListener("submit", function (e) {
    var msg = e.target.getAttribute && e.target.getAttribute("data-confirm");
    if (msg && !window.confirm(msg)) e.preventDefault();
  });
})();
