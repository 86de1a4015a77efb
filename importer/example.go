package importer

import (
	"regexp"
	"strings"
)

// exampleParams turns the values in messages taken from example responses back into
// params. A value is a word that is a field name: one with an underscore
// (internal_name), or one that an example of the page names as its field (title).
// The param is named for what it holds, "fields" where the message speaks of fields,
// else "field", and keeps the value as its example. A message holds at most one
// such param; one without any is kept as it is.
func exampleParams(entries []*Entry) {
	fields := map[string]bool{}
	for _, e := range entries {
		if e.ExampleField != "" {
			fields[e.ExampleField] = true
		}
	}
	for _, e := range entries {
		if !e.fromExample {
			continue
		}
		words := wordRE.FindAllStringIndex(e.Message, -1)
		at := -1
		for _, w := range words { // an identifier with an underscore first
			if strings.Contains(e.Message[w[0]:w[1]], "_") {
				at = w[0]
				break
			}
		}
		for i := len(words) - 1; at < 0 && i >= 0; i-- { // then a field name, the last
			if w := words[i]; fields[e.Message[w[0]:w[1]]] {
				at = w[0]
			}
		}
		if at < 0 {
			continue
		}
		value := wordRE.FindString(e.Message[at:])
		name := "field"
		if strings.Contains(" "+strings.ToLower(e.Message[:at])+" ", " fields ") {
			name = "fields"
		}
		e.Message = escapedBraces(e.Message[:at]) + "{" + name + "}" + escapedBraces(e.Message[at+len(value):])
		e.Params = append(e.Params, name)
		e.ParamExamples = map[string]string{name: value}
	}
}

// wordRE matches a word that may be a field name.
var wordRE = regexp.MustCompile(`[A-Za-z][A-Za-z0-9_]*`)

// escapedBraces returns s with its braces doubled.
func escapedBraces(s string) string {
	var b strings.Builder
	escapeBraces(&b, s)
	return b.String()
}
