// errcat docs portal: search as you type. The rules are those of docs.Index in Go
// (errcat explain --search and /api/errors?q= find the same codes):
// every word of the query must occur in a code's text; codes whose code starts with
// a word come first, then those whose title holds it, then the others, each in
// catalog order. Texts are inserted with textContent, never as markup.
(function () {
  'use strict';
  var data = window.errcatIndex;
  var input = document.getElementById('q');
  var results = document.getElementById('results');
  if (!data || !input || !results) { return; }
  var list = document.getElementById('result-list');
  var count = document.getElementById('result-count');
  var overview = document.getElementById('overview');
  var LIMIT = 50;
  var entries = data.entries.map(function (e) {
    return { id: e[0], title: e[1], status: e[2], category: e[3], href: e[4], hay: e[5],
      catalog: e[6] || '', lid: e[0].toLowerCase(), ltitle: e[1].toLowerCase() };
  });
  // The ids search finds for a query, for tests that compare it with Go's.
  window.errcatSearch = function (query) {
    last.query = null;
    return search(query).map(function (h) { return h.e.id; });
  };
  // Timings of the last searches in milliseconds, from the input event to the
  // results on screen, for the browser test and the curious.
  window.errcatTimings = [];

  // While a query grows (typing forward), its hits are among the last query's: only
  // those are searched again.
  var last = { query: null, pool: null };

  function search(query) {
    var lower = query.toLowerCase();
    var words = lower.split(/\s+/).filter(Boolean);
    var pool = null;
    if (last.query !== null && last.query.trim() !== '' && lower.indexOf(last.query) === 0) {
      pool = last.pool;
    }
    var hits = [], matched = [];
    var n = pool ? pool.length : entries.length;
    for (var k = 0; k < n; k++) {
      var i = pool ? pool[k] : k;
      var e = entries[i], total = 0, ok = true;
      for (var j = 0; j < words.length; j++) {
        var w = words[j];
        if (e.lid.indexOf(w) === 0) { continue; }
        if (e.ltitle.indexOf(w) >= 0) { total += 1; continue; }
        if (e.hay.indexOf(w) >= 0) { total += 2; continue; }
        ok = false;
        break;
      }
      if (ok) { hits.push({ e: e, score: total, i: i }); matched.push(i); }
    }
    last.query = lower;
    last.pool = matched;
    hits.sort(function (a, b) { return a.score - b.score || a.i - b.i; });
    return hits;
  }

  function item(e) {
    var li = document.createElement('li');
    var a = document.createElement('a');
    a.href = e.href;
    var code = document.createElement('span');
    code.className = 'code';
    code.textContent = e.id;
    var status = document.createElement('span');
    status.className = 'status';
    status.textContent = e.status;
    var title = document.createElement('span');
    title.textContent = e.title;
    if (e.catalog) {
      var cat = document.createElement('span');
      cat.className = 'catalog';
      cat.textContent = e.catalog;
      title.appendChild(cat);
    }
    a.appendChild(code);
    a.appendChild(status);
    a.appendChild(title);
    li.appendChild(a);
    return li;
  }

  function render(query) {
    var q = query.trim();
    results.dataset.query = q;
    if (!q) {
      results.hidden = true;
      if (overview) { overview.classList.remove('searching'); }
      list.textContent = '';
      return;
    }
    var hits = search(q);
    var frag = document.createDocumentFragment();
    for (var i = 0; i < hits.length && i < LIMIT; i++) { frag.appendChild(item(hits[i].e)); }
    list.textContent = '';
    list.appendChild(frag);
    if (hits.length === 0) {
      count.textContent = 'No errors found matching your search.';
    } else if (hits.length > LIMIT) {
      count.textContent = hits.length + ' errors match; the first ' + LIMIT + ' are shown.';
    } else {
      count.textContent = hits.length === 1 ? '1 error matches.' : hits.length + ' errors match.';
    }
    results.dataset.count = String(hits.length);
    results.hidden = false;
    if (overview) { overview.classList.add('searching'); }
  }

  // The URL follows the query once typing pauses: rewriting it on every keystroke
  // costs a frame for nothing.
  var pending = 0;
  function rememberSoon(query) {
    clearTimeout(pending);
    pending = setTimeout(function () { remember(query); }, 250);
  }

  function remember(query) {
    var url = new URL(window.location.href);
    if (query.trim()) { url.searchParams.set('q', query.trim()); } else { url.searchParams.delete('q'); }
    history.replaceState(null, '', url);
  }

  input.addEventListener('input', function (ev) {
    var start = ev.timeStamp;
    render(input.value);
    rememberSoon(input.value);
    // After the next frame is painted: the time a reader waits.
    requestAnimationFrame(function () {
      setTimeout(function () {
        window.errcatTimings.push(performance.now() - start);
        results.dataset.done = String(window.errcatTimings.length);
      }, 0);
    });
  });

  // Keyboard: "/" goes to the box, arrows move through the results, Escape clears.
  document.addEventListener('keydown', function (ev) {
    var links = list.querySelectorAll('a');
    var at = Array.prototype.indexOf.call(links, document.activeElement);
    if (ev.key === '/' && document.activeElement !== input) {
      ev.preventDefault();
      input.focus();
      input.select();
    } else if (ev.key === 'ArrowDown' && links.length && (document.activeElement === input || at >= 0)) {
      ev.preventDefault();
      links[Math.min(at + 1, links.length - 1)].focus();
    } else if (ev.key === 'ArrowUp' && at >= 0) {
      ev.preventDefault();
      if (at === 0) { input.focus(); } else { links[at - 1].focus(); }
    } else if (ev.key === 'Escape' && (document.activeElement === input || at >= 0)) {
      input.value = '';
      render('');
      remember('');
      input.focus();
    }
  });
  // Enter in the box opens the first result instead of reloading the page.
  input.form.addEventListener('submit', function (ev) {
    var first = list.querySelector('a');
    ev.preventDefault();
    if (first) { first.click(); }
  });

  var initial = new URLSearchParams(window.location.search).get('q');
  if (initial) {
    input.value = initial;
    render(initial);
  }
})();
