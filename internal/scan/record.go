package scan

import (
	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/store"
)

// Failed reports whether the collection left a gap in the inventory:
// anything but ok, not-found and unsupported (a service not offered there,
// or not to this caller, has nothing to collect).
func (c Collection) Failed() bool {
	switch c.Outcome {
	case awsx.OK, awsx.NotFound, awsx.Unsupported:
		return false
	}
	return true
}

// Record is what the store keeps of a run: its collections, the ledger, and
// the status (partial when any collection failed).
func Record(res Result, ledger *Ledger) store.ScanResult {
	sr := store.ScanResult{Status: store.StatusComplete, Duration: res.Duration}
	for _, c := range res.Collections {
		if c.Failed() {
			sr.Status = store.StatusPartial
		}
		sr.Collections = append(sr.Collections, store.Collection{
			AccountID: c.Account, Region: c.Region, Service: c.Service, Type: c.Type,
			Outcome: string(c.Outcome), Operation: c.Operation, ErrorCode: c.ErrorCode, ErrorMessage: c.ErrorMessage,
			Items: int64(c.Items), Duration: c.Duration,
		})
	}
	for _, c := range ledger.Rows() {
		sr.Calls = append(sr.Calls, store.APICall{
			AccountID: c.Account, Region: c.Region, Service: c.Service, Operation: c.Operation,
			Calls: int64(c.Calls), Pages: int64(c.Pages), Items: int64(c.Items), Retries: int64(c.Retries), Throttles: int64(c.Throttles), Errors: int64(c.Errors),
			Outcome: string(c.Outcome), ErrorCode: c.ErrorCode, ErrorMessage: c.ErrorMessage, Duration: c.Duration,
		})
	}
	return sr
}
