// Package catalog is the type catalog as data: every resource type awsmap
// collects (scope, fields, relationships), generated from the collector
// registry into catalog.json and embedded. Offline packages and their
// tests read it without linking any AWS client; collect/all's tests fail
// when it drifts from the registry.
package catalog

import (
	_ "embed"
	"encoding/json"
	"slices"
	"strings"
	"sync"

	"github.com/awsmap/awsmap/internal/model"
)

// File is the catalog's path in the repository, for the generator.
const File = "internal/catalog/catalog.json"

//go:embed catalog.json
var data []byte

var parsed = sync.OnceValue(func() model.Catalog {
	var c model.Catalog
	if err := json.Unmarshal(data, &c); err != nil {
		panic("catalog.json: " + err.Error()) // generated: a test catches this first
	}
	return c
})

// Builtin is the catalog of the registry it was generated from. Callers
// must not modify it.
func Builtin() model.Catalog { return parsed() }

// Encode renders c as catalog.json holds it.
func Encode(c model.Catalog) ([]byte, error) {
	b, err := json.MarshalIndent(c, "", "  ")
	return append(b, '\n'), err
}

// SDKFile is the SDK coverage's path in the repository, for the generator.
const SDKFile = "internal/catalog/sdk.json"

//go:embed sdk.json
var sdkData []byte

// SDKModule is one AWS SDK service module the collectors import: its read
// operations and which of them awsmap calls.
type SDKModule struct {
	Module   string   `json:"module"`   // SDK package, e.g. "ec2", "cloudwatchlogs"
	Services []string `json:"services"` // awsmap services whose collectors use it
	Reads    []string `json:"reads"`    // its List, Describe, Get, BatchGet and Search operations
	Called   []string `json:"called"`   // the operations awsmap calls (reads only)
}

// IsRead says whether an SDK operation counts as a read for the coverage.
func IsRead(operation string) bool {
	for _, verb := range []string{"List", "Describe", "Get", "BatchGet", "Search"} {
		if strings.HasPrefix(operation, verb) {
			return true
		}
	}
	return false
}

// IsListing says whether a read operation lists (List or Describe): what
// a resource type is usually built on.
func IsListing(operation string) bool {
	return strings.HasPrefix(operation, "List") || strings.HasPrefix(operation, "Describe")
}

var parsedSDK = sync.OnceValue(func() []SDKModule {
	var m []SDKModule
	if err := json.Unmarshal(sdkData, &m); err != nil {
		panic("sdk.json: " + err.Error()) // generated: a test catches this first
	}
	return m
})

// SDK is the coverage of the SDK modules the collectors import, by module
// name. Callers must not modify it.
func SDK() []SDKModule { return parsedSDK() }

// Listings counts m's listing operations and how many of them are called.
func (m SDKModule) Listings() (called, all int) {
	for _, op := range m.Reads {
		if IsListing(op) {
			all++
			if slices.Contains(m.Called, op) {
				called++
			}
		}
	}
	return called, all
}

// SDKTotals sums the coverage of several modules.
type SDKTotals struct{ Reads, Called, Listings, Listed int }

// Totals sums mods' coverage.
func Totals(mods []SDKModule) SDKTotals {
	var t SDKTotals
	for _, m := range mods {
		listed, listings := m.Listings()
		t.Reads, t.Called, t.Listings, t.Listed = t.Reads+len(m.Reads), t.Called+len(m.Called), t.Listings+listings, t.Listed+listed
	}
	return t
}

// Percent is n of `of` in percent (0 when of is 0).
func Percent(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return 100 * float64(n) / float64(of)
}
