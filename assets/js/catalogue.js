// Idea catalogue filters: phase, time and who, combined; the state lives in the URL
// (?fase=Test&hvem=borgere) so a filtered view can be shared, and the count is announced.
(function () {
  'use strict';
  var form = document.getElementById('katalog-filtre');
  if (!form) return;
  var count = document.querySelector('.catalogue-count');
  var groups = Array.prototype.slice.call(document.querySelectorAll('.catalogue-phase, .catalogue-unplaced'));
  var boxes = Array.prototype.slice.call(form.querySelectorAll('input[type=checkbox]'));

  function chosen(name) {
    return boxes.filter(function (b) { return b.name === name && b.checked; }).map(function (b) { return b.value; });
  }

  function matches(values, wanted) {
    if (!wanted.length) return true;
    var have = (values || '').split(' ');
    return wanted.some(function (w) { return have.indexOf(w) >= 0; });
  }

  function apply() {
    var phases = chosen('fase'), times = chosen('tid'), who = chosen('hvem');
    var shown = {};
    groups.forEach(function (group) {
      var phaseOn = !phases.length || phases.indexOf(group.getAttribute('data-phase')) >= 0;
      var visible = 0;
      group.querySelectorAll('.card').forEach(function (card) {
        var on = phaseOn && matches(card.getAttribute('data-time'), times) && matches(card.getAttribute('data-who'), who);
        card.hidden = !on;
        if (on) { visible++; shown[card.getAttribute('data-card')] = true; }
      });
      group.hidden = visible === 0;
    });
    var n = Object.keys(shown).length;
    count.textContent = n === 1 ? '1 idékort' : n + ' idékort';
  }

  function toUrl() {
    var params = new URLSearchParams();
    boxes.forEach(function (b) { if (b.checked) params.append(b.name, b.value); });
    var query = params.toString();
    history.replaceState(null, '', location.pathname + (query ? '?' + query : '') + location.hash);
  }

  function fromUrl() {
    var params = new URLSearchParams(location.search);
    boxes.forEach(function (b) { b.checked = params.getAll(b.name).indexOf(b.value) >= 0; });
  }

  form.addEventListener('change', function () { apply(); toUrl(); });
  form.addEventListener('reset', function () { setTimeout(function () { apply(); toUrl(); }, 0); });
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  form.hidden = false;
  fromUrl();
  apply();
})();
