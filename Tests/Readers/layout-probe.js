// Injected by the test before </body>: where the browser put every link of the overview's grid,
// in cells (row, column) from the grid's top-left corner, written into the DOM for --dump-dom.
(function () {
  var pre = document.querySelector('#v-overview pre.grid');
  var ruler = document.createElement('span');
  ruler.textContent = '0000000000';
  pre.appendChild(ruler);
  var cell = ruler.getBoundingClientRect().width / 10;
  pre.removeChild(ruler);
  var line = parseFloat(getComputedStyle(pre).lineHeight);
  var box = pre.getBoundingClientRect();
  var links = [].slice.call(pre.querySelectorAll('a')).map(function (a) {
    var r = a.getClientRects()[0];
    return [a.getAttribute('href'), Math.round((r.top - box.top) / line), Math.round((r.left - box.left) / cell)];
  });
  // The search box, typed into without diacritics: which index entries stay shown.
  var q = document.getElementById('q');
  var search = {};
  ['dak lak', 'hue', 'chu ky so', 'KHANH HOA'].forEach(function (typed) {
    q.value = typed;
    q.dispatchEvent(new Event('input'));
    search[typed] = [].slice.call(document.querySelectorAll('#index li')).filter(function (li) { return !li.hidden; })
      .map(function (li) { return li.querySelector('a').textContent; });
  });
  q.value = '';
  q.dispatchEvent(new Event('input'));
  document.body.setAttribute('data-probe', JSON.stringify({cell: cell, line: line, links: links, text: pre.textContent, search: search}));
})();
