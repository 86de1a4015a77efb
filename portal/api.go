package portal

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/common"
	"github.com/errcat/errcat/httperr"
)

// apiEntry is one code in the answer of GET /api/errors.
type apiEntry struct {
	Catalog  string `json:"catalog"`
	ID       string `json:"id"`
	Code     string `json:"code"`
	Name     string `json:"name,omitempty"`
	Title    string `json:"title"`
	Summary  string `json:"summary,omitempty"`
	Status   int    `json:"status,omitempty"`
	Category string `json:"category,omitempty"`
	URL      string `json:"url"`
}

// apiSearch is the answer of GET /api/errors.
type apiSearch struct {
	Query       string     `json:"query"`
	Total       int        `json:"total"`
	Fuzzy       bool       `json:"fuzzy"`
	Suggestions []string   `json:"suggestions,omitempty"`
	Errors      []apiEntry `json:"errors"`
}

// apiParam is one parameter in the answer of GET /api/errors/{code}.
type apiParam struct {
	Name        string `json:"name"`
	Type        string `json:"type"`
	Description string `json:"description,omitempty"`
	Example     string `json:"example,omitempty"`
	// Sensitive reports whether logs and telemetry show the value redacted.
	Sensitive bool `json:"sensitive,omitempty"`
}

// apiCode is the answer of GET /api/errors/{code}: texts are template sources.
type apiCode struct {
	Catalog   string `json:"catalog"`
	ID        string `json:"id"`
	Code      string `json:"code"`
	Name      string `json:"name,omitempty"`
	Status    int    `json:"status,omitempty"`
	GRPC      string `json:"grpc,omitempty"`
	Category  string `json:"category,omitempty"`
	Retryable bool   `json:"retryable"`
	Public    bool   `json:"public"`
	Locale    string `json:"locale"`
	Title     string `json:"title,omitempty"`
	Message   string `json:"message"`
	// MessageForms are the forms of the message, by its choices (see messageForms).
	MessageForms []formTable     `json:"message_forms,omitempty"`
	Summary      string          `json:"summary,omitempty"`
	Description  string          `json:"description,omitempty"`
	Causes       []string        `json:"causes,omitempty"`
	Resolutions  []string        `json:"resolutions,omitempty"`
	Params       []apiParam      `json:"params,omitempty"`
	ReturnedBy   []string        `json:"returned_by,omitempty"`
	Variants     []string        `json:"variants,omitempty"`
	Parent       string          `json:"parent,omitempty"`
	Deprecated   *apiDeprecation `json:"deprecated,omitempty"`
	DocsURL      string          `json:"docs_url,omitempty"`
	URL          string          `json:"url"`
	Translated   map[string]bool `json:"translated,omitempty"`
}

type apiDeprecation struct {
	Since      string `json:"since,omitempty"`
	ReplacedBy string `json:"replaced_by,omitempty"`
	Note       string `json:"note,omitempty"`
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	st := s.state.Load()
	if st.site == nil {
		noSite(w, r, st)
		return
	}
	q := r.URL.Query()
	limit := 50
	if l := q.Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > 10000 {
			httperr.Write(w, r, common.InvalidParamOrHeader("limit (a number from 1 to 10000)"))
			return
		}
		limit = n
	}
	only := q.Get("catalog")
	if only != "" {
		if _, err := st.catalog(only); err != nil {
			httperr.Write(w, r, common.InvalidParamOrHeader(err.Error()))
			return
		}
	}
	if err := CheckQuery(q.Get("q")); err != nil {
		httperr.Write(w, r, common.InvalidParamOrHeader("q: "+err.Error()))
		return
	}
	locale := q.Get("locale")
	res := st.index(locale).Search(q.Get("q"))
	out := apiSearch{Query: q.Get("q"), Fuzzy: res.Fuzzy, Suggestions: res.Suggestions, Errors: []apiEntry{}}
	for _, e := range res.Hits {
		if only != "" && e.Catalog != only {
			continue
		}
		out.Total++
		if len(out.Errors) >= limit {
			continue
		}
		v, _ := st.catalog(e.Catalog)
		out.Errors = append(out.Errors, apiEntry{
			Catalog: e.Catalog, ID: e.ID, Code: e.Def.Code(), Name: e.Name, Title: e.Title, Summary: e.Summary,
			Status: e.Status, Category: e.Category, URL: st.pageURL(v, v.matchLocale(locale), e.Href),
		})
	}
	writeJSON(w, out)
}

// noSite answers an API request when there is no site: 503 with Retry-After while
// the first load runs, 500 after it failed.
func noSite(w http.ResponseWriter, r *http.Request, st *state) {
	if st.loading {
		httperr.Write(w, r, httperr.RetryAfter(common.UnableToLoadData(), time.Second))
		return
	}
	httperr.Write(w, r, common.SystemTechnicalIssue())
}

// lookup finds the definition the request names by {code} and ?catalog=, answering
// the request itself when there is none.
func (s *Server) lookup(w http.ResponseWriter, r *http.Request) (*catalogView, *errcat.Definition, bool) {
	st := s.state.Load()
	if st.site == nil {
		noSite(w, r, st)
		return nil, nil, false
	}
	id := r.PathValue("code")
	views := st.site.Catalogs
	if name := r.URL.Query().Get("catalog"); name != "" {
		v, err := st.catalog(name)
		if err != nil {
			httperr.Write(w, r, common.InvalidParamOrHeader(err.Error()))
			return nil, nil, false
		}
		views = []*catalogView{v}
	}
	for _, v := range views {
		if d := v.set.Lookup(id); d != nil {
			return v, d, true
		}
	}
	httperr.Write(w, r, common.UnableToLocate("error code", shorten(id)))
	return nil, nil, false
}

func (s *Server) code(w http.ResponseWriter, r *http.Request) {
	v, d, ok := s.lookup(w, r)
	if !ok {
		return
	}
	st := s.state.Load()
	locale := v.matchLocale(r.URL.Query().Get("locale"))
	out := apiCode{
		Catalog: v.Name, ID: d.ID(), Code: d.Code(), Name: d.Name(), Status: d.Status(), GRPC: d.GRPC(),
		Category: d.Category(), Retryable: d.Retryable(), Public: d.Public(), Locale: locale,
		Title: d.Title(locale).String(), Message: d.Message(locale).String(), Summary: d.Summary(locale).String(),
		Description: d.Description(locale).String(), ReturnedBy: d.ReturnedBy(), DocsURL: d.DocsURL(),
		URL: st.pageURL(v, locale, href(d)),
	}
	if !d.Message(locale).Plain() {
		out.MessageForms = v.forms(v.localized(d, locale))
	}
	for _, t := range d.Causes(locale) {
		out.Causes = append(out.Causes, t.String())
	}
	for _, t := range d.Resolutions(locale) {
		out.Resolutions = append(out.Resolutions, t.String())
	}
	for _, p := range d.Params() {
		out.Params = append(out.Params, apiParam{Name: p.Name, Type: p.Kind.String(), Description: p.Description, Example: p.Example, Sensitive: p.Sensitive})
	}
	for _, vd := range d.Variants() {
		out.Variants = append(out.Variants, vd.ID())
	}
	if p := d.Parent(); p != nil {
		out.Parent = p.ID()
	}
	if dep := d.Deprecated(); dep != nil {
		out.Deprecated = &apiDeprecation{Since: dep.Since, ReplacedBy: dep.ReplacedBy, Note: dep.Note}
	}
	if len(v.Locales) > 1 {
		out.Translated = map[string]bool{}
		for _, loc := range v.Locales[1:] {
			out.Translated[loc] = d.Translated(loc)
		}
	}
	writeJSON(w, out)
}

// render answers with the response a client of a service using httperr gets for the
// code: its headers and body byte for byte, with status 200 (the service's status is
// in the Errcat-Status header). The envelope is the one the query names, else the
// server's, else the one the catalog declares (with its options, which the query
// naming the declared envelope keeps).
func (s *Server) render(w http.ResponseWriter, r *http.Request) {
	v, d, ok := s.lookup(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	env := EnvelopeFor(v.set, s.opts.Envelope)
	if name := q.Get("envelope"); name != "" && name != env.Name() {
		if env = httperr.EnvelopeByName(name); env == nil {
			var names []string
			for _, e := range httperr.Envelopes {
				names = append(names, e.Name())
			}
			httperr.Write(w, r, common.InvalidParamOrHeader("envelope (one of "+strings.Join(names, ", ")+")"))
			return
		}
	}
	values, err := ParseParams(d, q["param"])
	if err != nil {
		httperr.Write(w, r, common.InvalidParamOrHeader("param "+err.Error()))
		return
	}
	// The portal's own request id (its middleware set it) becomes the instance.
	res := Render(d.New(values...), env, q.Get("locale"), 0, w.Header().Get("X-Request-ID"))
	hd := w.Header()
	for name, v := range res.Header {
		hd[name] = v
	}
	hd.Set("Errcat-Status", strconv.Itoa(res.Status))
	w.Write(res.Body)
}

func writeJSON(w http.ResponseWriter, v any) {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(append(data, '\n'))
}
