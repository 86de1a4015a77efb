package importer

import (
	"slices"
	"strings"
	"testing"
)

// TestCSVVisibilityAndOperations: a CSV's public and returned-by columns survive the
// import: a code that is not public stays so, and operations are declared once by
// title, "All" being every operation.
func TestCSVVisibilityAndOperations(t *testing.T) {
	d, err := CSV("shop", []byte("code,status,message,public,returned by\nE1,500,Ledger failed.,internal,All\nE2,404,No order {0}.,true,\"Get order, Cancel order\"\nE3,409,Order {0} is paid.,,Cancel order | Refund\n"))
	if err != nil {
		t.Fatal(err)
	}
	c := load(t, d)
	for _, tt := range []struct {
		code   string
		public bool
		ops    []string
	}{
		{"E1", false, []string{"*"}},
		{"E2", true, []string{"GetOrder", "CancelOrder"}},
		{"E3", true, []string{"CancelOrder", "Refund"}},
	} {
		e := c.Lookup(tt.code)
		if e.IsPublic() != tt.public || !slices.Equal(e.ReturnedBy, tt.ops) {
			t.Errorf("%s: public %v, returned by %v; want %v, %v", tt.code, e.IsPublic(), e.ReturnedBy, tt.public, tt.ops)
		}
	}
	if op := c.Operation("CancelOrder"); op == nil || op.Title != "Cancel order" || len(c.Operations) != 3 {
		t.Errorf("operations %+v, want Get order, Cancel order and Refund declared once each", c.Operations)
	}
}

// TestMarkdownFactsLine: the facts line docs markdown opens a code's section with
// gives the code's name, status and visibility back.
func TestMarkdownFactsLine(t *testing.T) {
	c := load(t, Markdown("ledger", []byte("### L-500\n\n**Ledger failed**\n\nName `LedgerDown` · HTTP 503 Service Unavailable · gRPC `UNAVAILABLE` · Not public\n\nThe ledger is down.\n\n#### Returned By\n\nPost entry†\n\n† Writes to the ledger.\n")))
	e := c.Lookup("L-500")
	if e.Name != "LedgerDown" || e.Status != 503 || e.IsPublic() || e.Title != "Ledger failed" || e.Description != "The ledger is down." {
		t.Errorf("L-500 = name %s, status %d, public %v, title %q, description %q", e.Name, e.Status, e.IsPublic(), e.Title, e.Description)
	}
	if op := c.Operation("PostEntry"); op == nil || op.Title != "Post entry" || !op.Group || op.Description != "Writes to the ledger." {
		t.Errorf("operation PostEntry = %+v, want the group its footnote describes", op)
	}
}

// TestHeadingsNoted: section headings other than docs markdown's own are named in a
// note, once each, with the flag that writes them again.
func TestHeadingsNoted(t *testing.T) {
	d := Text("devdocs", []byte("Errors\n\nAUTH-401\n\nFailed\n\nIt failed.\n\nPossible Causes:\n\n• a\n\nResolution:\n\nDo b.\n\nAUTH-403\n\nDenied\n\nNo.\n\nPossible Causes:\n\n• c\n"))
	notes := strings.Join(d.Notes, "\n")
	want := `the source heads the causes sections "Possible Causes:", which a catalog does not hold: write them so with errcat docs markdown --section causes="Possible Causes:"`
	if strings.Count(notes, want) != 1 || !strings.Contains(notes, `--section resolutions="Resolution:"`) {
		t.Errorf("notes:\n%s\nwant once:\n%s\nand the resolutions' heading", notes, want)
	}
}
