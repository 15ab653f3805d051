package awsx

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"

	awsmw "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// Request is one API call as a Responder sees it.
type Request struct {
	Service   string // SDK service id, e.g. "EC2", "S3"
	Operation string // e.g. "DescribeInstances"
	Region    string
	Account   string
	Input     any // the operation's *XxxInput
}

// Responder answers API calls in process, in place of the network: it returns
// the operation's *XxxOutput, or an error such as a *smithy.GenericAPIError
// (which the SDK retryer and the ledger treat exactly like a real response).
type Responder interface {
	Respond(ctx context.Context, req Request) (any, error)
}

// ErrPassThrough, returned by a Responder, sends the call to the network as
// usual: tests use it to fault or fake some operations of a real emulator.
var ErrPassThrough = errors.New("awsx: pass through to the network")

// ErrEmptyAnswer, returned by a Responder, answers the call with the
// operation's empty output (no items, no next token), whatever its type: the
// SDK's own deserializer reads an empty HTTP 200 body. The demo estate uses it
// for list operations of types it has no data for.
var ErrEmptyAnswer = errors.New("awsx: answer with the operation's empty output")

// ResponderFunc adapts a function to Responder.
type ResponderFunc func(ctx context.Context, req Request) (any, error)

// Respond calls f.
func (f ResponderFunc) Respond(ctx context.Context, req Request) (any, error) { return f(ctx, req) }

type inputKey struct{}

func responderMiddleware(r Responder) middleware.DeserializeMiddleware {
	return middleware.DeserializeMiddlewareFunc("awsmapResponder",
		func(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (middleware.DeserializeOutput, middleware.Metadata, error) {
			out, err := r.Respond(ctx, Request{
				Service:   awsmw.GetServiceID(ctx),
				Operation: awsmw.GetOperationName(ctx),
				Region:    awsmw.GetRegion(ctx),
				Account:   accountOf(ctx),
				Input:     ctx.Value(inputKey{}),
			})
			if errors.Is(err, ErrPassThrough) {
				return next.HandleDeserialize(ctx, in)
			}
			if errors.Is(err, ErrEmptyAnswer) {
				return next.HandleDeserialize(context.WithValue(ctx, emptyAnswerKey{}, true), in)
			}
			return middleware.DeserializeOutput{Result: out}, middleware.Metadata{}, err
		})
}

// captureInput keeps the operation input for the responder, which runs in a
// later step where only the serialized request is available.
var captureInput = middleware.InitializeMiddlewareFunc("awsmapCaptureInput",
	func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
		return next.HandleInitialize(context.WithValue(ctx, inputKey{}, in.Parameters), in)
	})

type emptyAnswerKey struct{}

// emptyResponse stands in for the network after the operation's deserializer
// when the responder asked for an empty answer: an HTTP 200 with an empty
// body, which every protocol's deserializer reads as the empty output.
var emptyResponse = middleware.DeserializeMiddlewareFunc("awsmapEmptyAnswer",
	func(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (middleware.DeserializeOutput, middleware.Metadata, error) {
		if ctx.Value(emptyAnswerKey{}) == nil {
			return next.HandleDeserialize(ctx, in)
		}
		header := http.Header{}
		// A CBOR (Smithy RPC v2) deserializer rejects an answer that does
		// not name its protocol; an empty CBOR body is the empty output.
		if req, ok := in.Request.(*smithyhttp.Request); ok && req.Header.Get("Smithy-Protocol") == cborProtocol {
			header.Set("Smithy-Protocol", cborProtocol)
			header.Set("Content-Type", "application/cbor")
		}
		return middleware.DeserializeOutput{RawResponse: &smithyhttp.Response{Response: &http.Response{
			StatusCode: http.StatusOK, Status: "200 OK", Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
			Header: header, Body: io.NopCloser(strings.NewReader("")), ContentLength: 0,
		}}}, middleware.Metadata{}, nil
	})
