package richstatus

import (
	"testing"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/protobuf/proto"
)

// TestHelpShared checks that help returns one message per code and URL, with the
// link Encode documents, and keeps returning correct messages once the cache is
// full.
func TestHelpShared(t *testing.T) {
	a, b := help("000012", "https://x/12"), help("000012", "https://x/12")
	if a != b {
		t.Errorf("help built the same detail twice")
	}
	want := &errdetails.Help{Links: []*errdetails.Help_Link{{Description: "Error 000012", Url: "https://x/12"}}}
	if !proto.Equal(a, want) {
		t.Errorf("help = %v, want %v", a, want)
	}
	if c := help("000013", "https://x/12"); c == a || c.Links[0].Description != "Error 000013" {
		t.Errorf("help of another code = %v", c)
	}
	for i := range maxHelps + 10 {
		help(string(rune('a'+i%26))+string(rune(i)), "u")
	}
	helps.RLock()
	n := len(helps.m)
	helps.RUnlock()
	if n > maxHelps {
		t.Errorf("%d cached details, want at most %d", n, maxHelps)
	}
	if h := help("late", "https://x/late"); h.Links[0].Url != "https://x/late" || h.Links[0].Description != "Error late" {
		t.Errorf("help past the cache's limit = %v", h)
	}
}
