package httperr

import (
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog/catalogtest"
	"github.com/errcat/errcat/common"
	"github.com/errcat/errcat/internal/golden"
)

func seed(t testing.TB, dir string) *errcat.Set {
	t.Helper()
	return catalogtest.Load(t, "../examples/seeds/"+dir).Set()
}

// envelopeCases are the errors every envelope is pinned on.
func envelopeCases(t *testing.T) []struct {
	name string
	err  *errcat.Error
	ctx  Context
	envs []Envelope
} {
	identity := seed(t, "003-identity")
	bulk := seed(t, "004-bulk")
	seed004 := &BulkEnvelope{StatusCode: 4000, OmitFieldMessage: true}
	return []struct {
		name string
		err  *errcat.Error
		ctx  Context
		envs []Envelope
	}{
		{"not-found", common.UnableToLocate("project", "42"), Context{Instance: "/v1/projects/42"}, Envelopes},
		{"variant", common.ValueAlreadyExists(""), Context{}, Envelopes},
		{"fields", common.InvalidRequest().
			AddField("email", common.FieldRequired("email")).
			AddField("items[0].name", common.ValueAlreadyExists("name")), Context{Instance: "req-7f3a"}, Envelopes},
		{"retry", common.TooManyRequests(), Context{Locale: "vi-VN", RetryAfter: 1500 * time.Millisecond}, Envelopes},
		{"escaping", common.UnableToLocate(`<script>"x"</script>`, "a\u2028b\x01"), Context{}, Envelopes},
		{"internal", bulk.Lookup("4004").New(), Context{}, Envelopes},
		{"seed003", identity.Lookup("1000").New(), Context{}, []Envelope{Simple, Problem}},
		{"seed004-4002", bulk.Lookup("4002").New(), Context{}, []Envelope{seed004}},
		{"seed004-4005", bulk.Lookup("4005").New().AddField("id", bulk.Lookup("4005").New()), Context{}, []Envelope{seed004}},
		{"seed004-4001", bulk.Lookup("4001").New(errcat.String("title")), Context{}, []Envelope{seed004}},
	}
}

func TestEnvelopesGolden(t *testing.T) {
	for _, tc := range envelopeCases(t) {
		for _, env := range tc.envs {
			name := tc.name + "." + env.Name()
			t.Run(name, func(t *testing.T) {
				got := env.AppendBody(nil, tc.err, &tc.ctx)
				if !json.Valid(got) {
					t.Fatalf("body is not JSON: %s", got)
				}
				golden.Check(t, filepath.Join("testdata", "envelopes", name+".json"), append(got, '\n'))
			})
		}
	}
}

// TestSeedExamples pins the bodies of the seed documents' own examples.
func TestSeedExamples(t *testing.T) {
	identity := seed(t, "003-identity")
	bulk := seed(t, "004-bulk")
	seed004 := &BulkEnvelope{StatusCode: 4000, OmitFieldMessage: true}
	for _, tt := range []struct {
		env  Envelope
		err  *errcat.Error
		want string
	}{
		// seed 003: { message:'The system is busy, please try again later', code: 1000, data: null }
		{Simple, identity.Lookup("1000").New(), `{"message":"The system is busy, please try again later","code":1000,"data":null}`},
		// seed 004, as published but for the stray 4 after "failed" in 4002's example.
		{seed004, bulk.Lookup("4002").New(), `{"response_status":{"status_code":4000,"messages":[{"status_code":4002,"type":"failed","message":"User does not have this permission"}],"status":"failed"}}`},
		{seed004, bulk.Lookup("4003").New(errcat.String("title")), `{"response_status":{"status_code":4000,"messages":[{"status_code":4003,"type":"failed","message":"Closure rule violation. The following fields should be filled title"}],"status":"failed"}}`},
		{seed004, bulk.Lookup("4004").New(), `{"response_status":{"status_code":4000,"messages":[{"status_code":4004,"type":"failed"}],"status":"failed"}}`},
		{seed004, bulk.Lookup("4005").New().AddField("id", bulk.Lookup("4005").New()), `{"response_status":{"status_code":4000,"messages":[{"status_code":4005,"field":"id","type":"failed"}],"status":"failed"}}`},
		{seed004, bulk.Lookup("4012").New().AddField("title", bulk.Lookup("4012").New()), `{"response_status":{"status_code":4000,"messages":[{"status_code":4012,"field":"title","type":"failed"}],"status":"failed"}}`},
		{seed004, bulk.Lookup("4010").New(errcat.String("internal_name")), `{"response_status":{"status_code":4000,"messages":[{"status_code":4010,"type":"failed","message":"Trying to edit internal field: internal_name"}],"status":"failed"}}`},
		{seed004, bulk.Lookup("7001").New(), `{"response_status":{"status_code":4000,"messages":[{"status_code":7001,"type":"failed","message":"Cannot perform the intended operation as per current license"}],"status":"failed"}}`},
	} {
		if got := string(tt.env.AppendBody(nil, tt.err, &Context{})); got != tt.want {
			t.Errorf("%s %s:\n got %s\nwant %s", tt.env.Name(), tt.err.Code(), got, tt.want)
		}
	}
}

func TestPointer(t *testing.T) {
	for in, want := range map[string]string{"email": "/email", "items[0].name": "/items/0/name", "/a/b": "/a/b", "a~b/c": "/a~0b~1c", "": ""} {
		if got := pointer(in); got != want {
			t.Errorf("pointer(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFieldPath(t *testing.T) {
	for in, want := range map[string]string{"email": "email", "items[0].name": "items[0].name", "/items/0/name": "items[0].name",
		"/a~1b/c~0d": "a/b.c~d", "/0": "0", "/a/01": "a.01", "": "", "/": ""} {
		if got := fieldPath(in); got != want {
			t.Errorf("fieldPath(%q) = %q, want %q", in, got, want)
		}
	}
}
