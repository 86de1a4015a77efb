package typescript

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/errcat/errcat/internal/plural"
)

// TestPluralRulesMatchIntl compares the plural rules the generated TypeScript carries,
// the Go runtime's, with node's Intl.PluralRules, cardinal and ordinal, for every
// language code with rules that node supports, on the integers to 1000, large
// integers and decimals with one to three fraction digits. It runs when node's ICU
// carries the CLDR major version of the tables (Node.js 20.20 carries CLDR 48): a
// client may then select with either, and they agree.
func TestPluralRulesMatchIntl(t *testing.T) {
	if _, err := exec.LookPath("node"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("node not found")
		}
		t.Skip("node not found")
	}
	out, err := exec.Command("node", "-p", "process.versions.cldr").Output()
	if err != nil {
		t.Fatal(err)
	}
	nodeCLDR, _, _ := strings.Cut(strings.TrimSpace(string(out)), ".")
	if ours, _, _ := strings.Cut(plural.CLDRVersion, "."); nodeCLDR != ours {
		t.Skipf("node's ICU carries CLDR %s, the tables CLDR %s", nodeCLDR, plural.CLDRVersion)
	}
	var nums []string
	for n := 0; n <= 1000; n++ {
		nums = append(nums, strconv.Itoa(n))
	}
	nums = append(nums, "1001", "1011", "1100", "10000", "100000", "1000000", "2000000", "1000001", "100000000", "1000000000000")
	for _, i := range []string{"0", "1", "2", "3", "5", "11", "21", "101"} {
		for _, f := range []string{"0", "1", "2", "5", "00", "01", "10", "11", "25", "50", "000", "001", "100", "125"} {
			nums = append(nums, i+"."+f)
		}
	}
	type want struct {
		Code     string   `json:"code"`
		Cardinal []string `json:"cardinal"`
		Ordinal  []string `json:"ordinal"`
	}
	var wants []want
	letters := "abcdefghijklmnopqrstuvwxyz"
	for _, a := range letters {
		for _, b := range letters {
			codes := []string{string(a) + string(b)}
			for _, c := range letters {
				codes = append(codes, string(a)+string(b)+string(c))
			}
			for _, code := range codes {
				c, o := plural.Cardinal(code), plural.Ordinal(code)
				if c.Categories() == (plural.Set(0).Add(plural.Other)) && o.Categories() == c.Categories() {
					continue
				}
				w := want{Code: code}
				for _, n := range nums {
					op, _ := plural.ParseOperands(n)
					w.Cardinal = append(w.Cardinal, c.Select(op).String())
					w.Ordinal = append(w.Ordinal, o.Select(op).String())
				}
				wants = append(wants, w)
			}
		}
	}
	data, err := json.Marshal(map[string]any{"nums": nums, "wants": wants})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "want.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	script := `
const { nums, wants } = require(process.argv[1]);
let compared = 0, bad = 0;
for (const w of wants) {
  if (Intl.PluralRules.supportedLocalesOf([w.code]).length === 0) continue;
  compared++;
  for (const [type, list] of [["cardinal", w.cardinal], ["ordinal", w.ordinal]]) {
    const rules = [0, 1, 2, 3].map((d) => new Intl.PluralRules(w.code, { type, minimumFractionDigits: d, maximumFractionDigits: d }));
    nums.forEach((n, k) => {
      const got = rules[(n.split(".")[1] || "").length].select(Number(n));
      if (got !== list[k] && bad++ < 20) console.log(type + " " + w.code + " " + n + ": Intl " + got + ", Go " + list[k]);
    });
  }
}
console.log("compared " + compared + " of " + wants.length + " codes, " + bad + " differences");
`
	out, err = exec.Command("node", "-e", script, filepath.Join(dir, "want.json")).CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	t.Log(strings.TrimSpace(string(out)))
	if !strings.HasSuffix(strings.TrimSpace(string(out)), " 0 differences") {
		t.Errorf("Intl.PluralRules and the tables differ:\n%s", out)
	}
}
