package all

import (
	"slices"
	"testing"

	"github.com/awsmap/awsmap/internal/catalog"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/gendoc"
	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/store"
)

// Every registered type must turn into a typed view: unique view names,
// snake_case fields, no duplicate columns.
func TestRegistryTypesMakeValidViews(t *testing.T) {
	if err := store.CheckTypes(Types()); err != nil {
		t.Fatal(err)
	}
}

func TestRegistryNamesAreUniqueAndDocumented(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range Services() {
		if seen[s.Name] {
			t.Errorf("service %s registered twice", s.Name)
		}
		seen[s.Name] = true
		if s.Description == "" {
			t.Errorf("service %s has no description", s.Name)
		}
		for _, typ := range s.Types {
			if typ.Description == "" || typ.Collect == nil {
				t.Errorf("%s/%s lacks a description or a collect function", s.Name, typ.Name)
			}
			for _, f := range typ.Fields {
				if f.Description == "" || !slices.Contains(model.Kinds, f.Type) {
					t.Errorf("%s/%s field %s lacks a description or a valid kind (%q)", s.Name, typ.Name, f.Name, f.Type)
				}
			}
		}
	}
}

// The embedded catalog the offline packages read is the registry's.
func TestCatalogIsGenerated(t *testing.T) {
	b, err := catalog.Encode(Types())
	if err != nil {
		t.Fatal(err)
	}
	gendoc.Check(t, "../../../"+catalog.File, string(b), "go test ./internal/collect/all -run TestCatalogIsGenerated")
}

// Every declared relationship starts at a type of its service and points
// to a registered type (collecttest.Run checks that collectors record only
// declared ones).
func TestRelationsPointToRegisteredTypes(t *testing.T) {
	registered := map[string]bool{}
	for _, typ := range Types() {
		registered[typ.Service+"/"+typ.Type] = true
	}
	for _, s := range Services() {
		seen := map[collect.Relation]bool{}
		for _, r := range s.Relations {
			if !registered[s.Name+"/"+r.From] {
				t.Errorf("%s declares a relation from %q, not one of its types", s.Name, r.From)
			}
			if !registered[r.To] {
				t.Errorf("%s/%s -%s-> %s: no collector produces %s", s.Name, r.From, r.Kind, r.To, r.To)
			}
			if r.Kind == "" || seen[r] {
				t.Errorf("%s/%s -> %s: empty or repeated kind %q", s.Name, r.From, r.To, r.Kind)
			}
			seen[r] = true
		}
	}
}

// Every type declares whether AWS lets it be tagged and, if it does, how its
// tags are read: a taggable type that reads none stores {} for every
// resource, and the tag audit calls them all non-compliant.
func TestRegistryTypesDeclareTheirTagPath(t *testing.T) {
	paths := []collect.TagPath{collect.NotTaggable, collect.TagsListed, collect.TagsBulk, collect.TagsPerResource}
	for _, s := range Services() {
		for _, typ := range s.Types {
			if !slices.Contains(paths, typ.Tags) {
				t.Errorf("%s/%s: Tags is %q; declare collect.NotTaggable or the type's tag path (%v)", s.Name, typ.Name, typ.Tags, paths[1:])
			}
			if info := s.Info(typ); info.Taggable != (typ.Tags != collect.NotTaggable) {
				t.Errorf("%s/%s: TypeInfo.Taggable = %v with tag path %q", s.Name, typ.Name, info.Taggable, typ.Tags)
			}
		}
	}
}
