// Package seed000 reads documents laid out as errcat's seed 000 (an overview table of
// codes, then per code its Message, Description, Root Cause and Resolution), for the
// tests that compare errcat's output with the seed: the scraped seed itself and the
// Markdown that errcat docs markdown writes.
package seed000

import (
	"regexp"
	"strings"
	"testing"

	"github.com/errcat/errcat/internal/seeddoc"
)

// File is the seed document's name in the seeds directory beside the repository.
const File = seeddoc.Common

// Read returns the seed document File; see [ReadFile].
func Read(tb testing.TB) string { return ReadFile(tb, File) }

// ReadFile returns the seed document named file, as [seeddoc.Read] finds it: the test
// is skipped when it is not there, or fails under CI with a message that says where
// it looked.
func ReadFile(tb testing.TB, file string) string {
	tb.Helper()
	return seeddoc.Read(tb, file)
}

// Doc is a document in seed 000's layout.
type Doc struct {
	// Overview holds each overview row's title and description, by code ("000037[0]").
	Overview map[string][2]string
	// Sections holds each code's sections (Message, Description, Root Cause,
	// Resolution), their lines joined with "\n".
	Sections map[string]map[string]string
}

var codeRE = regexp.MustCompile(`^\d{6}(\[\d\])?$`)

// Parse reads doc. Markdown heading marks are ignored; a row's title is its second
// cell and its description its last.
func Parse(doc string) Doc {
	d := Doc{Overview: map[string][2]string{}, Sections: map[string]map[string]string{}}
	var code, section string
	inDetails := false
	for _, line := range strings.Split(doc, "\n") {
		line = strings.TrimSpace(strings.TrimLeft(line, "#"))
		switch {
		case line == "Error Code Details":
			inDetails = true
		case !inDetails:
			cells := strings.Split(strings.Trim(line, "| "), "|")
			if id := strings.TrimSpace(cells[0]); len(cells) >= 3 && codeRE.MatchString(id) {
				d.Overview[id] = [2]string{strings.TrimSpace(cells[1]), strings.TrimSpace(cells[len(cells)-1])}
			}
		case codeRE.MatchString(line):
			code, section = line, ""
			d.Sections[code] = map[string]string{}
		case line == "Message" || line == "Description" || line == "Root Cause" || line == "Resolution":
			section = line
		case code != "" && section != "" && line != "":
			d.Sections[code][section] += line + "\n"
		}
	}
	return d
}

var escapeRE = regexp.MustCompile(`\\([!-/:-@\[-` + "`" + `{-~])`)

// Squash removes what does not survive between the seed, a catalog and Markdown: white
// space, the backticks of inline code, the seed scrape's obfuscated e-mail address and
// Markdown's backslash escapes.
func Squash(s string) string {
	s = escapeRE.ReplaceAllString(s, "$1")
	s = strings.ReplaceAll(s, "[email protected]", "user@example.com")
	s = strings.ReplaceAll(s, "`", "")
	return strings.Join(strings.Fields(s), "")
}
