// Package portal generates the documentation portal of error catalogs: a static site
// (an index with the overview table and a search box, one page per code in every
// locale, example responses in each envelope), a Markdown document (an overview
// table, then per-code sections), a search index shared by the browser, the JSON API
// and the terminal, and the server behind errcat serve.
//
// Pages are rendered with html/template, so every catalog text and parameter is
// escaped; styles and scripts are embedded and served with the site, nothing is
// fetched from elsewhere. The site reads without JavaScript; JavaScript adds search.
//
// Layout of a site of one catalog (several catalogs each get catalogs/NAME/ and the
// root lists them):
//
//	index.html                 overview table by category, search
//	search-index.js            the search index of the default locale
//	errors/CODE/index.html     one page per code; variants are sections of it
//	LOCALE/...                 the same for each translation
//	assets/style.css, assets/search.js
//	404.html
//
// so a catalog whose docs_url is https://docs.example.com/errors/{code}/ points at
// the pages of the site published at https://docs.example.com/.
package portal
