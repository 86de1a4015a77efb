package portal

// writeCode writes the main of the page of code c: its facts, texts, parameters,
// operations, variants, translations and example responses.
func writeCode(w htmlWriter, c *codePage) {
	w.markup("\n<article class=\"code\">\n<h1><code>")
	w.text(c.ID)
	w.markup("</code> ")
	w.show(c.Heading)
	w.markup("</h1>")
	if c.Name != "" {
		w.markup("\n<p class=\"name\">Name <code>")
		w.text(c.Name)
		w.markup("</code></p>")
	}
	if c.Summary.HTML != "" {
		w.markup("\n<p class=\"lead\">")
		w.show(c.Summary)
		w.markup("</p>")
	}
	writeFacts(w, c)
	writeDeprecated(w, c.Deprecated)
	w.markup("\n<section aria-labelledby=\"message\">\n<h2 id=\"message\">Message</h2>\n<p class=\"message\">")
	w.show(c.Message)
	w.markup("</p>")
	writeForms(w, c.Forms, c.Message)
	w.markup("\n</section>")
	writeParams(w, c.Params)
	if c.Description.HTML != "" {
		w.markup("\n<section aria-labelledby=\"description\">\n<h2 id=\"description\">Description</h2>\n<p>")
		w.show(c.Description)
		w.markup("</p>\n</section>")
	}
	if len(c.Causes.Items) > 0 {
		w.markup("\n<section aria-labelledby=\"causes\">\n<h2 id=\"causes\">Root Cause</h2>\n")
		w.list(c.Causes)
		w.markup("\n</section>")
	}
	if len(c.Resolutions.Items) > 0 {
		w.markup("\n<section aria-labelledby=\"resolutions\">\n<h2 id=\"resolutions\">Resolution</h2>\n")
		w.list(c.Resolutions)
		w.markup("\n</section>")
	}
	writeReturnedBy(w, c.ReturnedBy)
	writeVariants(w, c.Variants)
	writeRelated(w, c)
	writeExamples(w, c)
	writePager(w, c.Prev, c.Next)
	w.markup("\n</article>")
}

// writeFacts writes the list of c's statuses, category, retry, visibility, log
// level and docs URL.
func writeFacts(w htmlWriter, c *codePage) {
	w.markup("\n<dl class=\"facts\">\n<dt>HTTP status</dt><dd>")
	if c.Status != 0 {
		w.int(c.Status)
	} else {
		w.markup(`<span class="missing">none given; a server answers 500</span>`)
	}
	w.markup("</dd>")
	if c.GRPC != "" {
		w.markup("\n<dt>gRPC status</dt><dd><code>")
		w.text(c.GRPC)
		w.markup("</code></dd>")
	}
	if c.Category != "" {
		w.markup("\n<dt>Category</dt><dd>")
		w.text(c.Category)
		w.markup("</dd>")
	}
	if c.Retryable {
		w.markup("\n<dt>Retryable</dt><dd>yes</dd>")
	} else {
		w.markup("\n<dt>Retryable</dt><dd>no</dd>")
	}
	if c.Internal {
		w.markup("\n<dt>Public</dt><dd>no: clients see only the generic text of the status</dd>")
	}
	w.markup("\n<dt>Log level</dt><dd>")
	w.text(c.LogLevel)
	w.markup("</dd>")
	if c.DocsURL != "" {
		w.markup("\n<dt>Docs URL</dt><dd><code>")
		w.text(c.DocsURL)
		w.markup("</code></dd>")
	}
	w.markup("\n</dl>")
}

// writeParams writes the table of a code's parameters, when it has any.
func writeParams(w htmlWriter, params []paramView) {
	if len(params) == 0 {
		return
	}
	w.markup("\n<section aria-labelledby=\"parameters\">\n<h2 id=\"parameters\">Parameters</h2>\n<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"parameters\">\n<table>\n<thead><tr><th scope=\"col\">Index</th><th scope=\"col\">Name</th><th scope=\"col\">Type</th><th scope=\"col\">Description</th><th scope=\"col\">Example</th></tr></thead>\n<tbody>")
	for _, p := range params {
		w.markup("\n<tr><td><code>{")
		w.int(p.Index)
		w.markup("}</code></td><td><code>")
		w.text(p.Name)
		w.markup("</code>")
		if p.Sensitive {
			w.markup(` <span class="badge" title="Logs and telemetry show this value redacted; responses keep it.">sensitive</span>`)
		}
		w.markup("</td><td>")
		w.text(p.Kind)
		w.markup("</td><td>")
		w.text(p.Description)
		w.markup("</td><td>")
		if p.Example != "" {
			w.markup("<code>")
			w.text(p.Example)
			w.markup("</code>")
		}
		w.markup("</td></tr>")
	}
	w.markup("\n</tbody>\n</table>\n</div>\n</section>")
}

// writeForms writes a table of the forms of each choice of a message, marked with
// the message's language when it is shown in the default locale.
func writeForms(w htmlWriter, forms []formTable, msg text) {
	for _, f := range forms {
		w.markup("\n<div class=\"scroll forms\" tabindex=\"0\" role=\"region\" aria-label=\"Forms of ")
		w.attr(f.Param)
		w.markup("\">\n<table")
		if msg.Fallback {
			w.markup(` lang="`)
			w.attr(msg.Lang)
			w.markup(`"`)
		}
		w.markup(">\n<caption>Forms of <code>")
		w.text(f.Param)
		w.markup("</code> (")
		w.text(f.Type)
		w.markup(")</caption>\n<thead><tr><th scope=\"col\">")
		if f.Type == "select" {
			w.markup("Key")
		} else {
			w.markup("Category")
		}
		w.markup("</th><th scope=\"col\">Value</th><th scope=\"col\">Text</th></tr></thead>\n<tbody>")
		for _, r := range f.Rows {
			w.markup("\n<tr><td><code>")
			w.text(r.Case)
			w.markup("</code></td><td><code>")
			w.text(r.Value)
			w.markup("</code></td><td>")
			w.text(r.Text)
			w.markup("</td></tr>")
		}
		if f.More > 0 {
			w.markup("\n<tr><td colspan=\"3\">")
			w.int(f.More)
			w.markup(" more not shown</td></tr>")
		}
		w.markup("\n</tbody>\n</table>\n</div>")
	}
}

// writeReturnedBy writes the list of the operations that return a code, when any do.
func writeReturnedBy(w htmlWriter, ops []operationView) {
	if len(ops) == 0 {
		return
	}
	w.markup("\n<section aria-labelledby=\"returned-by\">\n<h2 id=\"returned-by\">Returned By</h2>\n<ul>")
	for _, op := range ops {
		w.markup("\n<li>")
		if op.All {
			w.markup("Every operation")
		} else {
			w.text(op.Title)
			if op.Description != "" {
				w.markup("<br><small>")
				w.text(op.Description)
				w.markup("</small>")
			}
		}
		w.markup("</li>")
	}
	w.markup("\n</ul>\n</section>")
}

// writeVariants writes a section for each variant of a code, when it has any.
func writeVariants(w htmlWriter, variants []variantView) {
	if len(variants) == 0 {
		return
	}
	w.markup("\n<section aria-labelledby=\"variants\">\n<h2 id=\"variants\">Variants</h2>\n<p>The same code with other texts, chosen when a parameter is not given.</p>")
	for _, v := range variants {
		w.markup("\n<section class=\"variant\" id=\"")
		w.attr(v.Anchor)
		w.markup(`" aria-labelledby="`)
		w.attr(v.Anchor)
		w.markup("-title\">\n<h3 id=\"")
		w.attr(v.Anchor)
		w.markup(`-title"><code>`)
		w.text(v.ID)
		w.markup("</code> ")
		w.show(v.Title)
		w.markup("</h3>\n<p class=\"meta\">")
		w.text(v.When)
		if v.Status != 0 {
			w.markup(" · HTTP ")
			w.int(v.Status)
		}
		if len(v.ReturnedBy) > 0 {
			w.markup(" · Returned by ")
			w.ops(v.ReturnedBy)
		}
		w.markup("</p>\n<h4>Message</h4>\n<p class=\"message\">")
		w.show(v.Message)
		w.markup("</p>")
		writeForms(w, v.Forms, v.Message)
		if v.Description.HTML != "" {
			w.markup("\n<h4>Description</h4>\n<p>")
			w.show(v.Description)
			w.markup("</p>")
		}
		if len(v.Causes.Items) > 0 {
			w.markup("\n<h4>Root Cause</h4>\n")
			w.list(v.Causes)
		}
		if len(v.Resolutions.Items) > 0 {
			w.markup("\n<h4>Resolution</h4>\n")
			w.list(v.Resolutions)
		}
		w.markup("\n</section>")
	}
	w.markup("\n</section>")
}

// writeRelated writes the codes c replaces and c's page in the other locales.
func writeRelated(w htmlWriter, c *codePage) {
	if len(c.Replaces) > 0 {
		w.markup("\n<section aria-labelledby=\"replaces\">\n<h2 id=\"replaces\">Replaces</h2>\n<p>Deprecated codes that name this one as their replacement:")
		for i, l := range c.Replaces {
			if i > 0 {
				w.markup(",")
			}
			w.markup(` <a href="`)
			w.url(l.Href)
			w.markup(`"><code>`)
			w.text(l.Text)
			w.markup("</code></a>")
		}
		w.markup(".</p>\n</section>")
	}
	if len(c.Translations) > 0 {
		w.markup("\n<section aria-labelledby=\"translations\">\n<h2 id=\"translations\">Translations</h2>\n<ul>")
		for _, t := range c.Translations {
			w.markup("\n<li>")
			if t.Current {
				w.markup(`<span lang="`)
				w.attr(t.Locale)
				w.markup(`">`)
				w.text(t.Name)
				w.markup("</span> (this page)")
			} else {
				w.markup(`<a href="`)
				w.url(t.Href)
				w.markup(`" hreflang="`)
				w.attr(t.Locale)
				w.markup(`" lang="`)
				w.attr(t.Locale)
				w.markup(`">`)
				w.text(t.Name)
				w.markup("</a>")
			}
			w.markup(": ")
			w.text(t.State)
			w.markup("</li>")
		}
		w.markup("\n</ul>\n</section>")
	}
}

// writeExamples writes c's example response and gRPC status.
func writeExamples(w htmlWriter, c *codePage) {
	w.markup("\n<section aria-labelledby=\"responses\">\n<h2 id=\"responses\">Example responses</h2>\n<p>The response a client gets")
	if c.ExampleNote != "" {
		w.markup(" ")
		w.text(c.ExampleNote)
	}
	w.markup(". In another envelope (")
	for i, e := range c.OtherEnvelopes {
		if i > 0 {
			w.markup(", ")
		}
		w.markup("<code>")
		w.text(e)
		w.markup("</code>")
	}
	w.markup("), <code>errcat serve</code> answers it at <code>/api/errors/")
	w.text(c.ID)
	w.markup("/render?envelope=NAME</code>.</p>")
	for _, r := range c.Responses {
		w.markup("\n<details")
		if r.Open {
			w.markup(" open")
		}
		w.markup(">\n<summary><code>")
		w.text(r.Envelope)
		w.markup("</code> <small>")
		w.text(r.ContentType)
		w.markup("</small></summary>\n<pre><code>")
		w.text(r.Text)
		w.markup("</code></pre>\n</details>")
	}
	w.markup("\n</section>")
	if c.GRPCExample != "" {
		w.markup("\n<section aria-labelledby=\"grpc-status\">\n<h2 id=\"grpc-status\">gRPC status</h2>\n<p>What <code>grpcurl</code> prints when a gRPC server using <code>grpcerr</code> answers with this error")
		if c.ExampleNote != "" {
			w.markup(" ")
			w.text(c.ExampleNote)
		}
		w.markup(".</p>\n<pre><code>")
		w.text(c.GRPCExample)
		w.markup("</code></pre>\n</section>")
	}
}

// writeDeprecated writes the deprecation of a code, when it is deprecated.
func writeDeprecated(w htmlWriter, dep *deprecationView) {
	if dep == nil {
		return
	}
	w.markup("\n<section class=\"deprecated\" aria-labelledby=\"deprecated\">\n<h2 id=\"deprecated\">Deprecated</h2>\n<p>")
	if dep.Since != "" {
		w.markup("Deprecated since version ")
		w.text(dep.Since)
		w.markup(".")
	} else {
		w.markup("Deprecated.")
	}
	if dep.ReplacedBy != "" {
		w.markup(` Use <a href="`)
		w.url(dep.ReplacedByHref)
		w.markup(`"><code>`)
		w.text(dep.ReplacedBy)
		w.markup("</code></a> instead.")
	}
	w.markup("</p>")
	if dep.Note != "" {
		w.markup("\n<p>")
		w.text(dep.Note)
		w.markup("</p>")
	}
	w.markup("\n</section>")
}

// writePager writes the links to the codes before and after a code.
func writePager(w htmlWriter, prev, next *link) {
	w.markup("\n<nav class=\"pager\" aria-label=\"Codes\">")
	if prev != nil {
		w.markup(`<a rel="prev" href="`)
		w.url(prev.Href)
		w.markup(`">← <code>`)
		w.text(prev.Text)
		w.markup("</code></a>")
	}
	if next != nil {
		w.markup(`<a rel="next" href="`)
		w.url(next.Href)
		w.markup(`"><code>`)
		w.text(next.Text)
		w.markup("</code> →</a>")
	}
	w.markup("\n</nav>")
}
