package openapi

import (
	"strings"
	"testing"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
	"github.com/errcat/errcat/httperr"
)

// TestDeclaredEnvelopeConflict: catalogs that declare different wire shapes need
// the envelope given; given, they are described in it.
func TestDeclaredEnvelopeConflict(t *testing.T) {
	cats := []*catalog.Catalog{catalogtest.Load(t, "../../examples/seeds/003-identity"), catalogtest.Load(t, "../../examples/seeds/004-bulk")}
	_, err := Generate(cats, Options{OmitHTTPCodes: true})
	if err == nil || err.Error() != "catalogs identity and bulk declare different wire shapes (response): give the envelope to describe" {
		t.Errorf("Generate: %v", err)
	}
	out, err := Generate(cats, Options{Envelope: httperr.Simple, OmitHTTPCodes: true})
	if err != nil || !strings.Contains(string(out), `"SimpleError"`) {
		t.Errorf("Generate with Simple: %v", err)
	}
}
