// Package catalog is the type catalog as data: every resource type awsmap
// collects (scope, fields, relationships), generated from the collector
// registry into catalog.json and embedded. Offline packages and their
// tests read it without linking any AWS client; collect/all's tests fail
// when it drifts from the registry.
package catalog

import (
	_ "embed"
	"encoding/json"
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
