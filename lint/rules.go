package lint

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
)

var rules = []*Rule{
	{ID: "missing-status", Severity: SeverityError, Doc: "a code has no HTTP status, so servers answer it with 500 (one finding listing them when many have none; none when the catalog declares one transport status)", check: missingStatus},
	{ID: "variant-disagrees", Severity: SeverityError, Doc: "a variant has another HTTP status or other params than its code: one code, two contracts", check: variantDisagrees},
	{ID: "duplicate-text", Severity: SeverityWarning, Doc: "two codes have the same message, so clients cannot tell them apart", check: duplicateText},
	{ID: "status-contradicts-text", Severity: SeverityWarning, Doc: "the HTTP status contradicts the text (a \"not found\" text with 200 or 500, a rate limit with 400…)", check: statusContradictsText},
	{ID: "placeholder-mismatch", Severity: SeverityWarning, Doc: "a title, cause or resolution uses a placeholder the message does not show", check: placeholderMismatch},
	{ID: "translation-placeholders", Severity: SeverityError, Doc: "a translated text leaves out a placeholder of the text it translates, or adds one", check: translationPlaceholders},
	{ID: "plural-categories", Severity: SeverityError, Doc: "a plural lacks a category its locale's CLDR rules use, or has one they never select", check: pluralCategories},
	{ID: "unused-param", Severity: SeverityWarning, Doc: "a param is declared but no text uses it", check: unusedParam},
	{ID: "unknown-translation", Severity: SeverityError, Doc: "a translation is of a code (or variant) the catalog does not define", check: unknownTranslation},
	{ID: "missing-translation", Severity: SeverityWarning, Doc: "a locale leaves codes untranslated (one finding a locale, with the count)", check: missingTranslation},
	{ID: "unknown-replacement", Severity: SeverityError, Doc: "a deprecated code's replaced_by names no code", check: unknownReplacement},
	{ID: "unknown-operation", Severity: SeverityError, Doc: "returned_by names an operation the catalog does not declare", check: unknownOperation},
	{ID: "numeric-gap", Severity: SeverityInfo, Doc: "numeric codes skip numbers inside a contiguous block of codes (000031, then 000033), not between blocks or across declared ranges", check: numericGap},
}

type report = func(pos catalog.Pos, msg string)

// all calls f for every code and every variant.
func all(c *catalog.Catalog, f func(e *catalog.Entry)) {
	for _, e := range c.Errors {
		f(e)
		for _, v := range e.Variants {
			f(v)
		}
	}
}

// manyMissing is how many codes without a status are reported one by one; more are
// one finding that lists them, which a team fixes (or silences) as one decision.
const manyMissing = 10

func missingStatus(c *catalog.Catalog, r report) {
	if c.FixedStatus() != 0 {
		return // every error is answered with the declared transport status
	}
	var missing []*catalog.Entry
	for _, e := range c.Errors {
		// Variants with statuses of their own do not help: the code raised as itself
		// is still answered with 500.
		if e.Status == 0 {
			missing = append(missing, e)
		}
	}
	if len(missing) > manyMissing {
		codes := make([]string, len(missing))
		for i, e := range missing {
			codes[i] = e.Code
		}
		r(missing[0].PosOf("code"), fmt.Sprintf("%d codes have no HTTP status: %s; add status: to each (servers answer them with 500 meanwhile), or declare response: status: when the API answers every error with one status", len(missing), codeList(codes)))
		return
	}
	for _, e := range missing {
		r(e.PosOf("code"), "code "+e.Code+" has no HTTP status: add status: (servers answer it with 500 meanwhile)")
	}
}

// maxListed is how many items of a code list a finding spells out.
const maxListed = 100

// codeList writes codes for a message: runs of consecutive numbers as ranges
// (2000–2032), at most maxListed items, then how many more.
func codeList(codes []string) string {
	var items []string
	for i := 0; i < len(codes); {
		j := i
		for j+1 < len(codes) && consecutive(codes[j], codes[j+1]) {
			j++
		}
		switch {
		case j == i:
			items = append(items, codes[i])
		case j == i+1:
			items = append(items, codes[i], codes[j])
		default:
			items = append(items, codes[i]+"–"+codes[j])
		}
		i = j + 1
	}
	if len(items) > maxListed {
		return strings.Join(items[:maxListed], ", ") + fmt.Sprintf(" and %d more", len(items)-maxListed)
	}
	return strings.Join(items, ", ")
}

// consecutive reports whether b is the number after a, both written the same width.
func consecutive(a, b string) bool {
	x, err1 := strconv.Atoi(a)
	y, err2 := strconv.Atoi(b)
	return err1 == nil && err2 == nil && len(a) == len(b) && y == x+1
}

func variantDisagrees(c *catalog.Catalog, r report) {
	for _, e := range c.Errors {
		for _, v := range e.Variants {
			if v.Status != 0 && v.Status != e.Status {
				own := "none"
				if e.Status != 0 {
					own = strconv.Itoa(e.Status)
				}
				r(v.PosOf("status"), fmt.Sprintf("variant %s has status %d but code %s has %s: a client cannot rely on the code's status", v.ID(), v.Status, e.Code, own))
			}
			if v.ParamsSet && !sameParams(v.Params, e.Params) {
				r(v.PosOf("params"), fmt.Sprintf("variant %s declares params (%s) other than code %s's (%s)", v.ID(), paramNames(v.Params), e.Code, paramNames(e.Params)))
			}
		}
	}
}

func sameParams(a, b []*catalog.Param) bool {
	return slices.EqualFunc(a, b, func(x, y *catalog.Param) bool { return x.Name == y.Name && x.TypeName() == y.TypeName() })
}

func paramNames(ps []*catalog.Param) string {
	if len(ps) == 0 {
		return "none"
	}
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.Name + " " + p.TypeName()
	}
	return strings.Join(names, ", ")
}

func duplicateText(c *catalog.Catalog, r report) {
	first := map[string]*catalog.Entry{}
	all(c, func(e *catalog.Entry) {
		if e.Message == "" || e.Parent != nil && e.Message == e.Parent.Message {
			return
		}
		key := strings.ToLower(strings.Join(strings.Fields(e.Message), " "))
		if prev, ok := first[key]; ok && prev.Code != e.Code {
			r(e.PosOf("message"), fmt.Sprintf("%s has the same message as %s (%s): clients cannot tell them apart", e.ID(), prev.ID(), prev.PosOf("message")))
			return
		}
		if _, ok := first[key]; !ok {
			first[key] = e
		}
	})
}

// textKinds pair a kind of error text, known by phrases in its lower-cased text, with
// the statuses that fit it and the one to suggest for a text without a status. Strict
// kinds are specific enough that a status outside fits is a finding; the others only
// suggest (the importer uses them). The first kind whose phrase matches decides. Plain
// substring tests: regexps cost seconds on 50,000 codes.
var textKinds = []struct {
	what    string
	phrases []string
	fits    []int
	suggest int
	strict  bool
}{
	{"not found", []string{"not found", "does not exist", "could not be found", "unable to locate", "no such "}, []int{404, 410, 400, 422}, 404, true},
	{"already exists", []string{"already exist", "duplicate", "not unique", "already taken", "already occupied", "already bound", "already registered"}, []int{409, 400, 422}, 409, true},
	{"rate limit", []string{"too many requests", "rate limit", "too frequent"}, []int{429, 503}, 429, true},
	{"timeout", []string{"timed out", "timeout", "time out", "took too long"}, []int{408, 504, 503, 500}, 504, true},
	{"authentication", []string{"unauthorized", "unauthorised", "authentication failed", "authentication required", "not logged in"}, []int{401, 403}, 401, true},
	{"permission", []string{"permission denied", "forbidden", "access denied", "not allowed to"}, []int{403, 401, 404}, 403, true},
	{"internal error", []string{"internal server error", "unexpected error"}, []int{500, 502, 503}, 500, true},
	{"permission", []string{"permission", "not allowed"}, nil, 403, false},
	{"rate limit", []string{"too many"}, nil, 429, false},
	{"server error", []string{"system is busy", "unexpected", "technical issue"}, nil, 500, false},
	{"invalid input", []string{"invalid", "illegal", "missing", "required", "incorrect", "wrong", "must", "cannot exceed"}, nil, 400, false},
}

// kindOf returns the index in textKinds of the kind text reads as, or -1.
func kindOf(text string) int {
	text = strings.ToLower(text)
	for i, k := range textKinds {
		if slices.ContainsFunc(k.phrases, func(p string) bool { return strings.Contains(text, p) }) {
			return i
		}
	}
	return -1
}

// SuggestStatus returns the HTTP status an error text suggests and what the text
// reads as ("not found", "rate limit"…), or 0 when it suggests none.
func SuggestStatus(text string) (status int, reads string) {
	if i := kindOf(text); i >= 0 {
		return textKinds[i].suggest, textKinds[i].what
	}
	return 0, ""
}

func statusContradictsText(c *catalog.Catalog, r report) {
	all(c, func(e *catalog.Entry) {
		status := e.Status
		if status == 0 && e.Parent != nil {
			status = e.Parent.Status
		}
		if status == 0 {
			return
		}
		i := kindOf(e.Title + " " + e.Message)
		if i < 0 || !textKinds[i].strict {
			return
		}
		if k := textKinds[i]; !slices.Contains(k.fits, status) {
			r(e.PosOf("status"), fmt.Sprintf("%s reads as %q but has status %d; %s texts usually go with %s", e.ID(), k.what, status, k.what, statusList(k.fits)))
		}
	})
}

func statusList(ss []int) string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strconv.Itoa(s)
	}
	return strings.Join(out, " or ")
}

// mask returns the set of params a text uses, bit i for params[i], scanning its
// placeholders without parsing the template (load problems report bad templates).
// Params past the 64th are not tracked.
func mask(text string, params []*catalog.Param) uint64 {
	var m uint64
	for i := 0; i < len(text); i++ {
		if text[i] != '{' {
			continue
		}
		if i+1 < len(text) && text[i+1] == '{' {
			i++
			continue
		}
		end := strings.IndexByte(text[i+1:], '}')
		if end < 0 {
			return m
		}
		name := text[i+1 : i+1+end]
		i += end + 1
		if strings.ContainsAny(name, ",{") { // a plural, select or format
			return maskMessage(text, params)
		}
		if name != "" && name[0] >= '0' && name[0] <= '9' { // positional; Atoi on a name would allocate its error
			if n, err := strconv.Atoi(name); err == nil && n < 64 {
				m |= 1 << n
			}
			continue
		}
		for j, p := range params {
			if p.Name == name && j < 64 {
				m |= 1 << j
				break
			}
		}
	}
	return m
}

// maskMessage is mask for a template with plurals, selects or formats: the params
// its placeholders use, in every arm.
func maskMessage(text string, params []*catalog.Param) uint64 {
	t, err := errcat.ParseTemplate(text)
	if err != nil {
		return 0
	}
	var m uint64
	for _, ph := range t.Placeholders() {
		for j, p := range params {
			if j < 64 && (ph.Index == j || ph.Index < 0 && p.Name == ph.Name) {
				m |= 1 << j
			}
		}
	}
	return m
}

// names lists the params of a mask, for messages.
func names(m uint64, params []*catalog.Param) []string {
	var out []string
	for i, p := range params {
		if i < 64 && m&(1<<i) != 0 {
			out = append(out, p.Name)
		}
	}
	sort.Strings(out)
	return out
}

func placeholderMismatch(c *catalog.Catalog, r report) {
	all(c, func(e *catalog.Entry) {
		params := e.EffectiveParams()
		msg := mask(e.Message, params)
		// A title is the short form of an overview table: leaving values out of it is
		// what it is for. Showing one the message does not is a mistake.
		if e.Title != "" && e.Message != "" {
			if extra := mask(e.Title, params) &^ msg; extra != 0 {
				r(e.PosOf("title"), fmt.Sprintf("%s: the title uses %s, which the message does not show (it uses %s)", e.ID(), braces(names(extra, params)), braces(names(msg, params))))
			}
		}
		for _, field := range []struct {
			name  string
			texts []string
		}{{"causes", e.Causes}, {"resolutions", e.Resolutions}} {
			for i, text := range field.texts {
				for _, p := range names(mask(text, params)&^msg, params) {
					f := field.name + "[" + strconv.Itoa(i) + "]"
					r(e.PosOf(f), fmt.Sprintf("%s: %s uses {%s}, which the message does not show", e.ID(), f, p))
				}
			}
		}
	})
}

func braces(names []string) string {
	if len(names) == 0 {
		return "no placeholder"
	}
	return "{" + strings.Join(names, "}, {") + "}"
}

func unusedParam(c *catalog.Catalog, r report) {
	all(c, func(e *catalog.Entry) {
		if e.Parent != nil && !e.ParamsSet {
			return
		}
		texts := append([]string{e.Title, e.Message, e.Summary, e.Description}, append(e.Causes, e.Resolutions...)...)
		for _, v := range e.Variants {
			if !v.ParamsSet {
				texts = append(texts, v.Title, v.Message, v.Description)
			}
		}
		var used uint64
		for _, t := range texts {
			used |= mask(t, e.EffectiveParams())
		}
		for i, p := range e.EffectiveParams() {
			if i < 64 && used&(1<<i) == 0 {
				r(p.Pos, fmt.Sprintf("%s declares param %s but no text uses it", e.ID(), p.Name))
			}
		}
	})
}

func unknownTranslation(c *catalog.Catalog, r report) {
	for _, tr := range c.Translations {
		for _, t := range tr.Errors {
			if c.Lookup(t.ID) == nil {
				r(t.Pos, fmt.Sprintf("translation into %s of %s, which the catalog does not define", tr.Locale, t.ID))
			}
		}
	}
}

func missingTranslation(c *catalog.Catalog, r report) {
	done := map[string]map[string]bool{}
	first := map[string]catalog.Pos{}
	for _, tr := range c.Translations {
		loc := strings.ToLower(tr.Locale)
		if done[loc] == nil {
			done[loc] = map[string]bool{}
			first[loc] = tr.Pos
		}
		for _, t := range tr.Errors {
			done[loc][t.ID] = true
		}
	}
	for _, loc := range c.Locales() {
		var missing []string
		for _, e := range c.Errors {
			if !done[strings.ToLower(loc)][e.Code] {
				missing = append(missing, e.Code)
			}
		}
		if len(missing) == 0 {
			continue
		}
		list := strings.Join(missing[:min(len(missing), 10)], ", ")
		if len(missing) > 10 {
			list += ", …"
		}
		r(first[strings.ToLower(loc)], fmt.Sprintf("locale %s leaves %d of %d codes untranslated: %s", loc, len(missing), len(c.Errors), list))
	}
}

func unknownReplacement(c *catalog.Catalog, r report) {
	for _, e := range c.Errors {
		if d := e.Deprecated; d != nil && d.ReplacedBy != "" && c.Lookup(d.ReplacedBy) == nil {
			r(e.PosOf("deprecated.replaced_by"), fmt.Sprintf("%s is replaced by %s, which the catalog does not define", e.Code, d.ReplacedBy))
		}
	}
}

func unknownOperation(c *catalog.Catalog, r report) {
	all(c, func(e *catalog.Entry) {
		if e.Parent != nil && e.ReturnedBy == nil {
			return
		}
		for i, op := range e.ReturnedBy {
			if op != "*" && c.Operation(op) == nil {
				f := "returned_by[" + strconv.Itoa(i) + "]"
				hint := "declare it under operations"
				if len(c.Operations) == 0 {
					hint = "the catalog declares no operations; add an operations: section"
				}
				r(e.PosOf(f), fmt.Sprintf("%s is returned by %s, which is not a declared operation: %s", e.ID(), op, hint))
			}
		}
	})
}

// numericGap reports, in catalogs whose codes are numbers, the numbers skipped inside
// a contiguous block of codes: a gap shorter than the runs of consecutive codes on
// both sides of it (000031 after 000001–000031, then 000033–000051), within one
// declared range. A gap at least as long as a run beside it separates numbering
// blocks (2040, then 2100) and is how the catalog is laid out, not a slip.
func numericGap(c *catalog.Catalog, r report) {
	type num struct {
		n int
		e *catalog.Entry
	}
	var nums []num
	for _, e := range c.Errors {
		n, err := strconv.Atoi(e.Code)
		if err != nil {
			return // not a numeric catalog
		}
		nums = append(nums, num{n, e})
	}
	if len(nums) < 2 {
		return
	}
	slices.SortFunc(nums, func(a, b num) int { return a.n - b.n })
	rangeOf := func(n int) *catalog.Range {
		for _, rg := range c.Ranges {
			if n >= rg.From && n <= rg.To {
				return rg
			}
		}
		return nil
	}
	// run[i] is the length of the run of consecutive codes that ends at i;
	// after[i] the length of the one that starts at i.
	run, after := make([]int, len(nums)), make([]int, len(nums))
	for i := range nums {
		run[i] = 1
		if i > 0 && nums[i].n == nums[i-1].n+1 {
			run[i] = run[i-1] + 1
		}
	}
	for i := len(nums) - 1; i >= 0; i-- {
		after[i] = 1
		if i+1 < len(nums) && nums[i+1].n == nums[i].n+1 {
			after[i] = after[i+1] + 1
		}
	}
	width := len(nums[0].e.Code)
	format := func(n int) string {
		s := strconv.Itoa(n)
		for len(s) < width {
			s = "0" + s
		}
		return s
	}
	for i := 1; i < len(nums); i++ {
		a, b := nums[i-1], nums[i]
		size := b.n - a.n - 1
		if size < 1 || size >= run[i-1] || size >= after[i] || rangeOf(a.n) != rangeOf(b.n) {
			continue
		}
		gap := format(a.n + 1)
		if size > 1 {
			gap += "–" + format(b.n-1)
		}
		r(b.e.PosOf("code"), fmt.Sprintf("%s is not assigned, between %s and %s", gap, a.e.Code, b.e.Code))
	}
}
