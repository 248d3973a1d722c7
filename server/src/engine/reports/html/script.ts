/**
 * The reports' only script: sorting tables by a column and filtering rows.
 * It reads the page as rendered (cells, `data-*` attributes) and writes only
 * `hidden`, `aria-sort` and classes, never markup, so no text can turn into code.
 * Inside a VS Code webview (the coverage matrix panel) it also asks the
 * extension to open a column's document, and shows the clause it is told to.
 */
export const REPORT_SCRIPT = `(function () {
  'use strict';
  function key(row, col) {
    var cell = row.cells[col];
    if (!cell) return '';
    var sort = cell.getAttribute('data-sort');
    return sort !== null ? sort : (cell.textContent || '').trim();
  }
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  Array.prototype.forEach.call(document.querySelectorAll('table[data-sortable] thead th[data-col]'), function (th) {
    var button = th.querySelector('button');
    if (!button) return;
    button.addEventListener('click', function () {
      var table = th.closest('table');
      var body = table.tBodies[0];
      var col = Number(th.getAttribute('data-col'));
      var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      Array.prototype.forEach.call(table.querySelectorAll('thead th'), function (other) { other.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) { return dir * collator.compare(key(a, col), key(b, col)); });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll('form.filters[data-for]'), function (form) {
    var table = document.getElementById(form.getAttribute('data-for'));
    if (!table) return;
    var count = form.querySelector('output');
    function apply() {
      var text = form.querySelector('input[type="search"]');
      var query = text ? text.value.trim().toLowerCase() : '';
      var selects = Array.prototype.slice.call(form.querySelectorAll('select[data-attr], input[type="checkbox"][data-attr]'));
      var shown = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var visible = !query || (row.textContent || '').toLowerCase().indexOf(query) >= 0;
        selects.forEach(function (control) {
          var attr = control.getAttribute('data-attr');
          var wanted = control.type === 'checkbox' ? (control.checked ? control.value : '') : control.value;
          if (wanted && row.getAttribute(attr) !== wanted) visible = false;
        });
        row.hidden = !visible;
        if (visible) shown++;
      });
      if (count) count.textContent = String(shown);
    }
    form.addEventListener('input', apply);
    form.addEventListener('change', apply);
    form.addEventListener('submit', function (event) { event.preventDefault(); });
    apply();
  });
  var host = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  if (!host) return;
  Array.prototype.forEach.call(document.querySelectorAll('th[data-file]'), function (th) {
    th.classList.add('opens');
    th.tabIndex = 0;
    th.setAttribute('role', 'link');
    function open() { host.postMessage({ command: 'open', file: th.getAttribute('data-file') }); }
    th.addEventListener('click', open);
    th.addEventListener('keydown', function (event) { if (event.key === 'Enter') open(); });
  });
  Array.prototype.forEach.call(document.querySelectorAll('button.new-document[data-clause]'), function (button) {
    button.addEventListener('click', function () { host.postMessage({ command: 'newDocument', clause: button.getAttribute('data-clause') }); });
  });
  window.addEventListener('message', function (event) {
    var message = event.data;
    if (!message || message.command !== 'reveal' || typeof message.clause !== 'string') return;
    Array.prototype.forEach.call(document.querySelectorAll('tr[data-clause]'), function (row) {
      var match = row.getAttribute('data-clause') === message.clause;
      row.classList.toggle('focus', match);
      if (match) {
        row.hidden = false;
        row.scrollIntoView({ block: 'center' });
      }
    });
  });
  host.postMessage({ command: 'ready' });
})();
`;
