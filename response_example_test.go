package errcat_test

import (
	"fmt"

	"github.com/errcat/errcat"
)

// A catalog declares the wire shape of its API: here the bulk response_status
// envelope with its own code 4000, field entries without a message, and a code whose
// body leaves its message out. HTTP layers answer with it unless configured otherwise.
func ExampleSet_Response() {
	set := errcat.MustNewSet(errcat.SetSpec{
		Name:     "bulk",
		Response: errcat.ResponseSpec{Envelope: "bulk", BulkStatusCode: 4000, OmitFieldMessage: true},
		Errors: []errcat.Spec{
			{Code: "4013", Name: "UnsupportedContentType", Status: 415, Texts: errcat.Texts{Message: "Unsupported Content Type"}, OmitMessage: true},
		},
	})
	r := set.Response()
	fmt.Println(r.Envelope, r.BulkStatusCode, r.OmitFieldMessage, r.Status)
	d := set.Lookup("4013")
	fmt.Println(d.OmitMessage(), d.Public())
	// Output:
	// bulk 4000 true 0
	// true true
}
