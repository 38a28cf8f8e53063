// What buttons on any page may ask for, as data attributes instead of inline handlers (the
// Content-Security-Policy runs no inline script): a confirmation before a form or button
// posts, printing, and selecting a link to copy.
(function () {
  "use strict";

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var button = event.submitter;
    var question = (button && button.dataset.confirm) || form.dataset.confirm;
    if (question && !window.confirm(question)) { event.preventDefault(); }
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) { window.print(); }
    if (event.target.matches("input[data-select-all]")) { event.target.select(); }
  });
})();
