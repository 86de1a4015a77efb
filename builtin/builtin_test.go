package builtin

import (
	"bufio"
	"os"
	"regexp"
	"strings"
	"testing"
)

// seed000 is the seed document the common catalog was written from. It sits beside
// the repository (../shared/seeds) in CI and on developers' machines.
const seed000 = "../../shared/seeds/000_6de86d8b8021aa0c.txt"

// squash removes what the seed's scraped text lost or garbled: white space, the
// backticks that mark inline code, and the e-mail obfuscation of 000019.
func squash(s string) string {
	s = strings.ReplaceAll(s, "[email protected]", "user@example.com")
	s = strings.ReplaceAll(s, "`", "")
	return strings.Join(strings.Fields(s), "")
}

// seedTexts reads the seed: the overview's title and short description and the
// details' sections, by code ("000037[0]").
func seedTexts(t *testing.T) (overview map[string][2]string, details map[string]map[string]string) {
	f, err := os.Open(seed000)
	if os.IsNotExist(err) {
		t.Skipf("seed document %s is not beside the repository", seed000)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	overview = map[string][2]string{}
	details = map[string]map[string]string{}
	row := regexp.MustCompile(`^(\d{6}(?:\[\d\])?) \| (.*) \| (.*?) *\|? *$`)
	head := regexp.MustCompile(`^\d{6}(\[\d\])?$`)
	var code, section string
	inDetails := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "Error Code Details":
			inDetails = true
		case !inDetails:
			if m := row.FindStringSubmatch(line); m != nil {
				overview[m[1]] = [2]string{m[2], m[3]}
			}
		case head.MatchString(line):
			code = line
			details[code] = map[string]string{}
		case line == "Message" || line == "Description" || line == "Root Cause" || line == "Resolution":
			section = line
		default:
			details[code][section] += line + "\n"
		}
	}
	return overview, details
}

func TestCommonReproducesSeed000(t *testing.T) {
	overview, details := seedTexts(t)
	c, err := Common()
	if err != nil {
		t.Fatal(err)
	}
	if len(overview) != 53 || len(details) != 53 {
		t.Fatalf("seed has %d overview rows and %d detail sections, want 53 each", len(overview), len(details))
	}
	seen := 0
	for id, ov := range overview {
		e := c.Lookup(id)
		if e == nil {
			t.Errorf("%s: missing from the common catalog", id)
			continue
		}
		seen++
		if e.Title != ov[0] {
			t.Errorf("%s: title = %q, want the seed's %q", id, e.Title, ov[0])
		}
		if e.Summary != ov[1] {
			t.Errorf("%s: summary = %q, want the seed's %q", id, e.Summary, ov[1])
		}
		d := details[id]
		for _, x := range []struct{ section, got string }{
			{"Message", e.Message},
			{"Description", e.Description},
			{"Root Cause", strings.Join(e.Causes, "")},
			{"Resolution", strings.Join(e.Resolutions, "")},
		} {
			want := strings.ReplaceAll(strings.TrimPrefix(d[x.section], "- "), "\n- ", "\n")
			want = strings.ReplaceAll(want, " - ", "")
			if squash(x.got) != squash(want) {
				t.Errorf("%s %s:\n got %q\nwant %q", id, x.section, x.got, strings.TrimSpace(want))
			}
		}
		if strings.Contains(id, "[") {
			continue
		}
		if e.Status == 0 {
			t.Errorf("%s: no HTTP status", id)
		}
	}
	// errcat's additions, in additions.yaml, are the only codes beyond the seed's 50.
	additions := map[string]bool{"000052": true}
	for _, e := range c.Errors {
		if _, inSeed := overview[e.Code]; !inSeed && !additions[e.Code] {
			t.Errorf("%s is neither a seed code nor a documented addition", e.Code)
		}
	}
	if codes := len(c.Errors); codes != 50+len(additions) {
		t.Errorf("common has %d codes, want 50 (000001–000051 without 000032) + %d additions", codes, len(additions))
	}
	if c.Lookup("000032") != nil {
		t.Error("000032 is defined, but the seed leaves it unassigned")
	}
}

func TestCommonStatuses(t *testing.T) {
	c, err := Common()
	if err != nil {
		t.Fatal(err)
	}
	for code, want := range map[string]int{
		"000001": 500, "000002": 404, "000003": 400, "000012": 404, "000013": 429, "000014": 503,
		"000022": 504, "000024": 413, "000029": 404, "000031": 405, "000033": 406, "000037": 409,
		"000038": 400, "000039": 422,
	} {
		if got := c.Lookup(code).Status; got != want {
			t.Errorf("%s: status %d, want %d", code, got, want)
		}
	}
}
