// Voting pages, no build step: tap-to-rank on the ballot, the bloc limit, the projector's
// live results (server-sent events) and revealing run-off rounds one by one.
(function () {
  "use strict";

  function format(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_, name) { return values[name]; });
  }

  function setUpRanking(form) {
    var buttons = Array.prototype.slice.call(form.querySelectorAll(".rank-option"));
    var inputs = form.querySelector(".rank-inputs");
    var status = form.querySelector("#rank-status");
    var order = [];

    function labelOf(key) {
      var button = form.querySelector('.rank-option[data-key="' + key + '"]');
      return button.querySelector(".option-label").textContent;
    }

    function render(spoken) {
      inputs.innerHTML = "";
      buttons.forEach(function (button) {
        var rank = order.indexOf(button.dataset.key) + 1;
        button.setAttribute("aria-pressed", rank > 0 ? "true" : "false");
        button.querySelector(".rank-badge").textContent = rank > 0 ? rank : "";
        button.querySelector(".rank-spoken").textContent =
          rank > 0 ? ", " + format(status.dataset.place, { rank: rank }) : "";
      });
      order.forEach(function (key) {
        var input = document.createElement("input");
        input.type = "hidden";
        input.name = "choice";
        input.value = key;
        inputs.appendChild(input);
      });
      if (spoken) { status.textContent = spoken; }
    }

    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        var key = button.dataset.key;
        var at = order.indexOf(key);
        if (at >= 0) {
          order.splice(at, 1);
          render(format(status.dataset.removed, { option: labelOf(key) }));
        } else {
          order.push(key);
          render(format(status.dataset.ranked, { option: labelOf(key), rank: order.length }));
        }
      });
    });
    form.querySelector(".rank-undo").addEventListener("click", function () {
      var key = order.pop();
      if (key) { render(format(status.dataset.removed, { option: labelOf(key) })); }
    });
    form.querySelector(".rank-clear").addEventListener("click", function () {
      order = [];
      render(status.dataset.cleared);
    });
    render("");
    form.dataset.ready = "true";
  }

  function setUpBlocLimit(form) {
    var seats = parseInt(form.dataset.seats, 10);
    var boxes = form.querySelectorAll('input[type="checkbox"][name="choice"]');
    function limit() {
      var ticked = form.querySelectorAll('input[name="choice"]:checked').length;
      boxes.forEach(function (box) { box.disabled = !box.checked && ticked >= seats; });
    }
    boxes.forEach(function (box) { box.addEventListener("change", limit); });
  }

  function setUpRounds(root) {
    root.querySelectorAll(".rounds").forEach(function (box) {
      var rounds = box.querySelectorAll(".round");
      var next = box.querySelector(".next-round");
      if (rounds.length < 2 || !next) { return; }
      var shown = 1;
      rounds.forEach(function (round, i) { round.hidden = i >= shown; });
      next.hidden = false;
      next.addEventListener("click", function () {
        rounds[shown].hidden = false;
        shown += 1;
        if (shown >= rounds.length) { next.hidden = true; }
        rounds[shown - 1].scrollIntoView({ behavior: "smooth", block: "nearest" });
      });
    });
  }

  function followResults(view) {
    var target = view.querySelector(".live-results");
    var source = new EventSource(view.dataset.streamUrl);
    source.addEventListener("results", function (event) {
      var data = JSON.parse(event.data);
      target.innerHTML = data.html;
      setUpRounds(target);
      view.dataset.version = event.lastEventId;
    });
    source.addEventListener("gone", function () { source.close(); });
  }

  var form = document.querySelector(".ballot-form");
  if (form && form.querySelector(".rank-option")) { setUpRanking(form); }
  if (form && form.dataset.method === "bloc") { setUpBlocLimit(form); }
  setUpRounds(document);
  var projector = document.querySelector(".projector-view[data-stream-url]");
  if (projector) { followResults(projector); }
})();
