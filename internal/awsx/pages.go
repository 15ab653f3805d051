package awsx

import (
	"reflect"
	"sync"
)

// A page, in the ledger, is a successful call of a paginated operation: one
// whose input has a pagination token field (pageTokens). Its items are the
// elements of the top-level lists of its output: DescribeInstances counts
// reservations, ListTagsForResource tags. Other calls (one resource's
// details, a call without paging such as DescribeAddresses) count neither.
var pageTokens = []string{"NextToken", "Marker", "ContinuationToken", "PaginationToken", "StartingToken",
	"NextPageToken", "Position", "ExclusiveStartTableName"}

// pageShape is what listPage needs to know of an input and output type.
type pageShape struct {
	paginated bool
	lists     []int // indices of the output's slice fields
}

// shapes caches pageShape by input and output type.
var shapes sync.Map // [2]reflect.Type -> pageShape

// listPage says whether a successful call with input and output returned a
// page, and how many items it held.
func listPage(input, output any) (page bool, items int) {
	in, out := reflect.ValueOf(input), reflect.ValueOf(output)
	if in.Kind() != reflect.Pointer || out.Kind() != reflect.Pointer || in.IsNil() || out.IsNil() {
		return false, 0
	}
	key := [2]reflect.Type{in.Type(), out.Type()}
	s, ok := shapes.Load(key)
	if !ok {
		s, _ = shapes.LoadOrStore(key, shapeOf(in.Type().Elem(), out.Type().Elem()))
	}
	shape := s.(pageShape)
	if !shape.paginated {
		return false, 0
	}
	o := out.Elem()
	for _, i := range shape.lists {
		items += o.Field(i).Len()
	}
	return true, items
}

func shapeOf(in, out reflect.Type) pageShape {
	var s pageShape
	if in.Kind() != reflect.Struct || out.Kind() != reflect.Struct {
		return s
	}
	for _, name := range pageTokens {
		if _, ok := in.FieldByName(name); ok {
			s.paginated = true
		}
	}
	for i := range out.NumField() {
		f := out.Field(i)
		if f.IsExported() && f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() != reflect.Uint8 {
			s.lists = append(s.lists, i)
		}
	}
	return s
}
