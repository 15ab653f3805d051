package collect

import (
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/awsmap/awsmap/internal/model"
)

// Field declares one details field of a type whose resources are built
// from a T (usually the SDK's item struct), with the function that reads
// its value: the declaration `awsmap schema` shows and the stored value
// come from one place and cannot drift apart.
type Field[T any] struct {
	Name        string // snake_case key in details
	Kind        model.Kind
	Description string   // one line
	Values      []string // every value of an enum field (model.Field.Values)
	Get         func(T) any
}

// Fields are the details of one resource type, in the order `awsmap
// schema` lists them.
type Fields[T any] []Field[T]

// Declared is the field catalogue of the type (Type.Fields).
func (fs Fields[T]) Declared() []model.Field {
	out := make([]model.Field, len(fs))
	for i, f := range fs {
		out[i] = model.Field{Name: f.Name, Type: f.Kind, Description: f.Description, Values: f.Values}
	}
	return out
}

// Details reads every field of v: a resource's Details. A getter that
// returns nil (untyped) leaves its field out: AWS did not say. One that
// returns Null stores a JSON null: AWS said there is none.
func (fs Fields[T]) Details(v T) map[string]any {
	m := make(map[string]any, len(fs))
	for _, f := range fs {
		switch val := f.Get(v); val {
		case nil:
		case Null:
			m[f.Name] = nil
		default:
			m[f.Name] = val
		}
	}
	return m
}

// Null is what a getter returns to store a JSON null ("unreserved"), as
// opposed to nil, which leaves the field out ("not known").
var Null any = null{}

type null struct{}

// The constructors below take the kind from the getter's Go type, so a
// field reads as name, description, getter.

// Text is a string field; nil is stored as "".
func Text[T any](name, description string, get func(T) *string) Field[T] {
	return Field[T]{Name: name, Kind: model.Text, Description: description, Get: func(v T) any { return aws.ToString(get(v)) }}
}

// sdkEnum is an SDK enum type: a string type that lists its values.
type sdkEnum[E any] interface {
	~string
	Values() []E
}

// Enum is a field of an SDK enum, declared with every value the SDK knows;
// unset is stored as "".
func Enum[T any, E sdkEnum[E]](name, description string, get func(T) E) Field[T] {
	var zero E
	values := make([]string, 0, len(zero.Values()))
	for _, v := range zero.Values() {
		values = append(values, string(v))
	}
	return Field[T]{Name: name, Kind: model.Text, Description: description, Values: values,
		Get: func(v T) any { return string(get(v)) }}
}

// Timestamp is a time field stored as RFC 3339 UTC; nil is stored as "".
func Timestamp[T any](name, description string, get func(T) *time.Time) Field[T] {
	return Field[T]{Name: name, Kind: model.Timestamp, Description: description, Get: func(v T) any { return model.Time(get(v)) }}
}

// Int is an integer field; nil is stored as 0.
func Int[T any, N ~int32 | ~int64 | ~int](name, description string, get func(T) *N) Field[T] {
	return Field[T]{Name: name, Kind: model.Integer, Description: description, Get: func(v T) any {
		if n := get(v); n != nil {
			return int64(*n)
		}
		return int64(0)
	}}
}

// Bool is a boolean field; nil is stored as false.
func Bool[T any](name, description string, get func(T) *bool) Field[T] {
	return Field[T]{Name: name, Kind: model.Boolean, Description: description, Get: func(v T) any { return aws.ToBool(get(v)) }}
}

// Computed is a field whose value needs more than one SDK attribute, or a
// kind the getter's type does not say (JSON lists and objects). Return nil
// (untyped) to leave the field out.
func Computed[T any](name string, kind model.Kind, description string, get func(T) any) Field[T] {
	return Field[T]{Name: name, Kind: kind, Description: description, Get: get}
}

// When leaves f out unless has(v): a field read from an answer that may be
// missing (a detail call that failed, an optional part of a response).
func When[T any](has func(T) bool, f Field[T]) Field[T] {
	get := f.Get
	f.Get = func(v T) any {
		if !has(v) {
			return nil
		}
		return get(v)
	}
	return f
}
