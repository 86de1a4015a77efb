// Package portal generates the documentation portal of error catalogs: a static site
// (an index with the overview table and a search box, one page per code in every
// locale, with each form of a message that has a plural or select, an example
// response), a Markdown document laid out from what the catalog
// holds (an overview table where codes have short texts, per-code sections where they
// add to it), a search index shared by the browser, the JSON API and the terminal,
// and the server behind errcat serve.
//
// Pages are written by an htmlWriter, whose every method escapes what it writes as
// html/template does in that context, so every catalog text and parameter is escaped
// and no catalog value becomes a link of a scheme other than http, https or mailto;
// styles and scripts are embedded and served with the site, nothing is fetched from
// elsewhere. The site reads without JavaScript; JavaScript adds search.
//
// Layout of a site of one catalog (several catalogs each get catalogs/NAME/ and the
// root lists them and searches all of them):
//
//	index.html                 overview table by category, search
//	search/t-KEY.js, r-N.js    the search index of the default locale, in parts
//	search/words.js            the words a typo is corrected to
//	errors/CODE/index.html     one page per code; variants are sections of it
//	LOCALE/...                 the same for each translation
//	assets/style.css, assets/search.js
//	404.html, favicon.ico
//	.errcat-site               the marker that lets a later build replace the site
//
// so a catalog whose docs_url is https://docs.example.com/errors/{code}/ points at
// the pages of the site published at https://docs.example.com/. CODE is the code
// with any byte other than a letter, digit or '-' escaped as _XX (see segment), so
// two codes never share a page.
//
// # One site, two ways of serving it
//
// A site is a set of named files, each rendered by one function. docs build writes
// them all; errcat serve renders each when it is first asked for and keeps the most
// recent in a cache of bounded size, so its memory follows the catalogs, not their
// pages (at 50,000 codes in six locales, 300,000 pages). A code page shows the
// example response of one envelope; the server renders the others on demand
// (/api/errors/{code}/render?envelope=NAME), rather than every page carrying four.
//
// # Search: a split index for the browser, the same index in Go
//
// Search matches the beginnings of terms (see [Index]) rather than any substring.
// That is what lets the static site split its index by the first two characters of
// each term: a word typed loads one file, the terms that begin with those two
// characters and the entries holding each, and the results listed load their rows
// by chunks of 128. A page never downloads the whole index (at 50,000 codes typing
// "thing 1234" loads about 330 KB, where the whole index of one locale was 21 MB),
// and each keystroke searches only what its words can match. The files load as
// scripts, so the site works from file:// and under a Content-Security-Policy of
// 'self', on any static host, with nothing to run on the server.
//
// The alternatives cost more: searching on the server only would leave the static
// site without search; an index of every substring (n-grams) is several times the
// size of the text; and shipping the whole index, as before, grows each page's first
// search with the catalog. The price is that a word matches from the start of a term
// only ("ocate" does not find "locate"), and a single character must be a whole term.
// Typos are forgiven alike in Go and in the browser: when a query finds nothing, the
// browser loads the catalogs' words once (search/words.js: the vocabulary, not the
// index) and replaces each word nothing matches by those within one or two edits of
// it, by the rule of [Index.Search]. errcat serve answers the same files from its
// in-memory index, and the API and explain --search run the same rules over sorted
// terms and posting lists, so all three find the same codes.
package portal
