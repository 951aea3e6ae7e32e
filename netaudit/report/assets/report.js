// Client-side filtering of the findings by clause, zone, severity and status (no libraries).
(function () {
  "use strict";
  var sel = function (id) { return document.getElementById(id); };
  var clause = sel("filter-clause"), zone = sel("filter-zone"),
      severity = sel("filter-severity"), status = sel("filter-status");
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.finding"));
  var sections = Array.prototype.slice.call(document.querySelectorAll("details.device-section"));
  function matches(row) {
    var st = status.value, c = clause.value;
    if (c && (" " + row.getAttribute("data-clauses") + " ").indexOf(" " + c + " ") < 0) return false;
    if (zone.value && row.getAttribute("data-zone") !== zone.value) return false;
    if (severity.value && row.getAttribute("data-severity") !== severity.value) return false;
    if (st === "notpass") return row.getAttribute("data-status") !== "pass";
    if (st && st !== "all" && row.getAttribute("data-status") !== st) return false;
    return true;
  }
  function apply() {
    var visible = 0;
    rows.forEach(function (row) {
      var ok = matches(row);
      row.hidden = !ok;
      if (ok) visible += 1;
    });
    sections.forEach(function (sec) {
      var any = sec.querySelector("tr.finding:not([hidden])") !== null;
      sec.hidden = !any;
    });
    var counter = sel("visible-count");
    if (counter) counter.textContent = String(visible);
    document.body.setAttribute("data-visible", String(visible));
  }
  [clause, zone, severity, status].forEach(function (s) { if (s) s.addEventListener("change", apply); });
  Array.prototype.forEach.call(document.querySelectorAll("[data-set-clause]"), function (a) {
    a.addEventListener("click", function () {
      clause.value = a.getAttribute("data-set-clause");
      if (status.value === "notpass") status.value = "all";
      apply();
    });
  });
  var fit = sel("topo-fit"), wrap = sel("topo-wrap");
  if (fit && wrap) fit.addEventListener("click", function () { wrap.classList.toggle("fit"); });
  apply();
})();
