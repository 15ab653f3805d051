package collecttest

import (
	"context"
	"errors"

	"github.com/aws/smithy-go"

	"github.com/awsmap/awsmap/internal/awsx"
)

// Deny answers the named operations with AccessDenied and passes every other
// call through to the emulator.
func Deny(operations ...string) awsx.Responder {
	deny := map[string]bool{}
	for _, op := range operations {
		deny[op] = true
	}
	return awsx.ResponderFunc(func(_ context.Context, req awsx.Request) (any, error) {
		if deny[req.Operation] {
			return nil, accessDenied(req.Operation)
		}
		return nil, awsx.ErrPassThrough
	})
}

// Denied is a Canned answer that denies operation as Deny does.
func Denied(operation string) func(input any) (any, error) {
	return func(any) (any, error) { return nil, accessDenied(operation) }
}

func accessDenied(operation string) error {
	return &smithy.GenericAPIError{Code: "AccessDenied", Message: "User is not authorized to perform " + operation}
}

// Canned answers the named operations with fixed outputs (for APIs the
// emulator lacks) and passes every other call through. Each function gets the
// operation's *XxxInput and returns its *XxxOutput, so paginators still page.
func Canned(answers map[string]func(input any) (any, error)) awsx.Responder {
	return awsx.ResponderFunc(func(_ context.Context, req awsx.Request) (any, error) {
		if f, ok := answers[req.Operation]; ok {
			return f(req.Input)
		}
		return nil, awsx.ErrPassThrough
	})
}

// TagDenial is one way of denying a bulk-tagged type's tag reads, with
// what the collection must then show.
type TagDenial struct {
	Deny   []string // operations answered with AccessDenied
	Tagged bool     // the resources still carry their tags
	Warned bool     // the collection has warnings (is partial)
}

// TagDenials are the cases every bulk-tagged type must pass: tags come
// from GetResources, else from the per-resource operation perResource;
// only when both are denied are resources emitted without them.
func TagDenials(perResource string) []TagDenial {
	return []TagDenial{
		{Deny: []string{perResource}, Tagged: true},
		{Deny: []string{"GetResources"}, Tagged: true},
		{Deny: []string{"GetResources", perResource}, Warned: true},
	}
}

// Chain answers each call with the first responder that does not pass it
// through (Deny one operation in front of Canned answers, say).
func Chain(rs ...awsx.Responder) awsx.Responder {
	return awsx.ResponderFunc(func(ctx context.Context, req awsx.Request) (any, error) {
		for _, r := range rs {
			if out, err := r.Respond(ctx, req); !errors.Is(err, awsx.ErrPassThrough) {
				return out, err
			}
		}
		return nil, awsx.ErrPassThrough
	})
}
