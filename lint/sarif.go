package lint

import (
	"encoding/json"
	"net/url"
	"path/filepath"
	"strings"
)

// SARIF types: the subset of SARIF 2.1.0 that code-scanning tools read to show
// findings inline.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool    sarifTool     `json:"tool"`
		Results []sarifResult `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string       `json:"id"`
		Name                 string       `json:"name"`
		ShortDescription     sarifMessage `json:"shortDescription"`
		FullDescription      sarifMessage `json:"fullDescription"`
		Help                 sarifHelp    `json:"help"`
		DefaultConfiguration struct {
			Level string `json:"level"`
		} `json:"defaultConfiguration"`
	}
	sarifMessage struct {
		Text string `json:"text"`
	}
	sarifHelp struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown"`
	}
	sarifResult struct {
		RuleID    string          `json:"ruleId"`
		RuleIndex int             `json:"ruleIndex"`
		Level     string          `json:"level"`
		Message   sarifMessage    `json:"message"`
		Locations []sarifLocation `json:"locations"`
	}
	sarifLocation struct {
		PhysicalLocation struct {
			ArtifactLocation struct {
				URI string `json:"uri"`
			} `json:"artifactLocation"`
			Region *sarifRegion `json:"region,omitempty"`
		} `json:"physicalLocation"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
	}
)

// level maps a severity to SARIF's result levels.
func (s Severity) level() string {
	switch s {
	case SeverityError:
		return "error"
	case SeverityWarning:
		return "warning"
	}
	return "note"
}

// SARIF returns findings as a SARIF 2.1.0 log with one run of the tool errcat (with
// its version), every rule described as code-scanning services require (a short and a
// full description, and help in text and Markdown saying how to fix a finding; load
// problems are the rule "load"), and each finding located by file, line and column.
func SARIF(findings []Finding) ([]byte, error) {
	driver := sarifDriver{Name: "errcat", Version: toolVersion(), InformationURI: "https://errcat.dev"}
	index := map[string]int{}
	addRule := func(id, doc string, s Severity) {
		r := sarifRule{ID: id, Name: ruleName(id), ShortDescription: sarifMessage{Text: doc}}
		r.FullDescription, r.Help = describe(id, doc)
		r.DefaultConfiguration.Level = s.level()
		index[id] = len(driver.Rules)
		driver.Rules = append(driver.Rules, r)
	}
	addRule(LoadRule, "the catalog does not load: a syntax error, an unknown field, a duplicate code…", SeverityError)
	for _, r := range Rules() {
		addRule(r.ID, r.Doc, r.Severity)
	}
	for _, f := range findings {
		if _, ok := index[f.Rule]; !ok { // a rule of another package, such as usage's
			addRule(f.Rule, f.Rule, f.Severity)
		}
	}
	results := make([]sarifResult, 0, len(findings))
	for _, f := range findings {
		res := sarifResult{RuleID: f.Rule, RuleIndex: index[f.Rule], Level: f.Severity.level(), Message: sarifMessage{Text: f.Message}}
		var loc sarifLocation
		loc.PhysicalLocation.ArtifactLocation.URI = fileURI(f.Pos.File)
		if f.Pos.Line > 0 {
			loc.PhysicalLocation.Region = &sarifRegion{StartLine: f.Pos.Line, StartColumn: f.Pos.Col}
		}
		res.Locations = []sarifLocation{loc}
		results = append(results, res)
	}
	log := sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{{Tool: sarifTool{Driver: driver}, Results: results}},
	}
	return json.MarshalIndent(log, "", "  ")
}

// fileURI writes a path as a relative URI reference, as SARIF's artifactLocation.uri
// wants: forward slashes, each segment escaped.
func fileURI(path string) string {
	segs := strings.Split(filepath.ToSlash(path), "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}
