module github.com/errcat/errcat/examples/transports

go 1.26.8

require (
	connectrpc.com/connect v1.21.1
	github.com/errcat/errcat v0.0.0
	github.com/errcat/errcat/connecterr v0.0.0
	github.com/errcat/errcat/grpcerr v0.0.0
	google.golang.org/grpc v1.85.0
	google.golang.org/protobuf v1.36.12
)

require (
	golang.org/x/net v0.62.0 // indirect
	golang.org/x/sys v0.49.0 // indirect
	golang.org/x/text v0.43.0 // indirect
	google.golang.org/genproto/googleapis/rpc v0.0.0-20261110000943-09e21b237f2c // indirect
)

replace (
	github.com/errcat/errcat => ../../
	github.com/errcat/errcat/connecterr => ../../connecterr
	github.com/errcat/errcat/grpcerr => ../../grpcerr
)
