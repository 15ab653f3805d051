package all

import (
	"slices"
	"testing"

	"github.com/awsmap/awsmap/internal/collect"
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
				if f.Description == "" || f.Type == "" {
					t.Errorf("%s/%s field %s lacks a type or description", s.Name, typ.Name, f.Name)
				}
			}
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
