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

// Record is what the store keeps of a run: its collections, the ledger,
// its accounts with their outcomes, and the status (partial when any
// collection failed).
func Record(res Result, ledger *Ledger) store.ScanResult {
	sr := store.ScanResult{Status: store.StatusComplete, Duration: res.Duration}
	failed, ran := map[string]bool{}, map[string]bool{}
	for _, c := range res.Collections {
		if c.Failed() {
			sr.Status = store.StatusPartial
			failed[c.Account] = true
		}
		ran[c.Account] = ran[c.Account] || c.Outcome != awsx.Skipped
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
	for _, a := range res.Accounts {
		sr.Accounts = append(sr.Accounts, recordAccount(a, failed[a.ID], ran[a.ID]))
	}
	return sr
}

// recordAccount is the account's outcome: denied when it could not be
// reached, not scanned when the scan ended (Ctrl-C) before any of its
// collections ran, partial when one failed.
func recordAccount(a Account, failed, ran bool) store.ScanAccount {
	sa := store.ScanAccount{ID: a.ID, Name: a.Name, Alias: a.Alias, OUPath: a.OUPath, OUNames: a.OUNames,
		Profile: a.Profile, RoleARN: a.RoleARN, Status: store.AccountOK}
	switch {
	case a.Err != nil:
		sa.Status, sa.ErrorCode, sa.ErrorMessage = store.AccountDenied, awsx.ErrorCode(a.Err), awsx.ErrorMessage(a.Err)
	case !ran:
		sa.Status = store.AccountNotScanned
	case failed:
		sa.Status = store.AccountPartial
	}
	return sa
}
