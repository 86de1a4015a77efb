package lint

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
	"github.com/errcat/errcat/internal/golden"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// sarifSchema returns the SARIF 2.1.0 schema the test command installs from npm
// (@microsoft/jest-sarif ships it), or skips (fails in CI).
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	path := os.Getenv("ERRCAT_SARIF_SCHEMA")
	if path == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("ERRCAT_SARIF_SCHEMA not set: scripts/test.sh installs the SARIF schema")
		}
		t.Skip("SARIF schema not installed; run scripts/test.sh")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("sarif.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSARIF(t *testing.T) {
	fs := run(t, "mistakes", Options{})
	fs = append(fs, Finding{Pos: fs[0].Pos, Rule: LoadRule, Severity: SeverityError, Message: "a load problem"})
	fs = append(fs, Finding{Pos: fs[0].Pos, Rule: LoadRule, Severity: SeverityError, Message: "a file-level problem"})
	fs[len(fs)-1].Pos.Line, fs[len(fs)-1].Pos.Col = 0, 0
	fs = append(fs, Finding{Pos: fs[0].Pos, Rule: "orphan-code", Severity: SeverityWarning, Message: "a rule from another package"})
	out, err := SARIF(fs)
	if err != nil {
		t.Fatal(err)
	}
	// The version is the test binary's; the golden file holds a fixed one.
	ver := []byte(`"version": "` + toolVersion() + `",`)
	if !bytes.Contains(out, ver) {
		t.Errorf("SARIF output has no tool version %s", ver)
	}
	golden.Check(t, filepath.Join("testdata", "mistakes.sarif"), append(bytes.Replace(out, ver, []byte(`"version": "v1.0.0",`), 1), '\n'))
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	schema := sarifSchema(t)
	if err := schema.Validate(inst); err != nil {
		t.Errorf("SARIF output does not validate against the SARIF 2.1.0 schema:\n%v", err)
	}
	// The check bites: a result level SARIF does not have is rejected.
	bad, _ := jsonschema.UnmarshalJSON(bytes.NewReader(bytes.Replace(out, []byte(`"level": "note"`), []byte(`"level": "info"`), 1)))
	if err := schema.Validate(bad); err == nil {
		t.Error("the SARIF schema accepted a result level of info")
	}
	var log struct {
		Runs []struct {
			Results []struct{ RuleIndex int }
			Tool    struct {
				Driver struct{ Rules []struct{ ID string } }
			}
		}
	}
	json.Unmarshal(out, &log)
	if n := len(log.Runs[0].Results); n != len(fs) {
		t.Errorf("%d results, want %d", n, len(fs))
	}
	rules := log.Runs[0].Tool.Driver.Rules
	if last := log.Runs[0].Results[len(fs)-1].RuleIndex; rules[last].ID != "orphan-code" {
		t.Errorf("the last result points at rule %s, want orphan-code", rules[last].ID)
	}
}

// TestSARIFRuleHelp checks what code-scanning services require of every rule: a
// tool version, a full description, and help in text and Markdown that says how to
// fix a finding.
func TestSARIFRuleHelp(t *testing.T) {
	if toolVersion() == "" {
		t.Error("toolVersion is empty")
	}
	var fs []Finding
	for _, id := range []string{"orphan-code", "undefined-code"} {
		fs = append(fs, Finding{Rule: id, Severity: SeverityWarning, Message: "m", Pos: catalog.Pos{File: "a.yaml"}})
	}
	out, err := SARIF(fs)
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Version string
					Rules   []struct {
						ID, Name        string
						FullDescription struct{ Text string }
						Help            struct{ Text, Markdown string }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	rules := log.Runs[0].Tool.Driver.Rules
	if len(rules) != len(Rules())+3 {
		t.Errorf("%d rules, want %d", len(rules), len(Rules())+3)
	}
	for _, r := range rules {
		if _, ok := fixes[r.ID]; !ok {
			t.Errorf("rule %s has no fix in fixes", r.ID)
		}
		if r.Name == "" || r.FullDescription.Text == "" || r.Help.Text == "" || r.Help.Markdown == "" {
			t.Errorf("rule %s: name %q, fullDescription %q, help %q / %q", r.ID, r.Name, r.FullDescription.Text, r.Help.Text, r.Help.Markdown)
		}
	}
	var got string
	for _, r := range rules {
		if r.ID == "missing-status" {
			got = r.Help.Markdown
		}
	}
	if want := "**missing-status**: A code has no HTTP status, so servers answer it with 500 (one finding listing them when many have none; none when the catalog declares one transport status).\n\n" + fixes["missing-status"]; got != want {
		t.Errorf("missing-status help\n got %q\nwant %q", got, want)
	}
}

// TestSARIFSeeds validates the SARIF of a lint of every seed catalog.
func TestSARIFSeeds(t *testing.T) {
	schema := sarifSchema(t)
	dirs, err := catalog.FindFiles("../examples/seeds/...")
	if err != nil {
		t.Fatal(err)
	}
	var fs []Finding
	for _, d := range dirs {
		fs = append(fs, Run(catalogtest.Load(t, d), nil, Options{})...)
	}
	out, err := SARIF(fs)
	if err != nil {
		t.Fatal(err)
	}
	inst, _ := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err := schema.Validate(inst); err != nil {
		t.Errorf("SARIF of the seeds does not validate:\n%v", err)
	}
	if len(fs) != 14 {
		t.Errorf("%d findings on the seeds, want the 14 their catalogs list", len(fs))
	}
}
