package catalog

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/internal/parallel"
)

var (
	catalogNameRE = regexp.MustCompile(`^[a-z][a-z0-9_.-]*$`)
	errorNameRE   = regexp.MustCompile(`^[A-Z][A-Za-z0-9]*$`)
	paramNameRE   = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	localeRE      = regexp.MustCompile(`^[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*$`)
	decimalRE     = regexp.MustCompile(`^-?[0-9]+$`)
)

// grpcCodes are the gRPC status code names, in code order.
var grpcCodes = []string{
	"OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
	"ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
	"ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
	"UNAUTHENTICATED",
}

var logLevels = []string{"debug", "info", "warn", "error"}

// merge combines the files' contributions: header fields must agree where several
// files set them; errors, operations and ranges are concatenated.
func (c *Catalog) merge(contents []*fileContent, probs *Problems) {
	header := map[string]*string{
		"catalog": &c.Name, "title": &c.Title, "description": &c.Description, "version": &c.Version,
		"docs_url": &c.DocsURL, "default_locale": &c.DefaultLocale, "code_pattern": &c.CodePattern,
		"wire_code": &c.WireCode,
	}
	for _, fc := range contents {
		for _, field := range headerFields {
			v, ok := fc.header[field]
			if !ok {
				continue
			}
			if prev, set := c.Pos[field]; set && *header[field] != v {
				*probs = append(*probs, Problem{Pos: fc.headerPos[field], Msg: field + " " + strconv.Quote(v) + " disagrees with " + strconv.Quote(*header[field]) + " at " + prev.String()})
				continue
			}
			*header[field] = v
			c.Pos[field] = fc.headerPos[field]
		}
		c.Errors = append(c.Errors, fc.errors...)
		c.Operations = append(c.Operations, fc.operations...)
		c.Ranges = append(c.Ranges, fc.ranges...)
		if r := fc.response; r != nil {
			if c.Response != nil {
				*probs = append(*probs, Problem{Pos: r.Pos, Msg: "response is already declared at " + c.Response.Pos.String() + ": declare the wire shape once"})
			} else {
				c.Response = r
			}
		}
		if fc.translation != nil {
			c.Translations = append(c.Translations, fc.translation)
		}
	}
}

// check reports every problem of the merged catalog that the format forbids. When a
// file could not be parsed, what it may have held (the catalog's name) is not missed.
func (c *Catalog) check(probs *Problems, unread bool) {
	c.index()
	add := func(p Pos, msg string) { *probs = append(*probs, Problem{Pos: p, Msg: msg}) }
	first := Pos{}
	if len(c.Files) > 0 {
		first = Pos{File: c.Files[0]}
	}
	switch {
	case c.Name == "" && len(c.Files) > 0 && !unread:
		add(first, "catalog name missing: add a top-level field such as catalog: payments")
	case c.Name != "" && !catalogNameRE.MatchString(c.Name):
		add(c.Pos["catalog"], "catalog name "+strconv.Quote(c.Name)+" must be lower-case letters, digits, '.', '_' or '-', starting with a letter")
	}
	if c.DefaultLocale == "" {
		c.DefaultLocale = "en"
	} else if !localeRE.MatchString(c.DefaultLocale) {
		add(c.Pos["default_locale"], "default_locale "+strconv.Quote(c.DefaultLocale)+" is not a language tag such as en or pt-BR")
	}
	switch c.WireCode {
	case "":
		c.WireCode = "string"
	case "string", "number":
	default:
		add(c.Pos["wire_code"], "wire_code "+strconv.Quote(c.WireCode)+" must be string or number")
	}
	if c.CodePattern != "" {
		re, err := regexp.Compile(c.CodePattern)
		if err != nil {
			add(c.Pos["code_pattern"], "code_pattern is not a valid regular expression: "+strings.TrimPrefix(err.Error(), "error parsing regexp: "))
		} else {
			c.codeRE = re
		}
	}
	if c.DocsURL != "" && !strings.Contains(c.DocsURL, "{code}") {
		add(c.Pos["docs_url"], "docs_url must contain {code}, where each code's page is, as in https://docs.example.com/errors/{code}")
	}

	c.checkResponse(add)

	ops := map[string]Pos{}
	for _, op := range c.Operations {
		if prev, dup := ops[op.ID]; dup {
			add(op.Pos, "operation "+strconv.Quote(op.ID)+" is already declared at "+prev.String())
		}
		ops[op.ID] = op.Pos
	}

	// Each code is checked on its own: the codes are split among the cores.
	const chunk = 1024
	for _, ps := range inParallel((len(c.Errors)+chunk-1)/chunk, func(i int, add func(Pos, string)) {
		for _, e := range c.Errors[i*chunk : min((i+1)*chunk, len(c.Errors))] {
			c.checkError(e, add)
		}
	}) {
		*probs = append(*probs, ps...)
	}
	codes := map[string]Pos{}
	names := map[string]Pos{}
	for _, e := range c.Errors {
		if e.Code != "" {
			if prev, dup := codes[e.Code]; dup {
				add(e.PosOf("code"), "duplicate code "+strconv.Quote(e.Code)+": also defined at "+prev.String()+"; texts of one code belong in variants")
			} else {
				codes[e.Code] = e.PosOf("code")
			}
		}
		if e.Name != "" {
			if prev, dup := names[e.Name]; dup {
				add(e.PosOf("name"), "duplicate name "+e.Name+": also used at "+prev.String())
			} else {
				names[e.Name] = e.PosOf("name")
			}
		}
	}
	c.checkTranslations(add)
}

// CodeSyntaxOK reports whether code can be a catalog code whatever the catalog's
// code_pattern: it holds no brackets, braces or white space, which would make variant
// ids (code[key]) and templates ambiguous. The empty code is reported apart.
func CodeSyntaxOK(code string) bool { return !strings.ContainsAny(code, "[]{} \t\r\n") }

func (c *Catalog) checkError(e *Entry, add func(Pos, string)) {
	switch {
	case e.Code == "":
		add(e.Pos, "error has no code: add code: \"…\"")
	case c.codeRE != nil && !c.codeRE.MatchString(e.Code):
		add(e.PosOf("code"), "code "+strconv.Quote(e.Code)+" does not match code_pattern "+c.CodePattern)
	case c.WireCode == "number" && !decimalRE.MatchString(e.Code):
		add(e.PosOf("code"), "code "+strconv.Quote(e.Code)+" is not a number, but wire_code is number")
	case !CodeSyntaxOK(e.Code):
		add(e.PosOf("code"), "code "+strconv.Quote(e.Code)+" must not contain brackets, braces or spaces")
	}
	switch {
	case e.Name == "":
		add(e.Pos, "error "+e.Code+" has no name: add an UpperCamelCase name such as name: UnableToLocate")
	case !errorNameRE.MatchString(e.Name):
		add(e.PosOf("name"), "name "+strconv.Quote(e.Name)+" must be UpperCamelCase, such as UnableToLocate")
	}
	if e.GRPC != "" && !slices.Contains(grpcCodes, e.GRPC) {
		add(e.PosOf("grpc"), "grpc "+strconv.Quote(e.GRPC)+" is not a gRPC status code"+suggest(e.GRPC, grpcCodes))
	}
	if e.LogLevel != "" && !slices.Contains(logLevels, e.LogLevel) {
		add(e.PosOf("log_level"), "log_level "+strconv.Quote(e.LogLevel)+" must be debug, info, warn or error")
	}
	c.checkParams(e, add)
	c.checkTexts(e, add)
	keys := map[string]Pos{}
	for _, v := range e.Variants {
		if v.Key == "" {
			add(v.Pos, "variant of "+e.Code+" has no key: add key: \"0\" (shown as "+e.Code+"[0])")
		} else if prev, dup := keys[v.Key]; dup {
			add(v.PosOf("key"), "duplicate variant key "+strconv.Quote(v.Key)+" of "+e.Code+": also at "+prev.String())
		} else if strings.ContainsAny(v.Key, "[]") {
			add(v.PosOf("key"), "variant key "+strconv.Quote(v.Key)+" must not contain brackets")
		} else {
			keys[v.Key] = v.PosOf("key")
		}
		if v.GRPC != "" && !slices.Contains(grpcCodes, v.GRPC) {
			add(v.PosOf("grpc"), "grpc "+strconv.Quote(v.GRPC)+" is not a gRPC status code"+suggest(v.GRPC, grpcCodes))
		}
		if v.ParamsSet && (v.Message == "" || v.Title == "" && e.Title != "") {
			add(v.PosOf("params"), "variant "+v.ID()+" declares params of its own, so it needs its own title and message")
		}
		c.checkParams(v, add)
		c.checkTexts(v, add)
	}
}

// params returns the params a code's or variant's templates are bound to.
func (e *Entry) params() []*Param {
	if e.Parent != nil && !e.ParamsSet {
		return e.Parent.Params
	}
	return e.Params
}

func (c *Catalog) checkParams(e *Entry, add func(Pos, string)) {
	seen := map[string]bool{}
	for _, p := range e.Params {
		switch {
		case p.Name == "":
			add(p.Pos, "param has no name: add name: such as name: id")
		case !paramNameRE.MatchString(p.Name):
			add(p.Pos, "param name "+strconv.Quote(p.Name)+" must be an identifier: letters, digits and _, not starting with a digit")
		case seen[p.Name]:
			add(p.Pos, "param "+p.Name+" is declared twice in "+e.ID())
		}
		seen[p.Name] = true
		if p.Type != "" {
			if _, ok := errcat.ParseKind(p.Type); !ok {
				add(p.Pos, "param "+p.Name+" has type "+strconv.Quote(p.Type)+": want string, int, float, bool, time or duration")
			}
		}
	}
}

// checkTexts checks that the error's texts are given where required and that each
// template parses and names only declared params.
func (c *Catalog) checkTexts(e *Entry, add func(Pos, string)) {
	if e.Message == "" && e.Parent == nil {
		add(e.Pos, "error "+e.Code+" has no message: add the text clients are shown")
	}
	checkTemplates(&e.Texts, e.params(), e.PosOf, add)
}

// checkTemplates checks that each text of t parses and names only params ps; posOf
// says where a field ("title", "causes[1]"…) is, for the problems.
func checkTemplates(t *errcat.Texts, ps []*Param, posOf func(field string) Pos, add func(Pos, string)) {
	var params []errcat.Param // built only when a template needs explaining
	one := func(field, src string) {
		if src == "" || templateOK(src, ps) {
			return
		}
		if params == nil {
			params = runtimeParams(ps)
		}
		if msg, off := templateProblem(src, params); msg != "" {
			add(offsetIn(src, posOf(field), off), field+": "+msg)
		}
	}
	one("title", t.Title)
	one("message", t.Message)
	one("summary", t.Summary)
	one("description", t.Description)
	for i, s := range t.Causes {
		one(indexed("causes", i), s)
	}
	for i, s := range t.Resolutions {
		one(indexed("resolutions", i), s)
	}
}

// checkTranslations checks locales and that translated templates name only params of
// the code they translate. Translations of unknown codes are lint's to report.
func (c *Catalog) checkTranslations(add func(Pos, string)) {
	// The files of one locale are checked together, for repeated translations;
	// locales are checked on every core.
	var locales []string
	byLocale := map[string][]*Translation{}
	for _, tr := range c.Translations {
		switch {
		case tr.Locale == "":
			add(Pos{File: tr.File}, "translation file has an empty locale")
			continue
		case !localeRE.MatchString(tr.Locale):
			add(tr.Pos, "locale "+strconv.Quote(tr.Locale)+" is not a language tag such as vi or pt-BR")
			continue
		case strings.EqualFold(tr.Locale, c.DefaultLocale):
			add(tr.Pos, "locale "+tr.Locale+" is the catalog's default_locale: its texts belong in the catalog itself")
			continue
		}
		l := strings.ToLower(tr.Locale)
		if byLocale[l] == nil {
			locales = append(locales, l)
		}
		byLocale[l] = append(byLocale[l], tr)
	}
	for _, ps := range inParallel(len(locales), func(i int, add func(Pos, string)) {
		c.checkLocale(byLocale[locales[i]], add)
	}) {
		for _, p := range ps {
			add(p.Pos, p.Msg)
		}
	}
}

// checkLocale checks the translation files of one locale.
func (c *Catalog) checkLocale(trs []*Translation, add func(Pos, string)) {
	ids := map[string]Pos{}
	for _, tr := range trs {
		for _, t := range tr.Errors {
			if prev, dup := ids[t.ID]; dup {
				add(t.Pos, "translation of "+t.ID+" into "+tr.Locale+" is already given at "+prev.String())
				continue
			}
			ids[t.ID] = t.Pos
			e := c.Lookup(t.ID)
			if e == nil {
				continue
			}
			checkTemplates(&t.Texts, e.params(), t.PosOf, add)
		}
	}
}

// inParallel calls f(i) for every i below n, on every core, and returns the problems
// each call added, in the order of i, so that the outcome is the same as in turn.
func inParallel(n int, f func(i int, add func(Pos, string))) []Problems {
	out := make([]Problems, n)
	parallel.Each(n, func(i int) {
		f(i, func(p Pos, msg string) { out[i] = append(out[i], Problem{Pos: p, Msg: msg}) })
	})
	return out
}

// templateOK reports, by a quick scan, whether src parses and names only params. It
// errs only towards false: templateProblem then parses src for the message. Loading
// 50,000 codes in five locales scans a million templates; most need no more.
func templateOK(src string, params []*Param) bool {
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '}':
			if i+1 < len(src) && src[i+1] == '}' {
				i++
				continue
			}
			return false
		case '{':
			if i+1 < len(src) && src[i+1] == '{' {
				i++
				continue
			}
			end := strings.IndexByte(src[i+1:], '}')
			if end <= 0 || end > 64 {
				return false
			}
			name := src[i+1 : i+1+end]
			i += end + 1
			if name[0] >= '0' && name[0] <= '9' {
				n := 0
				for j := 0; j < len(name); j++ {
					if name[j] < '0' || name[j] > '9' {
						return false
					}
					n = n*10 + int(name[j]-'0')
				}
				if len(name) > 5 || n >= len(params) {
					return false
				}
				continue
			}
			found := false
			for _, p := range params {
				if p.Name == name { // declared names are checked by checkParams
					found = true
					break
				}
			}
			if !found {
				return false
			}
		}
	}
	return true
}

// templateProblem parses and binds src and returns what is wrong and where, or "".
func templateProblem(src string, params []errcat.Param) (string, int) {
	t, err := errcat.ParseTemplate(src)
	if err == nil {
		_, err = t.Bind(params)
	}
	if te, ok := err.(*errcat.TemplateError); ok {
		return te.Msg, te.Offset
	}
	return "", 0
}

// offsetIn returns the position of byte offset off of text that starts at start. A
// block string's later lines are placed at the first line's column.
func offsetIn(text string, start Pos, off int) Pos {
	off = min(off, len(text))
	before := text[:off]
	if nl := strings.LastIndexByte(before, '\n'); nl >= 0 {
		start.Line += strings.Count(before, "\n")
		before = before[nl+1:]
	}
	if start.Line > 0 {
		start.Col += utf8.RuneCountInString(before)
	}
	return start
}

func runtimeParams(ps []*Param) []errcat.Param {
	out := make([]errcat.Param, len(ps))
	for i, p := range ps {
		k, _ := errcat.ParseKind(p.Type)
		out[i] = errcat.Param{Name: p.Name, Kind: k, Description: p.Description, Example: p.Example, Sensitive: p.Sensitive}
	}
	return out
}
