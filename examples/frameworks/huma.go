package frameworks

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"
	"github.com/errcat/errcat/httperr"
	"github.com/errcat/errcat/humaerr"
)

// petInput is the input of GET /pets/{id} on huma.
type petInput struct {
	ID string `path:"id"`
}

// petBody is the input of POST /pets on huma.
type petBody struct {
	Body Pet
}

// petOutput is the output of huma's pet routes.
type petOutput struct {
	Status int
	Body   Pet
}

// newHuma returns the API on huma over a ServeMux (humago), its errors answered by
// humaerr and the mux served inside h.Wrap.
func newHuma(h *httperr.Handler) (http.Handler, huma.API) {
	mux := http.NewServeMux()
	api := humago.New(mux, humaerr.Config(h, huma.DefaultConfig("Pets", "1.0.0")))
	huma.Get(api, "/pets/{id}", func(_ context.Context, in *petInput) (*petOutput, error) {
		if err := petNotFound(in.ID); err != nil {
			return nil, err
		}
		return &petOutput{Status: http.StatusOK, Body: Pet{Name: "Rex"}}, nil
	})
	huma.Post(api, "/pets", func(_ context.Context, in *petBody) (*petOutput, error) {
		return &petOutput{Status: http.StatusCreated, Body: in.Body}, nil
	})
	huma.Register(api, huma.Operation{Method: http.MethodOptions, Path: "/pets", DefaultStatus: http.StatusNoContent},
		func(context.Context, *struct{}) (*struct{}, error) { return nil, nil })
	huma.Get(api, "/panic", func(context.Context, *struct{}) (*struct{}, error) { panic("nil map") })
	huma.Get(api, "/secret", func(context.Context, *struct{}) (*struct{}, error) { return nil, secretError() })
	huma.Get(api, "/plain", func(context.Context, *struct{}) (*struct{}, error) { return nil, plainError() })
	return h.Wrap(mux), api
}
