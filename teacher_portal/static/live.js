// Small live parts of the pages, no build step: phase timers, the pupil's "now" and build progress.
(function () {
  "use strict";

  function pad(n) { return String(n).padStart(2, "0"); }

  function tickTimers() {
    document.querySelectorAll(".timer[data-ends-at]").forEach(function (el) {
      var left = Math.round((Date.parse(el.dataset.endsAt) - Date.now()) / 1000);
      var over = left < 0;
      var s = Math.abs(left);
      el.textContent = (over ? "+" : "") + Math.floor(s / 60) + ":" + pad(s % 60);
      el.classList.toggle("over", over);
    });
  }

  function followNow(box) {
    var known = box.dataset.nowKey;
    setInterval(function () {
      fetch(box.dataset.nowUrl, { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) {
          if (!data) { return; }
          if (data.key !== known) { location.reload(); }
        })
        .catch(function () { /* offline for a moment: try again next time */ });
    }, 3000);
  }

  function followBuild(box) {
    var bar = box.querySelector("progress");
    var count = box.querySelector(".build-count");
    var timer = setInterval(function () {
      fetch(box.dataset.statusUrl, { credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (job) {
          if (job.total) { bar.value = job.percent; } else { bar.removeAttribute("value"); }
          if (count) {
            count.textContent = job.total
              ? count.dataset.building + " " + job.done + " / " + job.total
              : count.dataset.starting;
          }
          box.dataset.state = job.state;
          if (job.state === "done" || job.state === "failed") {
            clearInterval(timer);
            location.reload();
          }
        })
        .catch(function () { /* keep polling */ });
    }, 1000);
  }

  tickTimers();
  setInterval(tickTimers, 1000);
  var now = document.querySelector("[data-now-url]");
  if (now) { followNow(now); }
  document.querySelectorAll(".build-status[data-status-url]").forEach(function (build) {
    if (build.dataset.state === "queued" || build.dataset.state === "running") {
      followBuild(build);  // a build or a capture of the plots, wherever the page shows it
    }
  });
})();
