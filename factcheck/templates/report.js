(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var cards = Array.prototype.slice.call(document.querySelectorAll("article.card"));
  var original = cards.map(function (el) { return { el: el, parent: el.parentNode, next: el.nextSibling }; });
  var byId = function (id) { return document.getElementById(id); };
  function value(id) { var el = byId(id); return el ? el.value : ""; }
  function apply() {
    var verdicts = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name=verdict]"), function (box) { verdicts[box.value] = box.checked; });
    var outlet = value("f-outlet"), unit = value("f-unit"), story = value("f-story");
    var q = value("f-q").trim().toLowerCase();
    var shown = { contradict: 0, explained: 0, agree: 0, internal: 0 };
    cards.forEach(function (el) {
      var ok = verdicts[el.dataset.verdict] !== false
        && (!outlet || el.dataset.outlets.split(" | ").indexOf(outlet) >= 0)
        && (!unit || el.dataset.unit.split(" ").indexOf(unit) >= 0)
        && (!story || el.dataset.story.split(" ").indexOf(story) >= 0)
        && (!q || el.textContent.toLowerCase().indexOf(q) >= 0);
      el.hidden = !ok;
      if (ok) { shown[el.dataset.verdict] += 1; }
    });
    Array.prototype.forEach.call(document.querySelectorAll("section[data-section]"), function (sec) {
      var n = sec.querySelectorAll("article.card:not([hidden])").length;
      var span = sec.querySelector(".section-shown");
      if (span) { span.textContent = String(n); }
    });
    var active = Boolean(q || outlet || unit || story) || Object.keys(verdicts).some(function (k) { return !verdicts[k]; });
    Object.keys(shown).forEach(function (k) {
      // Unfiltered, the summary keeps the run's totals (a long page may list only some).
      var b = document.querySelector(".counts ." + k + " b");
      if (b) { b.textContent = active ? String(shown[k]) : b.dataset.total; }
    });
    var total = shown.contradict + shown.explained + shown.agree + shown.internal;
    byId("shown").textContent = total + " of " + cards.length + " facts and checks shown";
  }
  function sort() {
    if (value("f-sort") === "severity") {
      Array.prototype.forEach.call(document.querySelectorAll("section[data-section]"), function (sec) {
        var items = Array.prototype.slice.call(sec.querySelectorAll("article.card"));
        var anchor = items.length ? items[items.length - 1].nextSibling : null;
        items.sort(function (a, b) { return parseFloat(b.dataset.rel) - parseFloat(a.dataset.rel); });
        items.forEach(function (el) { sec.insertBefore(el, anchor); });
      });
    } else {
      original.slice().reverse().forEach(function (o) { o.parent.insertBefore(o.el, o.next); });
    }
  }
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.addEventListener("input", apply);
  form.addEventListener("change", function (e) { if (e.target.id === "f-sort") { sort(); } apply(); });
  apply();
})();
