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

// AllItems gathers the items of every page of p (items picks them out).
func AllItems[Opt, Out, T any](ctx context.Context, p Pager[Opt, Out], items func(page *Out) []T) ([]T, error) {
	var all []T
	err := EachPage(ctx, p, func(page *Out) error { all = append(all, items(page)...); return nil })
	return all, err
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

// TokenPager is a Pager over a list call paged by a next token, for the
// APIs the SDK has no paginator for. call makes one call from token (nil
// for the first page); next reads the token of the following page.
type TokenPager[Opt, Out any] struct {
	call    func(ctx context.Context, token *string, optFns ...func(*Opt)) (*Out, error)
	next    func(*Out) *string
	token   *string
	started bool
}

// NewTokenPager pages through call; see TokenPager.
func NewTokenPager[Opt, Out any](call func(ctx context.Context, token *string, optFns ...func(*Opt)) (*Out, error), next func(*Out) *string) *TokenPager[Opt, Out] {
	return &TokenPager[Opt, Out]{call: call, next: next}
}

// HasMorePages implements Pager.
func (p *TokenPager[Opt, Out]) HasMorePages() bool {
	return !p.started || p.token != nil && *p.token != ""
}

// NextPage implements Pager.
func (p *TokenPager[Opt, Out]) NextPage(ctx context.Context, optFns ...func(*Opt)) (*Out, error) {
	out, err := p.call(ctx, p.token, optFns...)
	if err != nil {
		return nil, err
	}
	p.started, p.token = true, p.next(out)
	return out, nil
}
