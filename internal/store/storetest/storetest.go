// Package storetest writes fixture scans into an inventory for the tests of
// the packages that read it (audit, diff, report).
package storetest

import (
	"testing"

	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/store"
)

// Scan is what one fixture scan stores.
type Scan struct {
	Meta        store.ScanMeta
	Resources   []*model.Resource
	Edges       []model.Relationship
	Collections []store.Collection
	Calls       []store.APICall
	// Status is the scan's status; "" means partial when a collection did
	// not end ok, complete otherwise.
	Status string
}

// Write stores s as one scan of db through the real writer and merge.
func Write(t testing.TB, db *store.DB, s Scan) {
	t.Helper()
	w, err := db.BeginScan(s.Meta)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range s.Resources {
		if err := w.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range s.Edges {
		if err := w.Relate(e); err != nil {
			t.Fatal(err)
		}
	}
	status := s.Status
	if status == "" {
		status = store.StatusComplete
		for _, c := range s.Collections {
			if c.Outcome != store.OutcomeOK {
				status = store.StatusPartial
			}
		}
	}
	if err := w.Finish(store.ScanResult{Status: status, Collections: s.Collections, Calls: s.Calls}); err != nil {
		t.Fatal(err)
	}
}
