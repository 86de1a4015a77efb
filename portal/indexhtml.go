package portal

// writeIndex writes the main of the index of a catalog in a locale: its overview
// table, a group of rows a section, and the footnotes of its groups of operations.
func writeIndex(w htmlWriter, p *page) {
	w.markup("<h1>")
	w.text(p.Cat.Title)
	w.markup("</h1>")
	if p.Cat.Description != "" {
		w.markup("\n<p class=\"lead\">")
		w.text(p.Cat.Description)
		w.markup("</p>")
	}
	w.markup("\n<p class=\"meta\">")
	w.text(p.Count)
	if p.Cat.Version != "" {
		w.markup(" · version ")
		w.text(p.Cat.Version)
	}
	if len(p.Languages) > 1 {
		w.markup(" · ")
		w.int(len(p.Languages))
		w.markup(" languages")
	}
	w.markup("</p>\n")
	w.results(p)
	w.markup("\n<div id=\"overview\">\n<h2 id=\"overview-title\">Overview</h2>\n<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"overview-title\">\n<table>\n<thead><tr><th scope=\"col\">Code</th><th scope=\"col\">Title</th>")
	cols := p.Columns
	if cols.Status {
		w.markup(`<th scope="col">HTTP status</th>`)
	}
	if cols.Summary {
		w.markup(`<th scope="col">Description</th>`)
	}
	if cols.ReturnedBy {
		w.markup(`<th scope="col">Returned By</th>`)
	}
	w.markup("</tr></thead>")
	for _, g := range p.Groups {
		w.markup("\n<tbody>")
		if g.Title != "" {
			w.markup("\n<tr class=\"group\"><th scope=\"colgroup\" colspan=\"")
			w.int(cols.Span)
			w.markup(`" id="`)
			w.attr(g.ID)
			w.markup(`">`)
			w.text(g.Title)
			w.markup("</th></tr>")
		}
		for i := range g.Rows {
			writeRow(w, p, &g.Rows[i])
		}
		w.markup("\n</tbody>")
	}
	w.markup("\n</table>\n</div>")
	if len(p.Footnotes) > 0 {
		w.markup("\n<dl class=\"footnotes\">")
		for _, f := range p.Footnotes {
			w.markup("\n<dt>")
			w.text(f.Mark)
			w.markup(" ")
			w.text(f.Title)
			w.markup("</dt><dd>")
			w.text(f.Description)
			w.markup("</dd>")
		}
		w.markup("\n</dl>")
	}
	w.markup("\n</div>")
}

// writeRow writes one row of the overview table of p.
func writeRow(w htmlWriter, p *page, r *row) {
	w.markup("\n<tr")
	if r.Variant {
		w.markup(` class="variant"`)
	}
	w.markup(`><td><a href="`)
	w.url(p.Home)
	w.url(r.Href)
	w.markup(`"><code>`)
	w.text(r.ID)
	w.markup("</code></a>")
	if r.Deprecated {
		w.markup(` <span class="badge deprecated">deprecated</span>`)
	}
	w.markup("</td><td")
	if r.TitleFallback {
		w.fallbackAttrs(p.Cat.DefaultLocale)
	}
	w.markup(">")
	w.text(r.Title)
	w.markup("</td>")
	if p.Columns.Status {
		w.markup("<td>")
		if r.Status != 0 {
			w.int(r.Status)
		} else {
			w.markup(`<span class="missing">none</span>`)
		}
		w.markup("</td>")
	}
	if p.Columns.Summary {
		w.markup("<td")
		if r.SummaryFallback {
			w.fallbackAttrs(p.Cat.DefaultLocale)
		}
		w.markup(">")
		w.text(r.Summary)
		w.markup("</td>")
	}
	if p.Columns.ReturnedBy {
		w.markup("<td>")
		w.ops(r.ReturnedBy)
		w.markup("</td>")
	}
	w.markup("</tr>")
}

// fallbackAttrs writes the attributes of a table cell shown in the default locale.
func (w htmlWriter) fallbackAttrs(lang string) {
	w.markup(` class="fallback" lang="`)
	w.attr(lang)
	w.markup(`"`)
}

// writeCatalogs writes the main of the root page of a site of several catalogs: a
// table of them.
func writeCatalogs(w htmlWriter, p *page) {
	w.markup("<h1>")
	w.text(p.Site.Title)
	w.markup("</h1>\n<p class=\"lead\">")
	w.int(len(p.Site.Catalogs))
	w.markup(" catalogs, ")
	w.text(p.Count)
	w.markup(". Search looks through all of them.</p>\n")
	w.results(p)
	w.markup("\n<div id=\"overview\">\n<h2 id=\"catalogs-title\">Catalogs</h2>\n<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"catalogs-title\">\n<table>\n<thead><tr><th scope=\"col\">Catalog</th><th scope=\"col\">Title</th><th scope=\"col\">Codes</th><th scope=\"col\">Languages</th></tr></thead>\n<tbody>")
	for _, c := range p.Catalogs {
		w.markup(`
<tr><td><a href="`)
		w.url(c.Href)
		w.markup(`"><code>`)
		w.text(c.Name)
		w.markup("</code></a></td><td>")
		w.text(c.Title)
		if c.Description != "" {
			w.markup("<br><small>")
			w.text(c.Description)
			w.markup("</small>")
		}
		w.markup("</td><td>")
		w.text(c.Count)
		w.markup("</td><td>")
		for i, l := range c.Locales {
			if i > 0 {
				w.markup(", ")
			}
			w.text(l)
		}
		w.markup("</td></tr>")
	}
	w.markup("\n</tbody>\n</table>\n</div>\n</div>")
}

// writeNotFound writes the main of the page a server answers for an address the
// site does not have.
func writeNotFound(w htmlWriter, p *page) {
	w.markup("<h1>Page not found</h1>\n<p>No page of this site has this address. The <a href=\"")
	w.url(p.Root)
	w.markup("\">index</a> lists every code and searches them.</p>")
}

// results writes the search results of an index page, empty until a script fills
// them, and what a browser without scripts shows instead.
func (w htmlWriter) results(p *page) {
	w.markup(`<section id="results" aria-label="Search results" data-index="`)
	w.attr(p.SearchIndex)
	w.markup(`" data-entries="`)
	w.int(p.Entries)
	w.markup(`" data-keys="`)
	w.attr(p.SearchKeys)
	w.markup("\" hidden>\n<p id=\"result-count\" role=\"status\" aria-live=\"polite\"></p>\n<ol id=\"result-list\"></ol>\n</section>\n<noscript><p class=\"help\">Search needs JavaScript; every code is listed below.</p></noscript>")
}
