package collect

import (
	"context"
)

// PageSize is the page size to request: max, or the task's PageCap when
// that is lower.
func (t *Task) PageSize(max int32) *int32 {
	if t.PageCap > 0 && t.PageCap < max {
		max = t.PageCap
	}
	return &max
}

// Pager is an AWS SDK v2 paginator: Opt is the service's Options type, Out
// the list operation's output.
type Pager[Opt, Out any] interface {
	HasMorePages() bool
	NextPage(ctx context.Context, optFns ...func(*Opt)) (*Out, error)
}

// EachPage fetches the pages of p one at a time and runs fn on each before
// fetching the next, so a collection holds one page of SDK objects rather
// than the whole listing; fn typically runs ForEach over the page's items
// and emits them. It returns the first listing error (resources of earlier
// pages have already been emitted) or the first error fn returns.
func EachPage[Opt, Out any](ctx context.Context, p Pager[Opt, Out], fn func(page *Out) error) error {
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		if err := fn(page); err != nil {
			return err
		}
	}
	return nil
}

// EachItem pages through p as EachPage does and runs fn on the items of
// each page (items picks them out) concurrently, with ForEach: the shape
// of a listing followed by a detail call per resource.
func EachItem[Opt, Out, T any](ctx context.Context, p Pager[Opt, Out], items func(page *Out) []T, fn func(ctx context.Context, item T)) error {
	return EachPage(ctx, p, func(page *Out) error {
		ForEach(ctx, items(page), fn)
		return nil
	})
}
