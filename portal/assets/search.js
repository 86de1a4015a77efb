// errcat docs portal: search as you type. The rules are those of portal.Index in Go
// (errcat explain --search and /api/errors?q= find the same codes): each word of the
// query must begin a term of a code's texts (a word of one character must be a whole
// term); codes whose code begins with a word come first, then those with a word in
// their title, then the others, then those found through the operations of a code
// every operation returns, each in catalog order. A query that finds nothing is
// tried again with each word nothing matches replaced by the catalogs' words within
// one typo of it (two for words of seven characters or more), from search/words.js.
//
// The index is split by the first two characters of its terms (see portal/shards.go):
// each word loads the one file of its terms, and the rows listed load by chunks, so a
// page never downloads the whole index. Files load as scripts, so the site works from
// file:// and under a Content-Security-Policy of 'self'. Texts are inserted with
// textContent, never as markup.
(function () {
  'use strict';
  // A site opened from disk (file://) has no server to answer a directory with its
  // index.html: links to a directory get it added when followed.
  if (location.protocol === 'file:') {
    document.addEventListener('click', function (ev) {
      var a = ev.target.closest && ev.target.closest('a[href]');
      if (!a) { return; }
      var url = new URL(a.href);
      if (url.protocol === 'file:' && url.pathname.slice(-1) === '/') {
        url.pathname += 'index.html';
        a.href = url.href;
      }
    }, true);
  }
  var input = document.getElementById('q');
  var results = document.getElementById('results');
  if (!input || !results || !results.dataset.index) { return; }
  var base = results.dataset.index;
  var total = Number(results.dataset.entries) || 0; // entries in the index
  var keys = new Set((results.dataset.keys || '').split(' ')); // its terms files
  var list = document.getElementById('result-list');
  var count = document.getElementById('result-count');
  var overview = document.getElementById('overview');
  var LIMIT = 50, CHUNK = 128;

  // Loaded files, by name: a promise of their content (null when there is none).
  var files = {};
  var waiting = {};
  window.errcatSearch = {
    terms: function (key, terms) { arrive('t-' + hex(key) + '.js', terms); },
    rows: function (n, rows) { arrive('r-' + n + '.js', rows); },
    words: function (words) { arrive('words.js', words || []); }
  };
  function arrive(name, data) {
    if (waiting[name]) { waiting[name](data); delete waiting[name]; }
  }
  function load(name) {
    if (!files[name]) {
      files[name] = new Promise(function (resolve) {
        waiting[name] = resolve;
        var s = document.createElement('script');
        s.src = base + name;
        s.async = true;
        s.onerror = function () { arrive(name, null); };
        document.head.appendChild(s);
      });
    }
    return files[name];
  }
  function hex(s) {
    var bytes = new TextEncoder().encode(s), out = '';
    for (var i = 0; i < bytes.length; i++) { out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16); }
    return out;
  }
  function chars(s) { return Array.from(s); }

  // best resolves, for word w, to each entry's best class for it (0 its code, 1 its
  // title, 2 elsewhere, 3 an operation of a code every operation returns; NONE where
  // no term of it begins with w). The last words
  // searched are kept: typing on after a word does not search it again.
  var NONE = 255, memo = new Map();
  function best(w) {
    if (memo.has(w)) { return memo.get(w); }
    var key = chars(w).slice(0, 2).join('');
    var one = chars(w).length === 1;
    var file = keys.has(hex(key)) ? load('t-' + hex(key) + '.js') : Promise.resolve(null);
    var p = file.then(function (terms) {
      var out = new Uint8Array(total).fill(NONE);
      (terms || []).forEach(function (t) {
        if (one ? t[0] !== w : t[0].indexOf(w) !== 0) { return; }
        var e = 0, posts = t[1];
        for (var i = 0; i < posts.length; i++) {
          e += posts[i] >> 2;
          var c = posts[i] & 3;
          if (c < out[e]) { out[e] = c; }
        }
      });
      return out;
    });
    memo.set(w, p);
    if (memo.size > 32) { memo.delete(memo.keys().next().value); }
    return p;
  }

  // bestOf resolves, for the alternative words ws of one position, to each entry's
  // best class for any of them.
  function bestOf(ws) {
    if (ws.length === 1) { return best(ws[0]); }
    return Promise.all(ws.map(best)).then(function (bs) {
      var out = new Uint8Array(total).fill(NONE);
      bs.forEach(function (b) { for (var e = 0; e < total; e++) { if (b[e] < out[e]) { out[e] = b[e]; } } });
      return out;
    });
  }

  // match resolves to the entries that hold, for each position of alts, one of its
  // words, best first: by the sum of their classes, then in catalog order. The hits
  // are entry numbers in an Int32Array: a word most entries hold makes no object per
  // entry.
  function match(alts) {
    return Promise.all(alts.map(bestOf)).then(function (bests) {
      var n = bests.length, sums = new Uint8Array(total), counts = new Int32Array(3 * n + 2);
      for (var e = 0; e < total; e++) {
        var sum = 0;
        for (var k = 0; k < n; k++) {
          var c = bests[k][e];
          if (c === NONE) { sum = -1; break; }
          sum += c;
        }
        sums[e] = sum < 0 ? NONE : sum;
        if (sum >= 0) { counts[sum + 1]++; }
      }
      for (var s = 1; s < counts.length; s++) { counts[s] += counts[s - 1]; }
      var hits = new Int32Array(counts[counts.length - 1]);
      for (e = 0; e < total; e++) {
        if (sums[e] !== NONE) { hits[counts[sums[e]]++] = e; }
      }
      return hits;
    });
  }

  // rows resolves to the rows of the entries hits, in order.
  function rows(hits) {
    return Promise.all(Array.prototype.map.call(hits, function (i) {
      return load('r-' + Math.floor(i / CHUNK) + '.js').then(function (chunk) {
        var r = chunk && chunk[i % CHUNK];
        return { id: r[0], title: r[1], status: r[2], category: r[3], href: r[4], catalog: r[5] || '' };
      });
    }));
  }

  // Typos, as Go's Index.near: the words of the catalogs within one edit of a word
  // of four to six characters, two of a longer one (an edit inserts, deletes,
  // replaces or swaps two neighbours), the first eight in sorted order.
  function near(w) {
    var rw = chars(w), typos = rw.length >= 7 ? 2 : 1;
    if (rw.length < 4) { return Promise.resolve([]); }
    return load('words.js').then(function (words) {
      var out = [];
      for (var i = 0; i < (words || []).length && out.length < 8; i++) {
        var rv = chars(words[i]);
        if (Math.abs(rv.length - rw.length) <= typos && distance(rw, rv, typos) <= typos) { out.push(words[i]); }
      }
      return out;
    });
  }
  // distance is the optimal string alignment distance of a and b, or limit+1 once it
  // is known to exceed limit.
  function distance(a, b, limit) {
    var prev2 = [], prev = [], cur = [], j;
    for (j = 0; j <= b.length; j++) { prev[j] = j; }
    for (var i = 1; i <= a.length; i++) {
      cur[0] = i;
      var low = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) { cur[j] = Math.min(cur[j], prev2[j - 2] + 1); }
        low = Math.min(low, cur[j]);
      }
      if (low > limit) { return limit + 1; }
      var t = prev2; prev2 = prev; prev = cur; cur = t;
    }
    return prev[b.length];
  }

  // search resolves to the hits of query, with the words searched instead when
  // nothing matched it as written (as Go's Index.Search).
  function search(query) {
    var words = query.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
    if (words.length === 0) { return Promise.resolve({ hits: new Int32Array(0) }); }
    var alts = words.map(function (w) { return [w]; });
    return match(alts).then(function (hits) {
      if (hits.length) { return { hits: hits }; }
      var suggestions = [];
      var step = Promise.resolve(true);
      alts.forEach(function (a, i) {
        step = step.then(function (ok) {
          if (!ok) { return false; }
          return match([a]).then(function (alone) {
            if (alone.length) { return true; }
            return near(a[0]).then(function (ws) {
              alts[i] = ws;
              suggestions = suggestions.concat(ws);
              return ws.length > 0;
            });
          });
        });
      });
      return step.then(function (ok) {
        if (!ok) { return { hits: new Int32Array(0) }; }
        return match(alts).then(function (h) { return { hits: h, suggestions: suggestions }; });
      });
    });
  }

  // The ids search finds for a query, for tests that compare it with Go's.
  window.errcatFind = function (query) {
    return search(query).then(function (r) { return rowsOf(r.hits); });
    function rowsOf(hits) { return rows(hits).then(function (rs) { return rs.map(function (r) { return r.id; }); }); }
  };
  // Timings of the last searches in milliseconds, from the input event to the
  // results on screen, for the browser test and the curious.
  window.errcatTimings = [];

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

  // Each render is numbered: one that a later keystroke overtook shows nothing.
  var shown = 0;
  function render(query) {
    var q = query.trim();
    var seq = ++shown;
    results.dataset.query = q;
    if (!q) {
      results.hidden = true;
      if (overview) { overview.classList.remove('searching'); }
      list.textContent = '';
      return Promise.resolve();
    }
    return search(q).then(function (found) {
      var hits = found.hits;
      return rows(hits.subarray(0, LIMIT)).then(function (rs) {
        if (seq !== shown) { return; }
        var frag = document.createDocumentFragment();
        rs.forEach(function (e) { frag.appendChild(item(e)); });
        list.textContent = '';
        list.appendChild(frag);
        if (hits.length === 0) {
          count.textContent = 'No errors found matching your search.';
        } else if (hits.length > LIMIT) {
          count.textContent = hits.length + ' errors match; the first ' + LIMIT + ' are shown.';
        } else {
          count.textContent = hits.length === 1 ? '1 error matches.' : hits.length + ' errors match.';
        }
        if (hits.length && found.suggestions) {
          count.textContent = 'Nothing matches as written; showing matches for ' + found.suggestions.join(', ') + '. ' + count.textContent;
        }
        results.dataset.count = String(hits.length);
        results.hidden = false;
        if (overview) { overview.classList.add('searching'); }
      });
    });
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
    rememberSoon(input.value);
    render(input.value).then(function () {
      // After the next frame is painted: the time a reader waits.
      requestAnimationFrame(function () {
        setTimeout(function () {
          window.errcatTimings.push(performance.now() - start);
          results.dataset.done = String(window.errcatTimings.length);
        }, 0);
      });
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
