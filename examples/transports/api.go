package main

import (
	"context"
	"math"
	"strconv"

	"github.com/errcat/errcat/examples/petstore/apierr"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/structpb"
	"google.golang.org/protobuf/types/known/wrapperspb"
)

// serviceName is the RPC service both gRPC and Connect serve; petstore.proto
// declares it for clients such as grpcurl.
const serviceName = "petstore.v1.Petstore"

// The RPC methods' full names, as gRPC and Connect route them.
const (
	procGetPet    = "/" + serviceName + "/GetPet"
	procCreatePet = "/" + serviceName + "/CreatePet"
	procPanic     = "/" + serviceName + "/Panic"
)

// api is the RPC face of the store that gRPC and Connect share. Its methods return
// catalog errors as they are: the transports' interceptors convert them, so no method
// knows which transport carries it.
type api struct{ s *store }

// GetPet returns the pet whose id the request holds.
func (a *api) GetPet(_ context.Context, id *wrapperspb.Int64Value) (*structpb.Struct, error) {
	n := id.GetValue()
	if n < 0 || n > math.MaxInt32 {
		return nil, apierr.InvalidPetID(strconv.FormatInt(n, 10))
	}
	p, err := a.s.get(int(n))
	if err != nil {
		return nil, err
	}
	return petStruct(p), nil
}

// CreatePet adds the pet the request describes ({"name": …, "species": …}) and
// returns it with its id.
func (a *api) CreatePet(_ context.Context, in *structpb.Struct) (*structpb.Struct, error) {
	f := in.GetFields()
	p, err := a.s.create(Pet{Name: f["name"].GetStringValue(), Species: f["species"].GetStringValue()})
	if err != nil {
		return nil, err
	}
	return petStruct(p), nil
}

// Panic panics, to show what a bug in a handler becomes on each transport: the
// internal error code, with nothing of the panic's value sent.
func (a *api) Panic(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	panic(errPanic)
}

// petStruct is p as the RPC methods answer it.
func petStruct(p Pet) *structpb.Struct {
	return &structpb.Struct{Fields: map[string]*structpb.Value{
		"id":      structpb.NewNumberValue(float64(p.ID)),
		"name":    structpb.NewStringValue(p.Name),
		"species": structpb.NewStringValue(p.Species),
	}}
}
