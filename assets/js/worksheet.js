// The key-question worksheet: answers stay in this browser (localStorage), can be printed,
// saved to a Markdown file and read back. No server, no cookie, no network request.
(function () {
  'use strict';
  var form = document.getElementById('arbejdsark');
  if (!form) return;
  var key = form.getAttribute('data-storage-key');
  var status = form.querySelector('.worksheet-status');
  var fields = Array.prototype.slice.call(form.querySelectorAll('input[name], textarea[name]'))
    .filter(function (f) { return f.type !== 'file'; });
  var answers = fields.filter(function (f) { return f.tagName === 'TEXTAREA'; });

  function say(text) { status.textContent = text; }

  function storage() {
    try { return window.localStorage; } catch (e) { return null; }
  }

  function collect() {
    var data = {};
    fields.forEach(function (f) { data[f.name] = f.value; });
    return data;
  }

  function mirrorForPrint(field) {
    var mirror = field.parentNode.querySelector('.print-answer');
    if (mirror) mirror.textContent = field.value;
  }

  function fill(data) {
    fields.forEach(function (f) {
      f.value = typeof data[f.name] === 'string' ? data[f.name] : '';
      mirrorForPrint(f);
    });
  }

  function save() {
    var s = storage();
    if (!s) { say('Browseren tillader ikke at gemme svarene på denne enhed.'); return; }
    s.setItem(key, JSON.stringify(collect()));
    var now = new Date();
    say('Gemt på denne enhed kl. ' + String(now.getHours()).padStart(2, '0') + ':' + String(now.getMinutes()).padStart(2, '0') + '.');
  }

  function load() {
    var s = storage();
    var raw = s && s.getItem(key);
    if (!raw) return;
    try { fill(JSON.parse(raw)); say('Dine gemte svar er hentet.'); } catch (e) { s.removeItem(key); }
  }

  function toMarkdown() {
    var data = collect();
    var lines = ['# ' + form.getAttribute('data-title'), '',
      'Udvalg: ' + (data.udvalg || ''), 'Dato: ' + (data.dato || ''), ''];
    answers.forEach(function (a) {
      lines.push('## ' + a.getAttribute('data-question'), '', a.value.trim(), '');
    });
    return lines.join('\n');
  }

  function fromMarkdown(text) {
    var data = { udvalg: '', dato: '' };
    var current = null;
    var buffer = [];
    function flush() {
      if (current) data[current.name] = buffer.join('\n').trim();
      buffer = [];
    }
    text.replace(/\r\n?/g, '\n').split('\n').forEach(function (line) {
      var heading = /^## (.*)$/.exec(line);
      if (heading) {
        flush();
        current = answers.filter(function (a) { return a.getAttribute('data-question') === heading[1].trim(); })[0] || null;
        return;
      }
      if (!current) {
        var meta = /^(Udvalg|Dato): ?(.*)$/.exec(line);
        if (meta) data[meta[1].toLowerCase()] = meta[2].trim();
        return;
      }
      buffer.push(line);
    });
    flush();
    return data;
  }

  function download() {
    var blob = new Blob([toMarkdown()], { type: 'text/markdown;charset=utf-8' });
    var link = document.createElement('a');
    var name = (collect().udvalg || 'udvalg').toLowerCase().replace(/[^a-z0-9æøå]+/g, '-');
    link.href = URL.createObjectURL(blob);
    link.download = 'arbejdsark-' + name + '.md';
    document.body.appendChild(link);
    link.click();
    link.remove();
    say('Svarene er gemt som fil.');
  }

  function importFile(input) {
    var file = input.files && input.files[0];
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () {
      fill(fromMarkdown(String(reader.result)));
      save();
      say('Svarene er hentet fra ' + file.name + '.');
      input.value = '';
    };
    reader.readAsText(file);
  }

  var timer = null;
  form.addEventListener('input', function (event) {
    mirrorForPrint(event.target);
    clearTimeout(timer);
    timer = setTimeout(function () { timer = null; save(); }, 300);
  });
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  // Do not lose the last keystrokes when the page is left before the debounced save ran.
  window.addEventListener('pagehide', function () { if (timer) { clearTimeout(timer); save(); } });
  form.addEventListener('click', function (event) {
    var action = event.target.getAttribute && event.target.getAttribute('data-action');
    if (action === 'print') window.print();
    if (action === 'export') download();
    if (action === 'clear' && window.confirm('Vil du slette alle svar på denne enhed?')) {
      fill({});
      var s = storage();
      if (s) s.removeItem(key);
      say('Alle svar er slettet fra denne enhed.');
    }
  });
  form.addEventListener('change', function (event) {
    if (event.target.getAttribute('data-action') === 'import') importFile(event.target);
  });

  // The worksheet's own API for saving and reading files, used by the buttons above.
  window.disWorksheet = { toMarkdown: toMarkdown, fromMarkdown: fromMarkdown, fill: fill, save: save };
  form.querySelector('.worksheet-actions').hidden = false;
  load();
})();
