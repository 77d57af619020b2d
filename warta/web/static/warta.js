// warta dashboard: small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  // Filters: changing a select submits the form at once.
  document.querySelectorAll("form.filters select").forEach(function (select) {
    // requestSubmit (not submit) so that the submit handler below runs too.
    select.addEventListener("change", function () { select.form.requestSubmit(); });
  });
  // Filters: empty fields are left out of the URL so links stay short and shareable.
  document.querySelectorAll("form.filters").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input, select").forEach(function (field) {
        if (!field.value) { field.disabled = true; }
      });
    });
  });
  // Network: hovering an actor dims everything not connected to it.
  var net = document.getElementById("network");
  if (net) {
    net.querySelectorAll("a.node").forEach(function (node) {
      var actor = node.getAttribute("data-actor");
      node.addEventListener("mouseenter", function () {
        var linked = {}; linked[actor] = true;
        net.querySelectorAll("line.edge").forEach(function (edge) {
          var hit = edge.getAttribute("data-source") === actor || edge.getAttribute("data-target") === actor;
          if (hit) { linked[edge.getAttribute("data-source")] = true; linked[edge.getAttribute("data-target")] = true; }
          edge.classList.toggle("dim", !hit);
        });
        net.querySelectorAll("a.node").forEach(function (other) {
          other.classList.toggle("dim", !linked[other.getAttribute("data-actor")]);
        });
      });
      node.addEventListener("mouseleave", function () {
        net.querySelectorAll(".dim").forEach(function (el) { el.classList.remove("dim"); });
      });
    });
  }
  // Article: clicking a trigger (or arriving with #event-N) marks that event's explanation.
  function markEvent(hash) {
    document.querySelectorAll("aside .event.active").forEach(function (el) { el.classList.remove("active"); });
    if (hash && hash.indexOf("#event-") === 0) {
      var box = document.getElementById(hash.slice(1));
      if (box) { box.classList.add("active"); }
    }
  }
  window.addEventListener("hashchange", function () { markEvent(window.location.hash); });
  markEvent(window.location.hash);
})();
