// The report page reloads itself once the planner's measures it waits for are ready.
(function () {
  "use strict";
  var report = document.querySelector("[data-ready-url]");
  if (!report) { return; }
  var timer = setInterval(function () {
    fetch(report.dataset.readyUrl, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (data && data.ready) {
          clearInterval(timer);
          location.reload();
        }
      })
      .catch(function () { /* offline for a moment: try again next time */ });
  }, 3000);
})();
