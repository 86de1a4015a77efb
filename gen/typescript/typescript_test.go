package typescript

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
	"github.com/errcat/errcat/internal/golden"
)

var catalogs = []struct{ name, path string }{
	{"common", "../../common/source"},
	{"seed001", "../../examples/seeds/001-devdocs"},
	{"seed002", "../../examples/seeds/002-backend"},
	{"seed003", "../../examples/seeds/003-identity"},
	{"seed004", "../../examples/seeds/004-bulk"},
	{"shop", "../../catalog/testdata/load/ok-merged/input"},
	{"kinds", "testdata/kinds"},
	{"plural", "testdata/plural"},
	{"formats", "testdata/formats"},
}

func TestGolden(t *testing.T) {
	for _, c := range catalogs {
		t.Run(c.name, func(t *testing.T) {
			got, err := Generate(catalogtest.Load(t, c.path))
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", c.name+".ts.golden"), got)
		})
	}
}

// tsc returns the TypeScript compiler the test command installed, or skips (fails in
// CI, where it must be there).
func tsc(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("ERRCAT_TSC"); p != "" {
		return p
	}
	if p, err := exec.LookPath("tsc"); err == nil {
		return p
	}
	if os.Getenv("CI") != "" {
		t.Fatal("tsc not found: scripts/test.sh installs it and sets ERRCAT_TSC")
	}
	t.Skip("tsc not found; run scripts/test.sh, which installs it")
	return ""
}

// testCase is one rendering to compare: a code (or a variant chosen by missing
// params), its params as JSON values, and a locale.
type testCase struct {
	Code   any            `json:"code"`
	Params map[string]any `json:"params"`
	Locale string         `json:"locale"`
}

// cases returns, for every code and every locale (plus one the catalog lacks), the
// rendering with example values for every param and with none.
func cases(t *testing.T, c *catalog.Catalog) ([]testCase, []string) {
	set := c.Set()
	var out []testCase
	var want []string
	locales := append(append([]string{}, set.Locales()...), "zz-ZZ", "")
	for _, d := range set.Definitions() {
		var code any = d.Code()
		if set.NumericCodes() {
			code, _ = strconv.Atoi(d.Code())
		}
		full := map[string]any{}
		args := make([]errcat.Value, len(d.Params()))
		for i, p := range d.Params() {
			ex := p.Example
			if ex == "" {
				ex = map[errcat.Kind]string{errcat.KindInt: "7", errcat.KindFloat: "2.5", errcat.KindBool: "false", errcat.KindTime: "2026-01-02T15:04:05Z", errcat.KindDuration: "90s"}[p.Kind]
				if ex == "" {
					ex = "x-" + p.Name
				}
			}
			v, err := errcat.ParseValue(p.Kind, ex)
			if err != nil {
				t.Fatalf("%s: example of %s: %v", d.Code(), p.Name, err)
			}
			args[i] = v
			switch p.Kind {
			case errcat.KindInt:
				full[p.Name] = v.Int64()
			case errcat.KindFloat:
				full[p.Name] = v.Float64()
			case errcat.KindBool:
				full[p.Name] = v.Bool()
			case errcat.KindDuration:
				full[p.Name] = int64(v.Duration())
			default:
				full[p.Name] = ex
			}
		}
		for _, loc := range locales {
			for _, withParams := range []bool{true, false} {
				e, params := d.New(), map[string]any{}
				if withParams {
					e, params = d.New(args...), full
				}
				out = append(out, testCase{Code: code, Params: params, Locale: loc})
				want = append(want, e.Message(loc), e.Title(loc))
			}
			// Every param takes each value of its kind's grid in turn, the others
			// their examples: the values whose plural forms and formats differ
			// among locales.
			for i, p := range d.Params() {
				for _, n := range valueGrid(t, p.Kind) {
					a := append([]errcat.Value{}, args...)
					a[i] = n.value
					params := maps.Clone(full)
					params[p.Name] = n.json
					e := d.New(a...)
					out = append(out, testCase{Code: code, Params: params, Locale: loc})
					want = append(want, e.Message(loc), e.Title(loc))
				}
			}
		}
	}
	return out, want
}

type gridValue struct {
	value errcat.Value
	json  any
}

// valueGrid returns the values a param of kind k takes in turn: for numbers 0, 1, 2,
// 5, 21, numbers past the small ones plural rules list, numbers that locales group
// differently, and for floats fractions and values with no plural category; for
// strings decimals as written and text; for times instants in UTC and in zones, in
// the morning and evening, before the year 1000; for durations every unit from
// nanoseconds to days, a fraction of a second and a negative one.
func valueGrid(t *testing.T, k errcat.Kind) []gridValue {
	var out []gridValue
	switch k {
	case errcat.KindInt:
		for _, n := range []int64{0, 1, 2, 3, 5, 11, 12, 21, 22, 23, 100, 101, 111, 1234, 12345, 1234567, 1000000, -1, -21, -1234567} {
			out = append(out, gridValue{errcat.Int(n), n})
		}
	case errcat.KindFloat:
		for _, f := range []float64{0, 1, 2, 5, 21, 1.5, 0.5, 2.25, 1e21, -1.5, 1e-7, 101.5, 1234567.5, -1234.25, 12345.678} {
			out = append(out, gridValue{errcat.Float(f), f})
		}
	case errcat.KindString:
		for _, s := range []string{"1234567.50", "-0.5", "+007", "1e3", "12,5", "many"} {
			out = append(out, gridValue{errcat.String(s), s})
		}
	case errcat.KindTime:
		for _, s := range []string{"2026-03-04T15:06:07Z", "2026-12-31T23:59:59+05:30", "2000-01-01T00:00:00-03:30", "0999-07-09T12:00:00Z", "2026-07-05T09:30:00.25+14:00"} {
			v, err := errcat.ParseValue(k, s)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, gridValue{v, s})
		}
	case errcat.KindDuration:
		for _, d := range []time.Duration{0, 1, 999, 1500, 250 * time.Millisecond, time.Second, 61 * time.Second, 90500 * time.Millisecond,
			2*time.Hour + 5*time.Minute, 26*time.Hour + 3*time.Minute + 1500*time.Millisecond, 72 * time.Hour, -90 * time.Second, 100 * 24 * time.Hour} {
			out = append(out, gridValue{errcat.Duration(d), int64(d)})
		}
	}
	return out
}

// TestSameAsGo compiles each generated module with tsc --strict, runs a program that
// renders every code in every locale with node, and compares each message and title
// with the Go runtime's. The hostile catalog, with code-breaking text in every field,
// is among them: had it injected code, tsc or node would fail, or print otherwise.
func TestSameAsGo(t *testing.T) {
	compiler := tsc(t)
	dir := t.TempDir()
	var files []string
	wants := map[string][]string{}
	type named struct {
		name string
		cat  *catalog.Catalog
	}
	all := []named{{"hostile", hostileCatalog(t)}, {"hostilemessage", hostileMessageCatalog(t)}}
	for _, c := range catalogs {
		all = append(all, named{c.name, catalogtest.Load(t, c.path)})
	}
	for _, c := range all {
		cat := c.cat
		src, err := Generate(cat)
		if err != nil {
			t.Fatal(err)
		}
		cs, want := cases(t, cat)
		wants[c.name] = want
		js, err := json.Marshal(cs)
		if err != nil {
			t.Fatal(err)
		}
		// The cases travel as a JSON string: as an array literal, thousands of
		// elements make tsc infer a union too large for it (TS2590).
		js, err = json.Marshal(string(js))
		if err != nil {
			t.Fatal(err)
		}
		driver := fmt.Sprintf(`import { message, title, Code, Params } from "./%s";

const cases: { code: Code; params: Record<string, unknown>; locale: string }[] = JSON.parse(%s);
for (const c of cases) {
  const p = c.params as Params[Code];
  const locale = c.locale === "" ? undefined : c.locale;
  console.log(JSON.stringify(message(c.code, p, locale)));
  console.log(JSON.stringify(title(c.code, p, locale)));
}
`, c.name, js)
		for name, data := range map[string][]byte{c.name + ".ts": src, c.name + ".check.ts": []byte(driver)} {
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
			files = append(files, name)
		}
	}
	cmd := exec.Command(compiler, append([]string{"--strict", "--noUnusedLocals", "--noImplicitReturns", "--target", "es2020", "--module", "commonjs", "--outDir", "out"}, files...)...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("tsc --strict: %v\n%s", err, out)
	}
	for _, c := range all {
		out, err := exec.Command("node", filepath.Join(dir, "out", c.name+".check.js")).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: node: %v\n%s", c.name, err, out)
		}
		lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
		want := wants[c.name]
		if len(lines) != len(want) {
			t.Fatalf("%s: node printed %d lines, want %d", c.name, len(lines), len(want))
		}
		bad := 0
		for i, line := range lines {
			var got string
			if err := json.Unmarshal([]byte(line), &got); err != nil {
				t.Fatalf("%s: line %d: %v", c.name, i, err)
			}
			if got != want[i] && bad < 10 {
				bad++
				t.Errorf("%s: case %d (%s): TypeScript %q, Go %q", c.name, i/2, map[bool]string{true: "message", false: "title"}[i%2 == 0], got, want[i])
			}
		}
		t.Logf("%s: %d renderings identical", c.name, len(lines)-bad)
	}
}
