//go:build unix

package collecttest

import (
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

func TestPoolLendsEachServerToOneBorrowerAtATime(t *testing.T) {
	var resets atomic.Int32
	fake := func() *Moto {
		s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method == http.MethodPost && r.URL.Path == "/moto-api/reset" {
				resets.Add(1)
			}
		}))
		t.Cleanup(s.Close)
		return &Moto{URL: s.URL}
	}
	dir := t.TempDir()
	if err := WritePool(dir, []*Moto{fake(), fake()}); err != nil {
		t.Fatal(err)
	}
	a, err := borrow(dir)
	if err != nil {
		t.Fatal(err)
	}
	b, err := borrow(dir)
	if err != nil {
		t.Fatal(err)
	}
	if a.URL == b.URL {
		t.Fatalf("two borrowers got the same server %s", a.URL)
	}
	third := make(chan *Moto)
	go func() {
		m, err := borrow(dir)
		if err != nil {
			t.Error(err)
		}
		third <- m
	}()
	select {
	case m := <-third:
		t.Fatalf("a third borrower got %s while both servers were lent", m.URL)
	case <-time.After(200 * time.Millisecond):
	}
	a.Stop() // gives it back
	if c := <-third; c.URL != a.URL {
		t.Errorf("the third borrower got %s, want the returned %s", c.URL, a.URL)
	}
	if got := resets.Load(); got != 3 {
		t.Errorf("%d resets, want one per loan (3)", got)
	}
}
