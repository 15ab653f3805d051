package collect

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
)

type tokenPage struct {
	items []int
	next  *string
}

func TestTokenPager(t *testing.T) {
	var tokens []string
	call := func(_ context.Context, token *string, _ ...func(*struct{})) (*tokenPage, error) {
		tokens = append(tokens, aws.ToString(token))
		switch aws.ToString(token) {
		case "":
			return &tokenPage{items: []int{1, 2}, next: aws.String("b")}, nil
		case "b":
			return &tokenPage{items: []int{3}, next: aws.String("")}, nil // AWS ends some listings with "" rather than no token
		}
		return nil, errors.New("unexpected token")
	}
	p := NewTokenPager(call, func(p *tokenPage) *string { return p.next })
	got, err := AllItems(context.Background(), p, func(page *tokenPage) []int { return page.items })
	if err != nil || fmt.Sprint(got) != "[1 2 3]" || fmt.Sprint(tokens) != "[ b]" {
		t.Errorf("got %v %v after tokens %q", got, err, tokens)
	}

	failing := NewTokenPager(func(context.Context, *string, ...func(*struct{})) (*tokenPage, error) {
		return nil, errors.New("denied")
	},
		func(p *tokenPage) *string { return p.next })
	if err := EachPage(context.Background(), failing, func(*tokenPage) error { return nil }); err == nil || err.Error() != "denied" {
		t.Errorf("listing error lost: %v", err)
	}
}
