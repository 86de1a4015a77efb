// Command transports serves the petstore's API over HTTP, gRPC and Connect from one
// process and one catalog (the petstore's, package apierr), so that the same
// catalog error reaches every kind of client with the same code, params and
// message:
//
//   - HTTP: the JSON API inside an httperr.Handler, errors as problem+json;
//   - gRPC: the service petstore.v1.Petstore behind grpcerr's interceptors, errors
//     as statuses with google.rpc details;
//   - Connect: the same service behind connecterr's interceptor, on the HTTP port,
//     for Connect, gRPC-Web and plain HTTP/JSON clients.
//
// The store's methods return catalog errors and know no transport; each transport's
// error layer converts them, and answers panics with the internal error code.
//
// The RPC messages are protobuf's well-known types (wrapperspb.Int64Value for a pet
// id, structpb.Struct for a pet, emptypb.Empty), and the gRPC service description and
// Connect handlers are written by hand, as protoc-gen-go-grpc and
// protoc-gen-connect-go would generate them. That keeps the example free of a code
// generation step while staying on the real protobuf codec: a JSON codec would need
// every client to register it, and grpcurl, Connect's HTTP/JSON protocol and the
// status details all assume protobuf. petstore.proto declares the service with
// those types for clients that read a schema, such as grpcurl.
//
//	go run . -http localhost:8081 -grpc localhost:9090
package main
