package lint

import (
	"runtime/debug"
	"strings"
)

// fixes says, for each rule errcat reports, how to resolve a finding; SARIF's help.
var fixes = map[string]string{
	LoadRule:                   "Fix the catalog file at the position given: the message names what is wrong there (syntax, an unknown field, a duplicate code, a code that does not match code_pattern…). Run errcat validate to see every load problem at once.",
	"missing-status":           "Give the code a status: the HTTP status servers answer it with (404 for a missing resource, 409 for a conflict…).",
	"variant-disagrees":        "Give the variant the status and params of its code, or make it a code of its own: clients read one contract per code.",
	"duplicate-text":           "Reword one of the messages so that it says what is different about its code, or merge the two codes into one.",
	"status-contradicts-text":  "Change the status to one that fits the text, or reword the text if the status is right.",
	"placeholder-mismatch":     "Use the message's placeholders in the title, causes, resolutions and summary, and no others.",
	"translation-placeholders": "Make the translation use exactly the placeholders of the text it translates: the same names, none left out and none added.",
	"plural-categories":        "Give the plural the arms its locale's CLDR rules select (and other), and remove the arms they never select.",
	"unused-param":             "Use the param in the message (as {name} or {index}), or remove it from params.",
	"unknown-translation":      "Remove the translation, or correct its code to one the catalog defines.",
	"missing-translation":      "Translate the codes listed for the locale; until then, clients see the default locale's texts.",
	"unknown-replacement":      "Correct replaced_by to a code the catalog defines, or remove it.",
	"unknown-operation":        "Declare the operation under operations, or correct the name in returned_by.",
	"numeric-gap":              "Nothing to fix when the gap is meant (a retired code); otherwise add the missing code.",
	"orphan-code":              "Use the code in the program, or deprecate it so that clients know it is no longer sent.",
	"undefined-code":           "Add the code to the catalog, or correct it in the program to a code the catalog defines.",
}

// describe returns a rule's full description and its help: what it finds, and how
// to fix a finding.
func describe(id, doc string) (full sarifMessage, help sarifHelp) {
	sentence := strings.ToUpper(doc[:1]) + doc[1:]
	if !strings.HasSuffix(sentence, ".") && !strings.HasSuffix(sentence, "…") {
		sentence += "."
	}
	fix, ok := fixes[id]
	if !ok {
		fix = "See errcat lint --help for what the rule checks."
	}
	full = sarifMessage{Text: sentence}
	help = sarifHelp{
		Text:     sentence + " " + fix,
		Markdown: "**" + id + "**: " + sentence + "\n\n" + fix,
	}
	return full, help
}

// ruleName is a rule's name as SARIF wants it, an identifier: "missing-status"
// becomes "MissingStatus".
func ruleName(id string) string {
	var b strings.Builder
	for _, w := range strings.Split(id, "-") {
		if w != "" {
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		}
	}
	return b.String()
}

// toolVersion is errcat's module version as the running binary records it: a
// release's tag, a pseudo-version, or "(devel)" for a build from a work tree.
func toolVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(devel)"
	}
	if bi.Main.Path == "github.com/errcat/errcat" && bi.Main.Version != "" {
		return bi.Main.Version
	}
	for _, d := range bi.Deps {
		if d.Path == "github.com/errcat/errcat" {
			return d.Version
		}
	}
	return "(devel)"
}
