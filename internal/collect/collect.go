// Package collect defines what a collector is: per AWS service, a list of
// resource types, each with one function that pages through a list API and
// emits resources and relationships. Service packages live below this one
// (collect/ec2, collect/s3, ...) and are registered in collect/all.
package collect

import (
	"context"
	"slices"
	"strings"

	"github.com/awsmap/awsmap/internal/model"
)

// Scope says how often a service's types are collected (see model.Scope);
// the names are repeated here for the service definitions.
type Scope = model.Scope

const (
	Regional    = model.Regional
	Global      = model.Global
	AccountWide = model.AccountWide
)

// Service is one AWS service's collector.
type Service struct {
	Name        string // lower-case, as users type it with -s: "ec2"
	Description string
	Scope       Scope // of all its types; Global and AccountWide services are called in awsx.HomeRegion
	Types       []Type
	// Calls says, per type, which API calls a collection makes (the
	// table of calls in docs/internals.md is generated from it).
	Calls string
	// Relations are every relationship its collectors record: tests fail
	// on one not declared here, or pointing to a type no collector has.
	Relations []Relation
}

// Relation declares that resources of type From (of the service) may
// relate with Kind to resources of To ("service/type").
type Relation struct {
	From, Kind, To string
}

// Type collects one resource type.
type Type struct {
	Name        string // "instance"
	Description string
	Fields      []model.Field // every key Collect puts in Details
	Collect     func(ctx context.Context, t *Task) error
	// Tags is where the type's tags come from, or NotTaggable when AWS
	// offers no tags for it. Every type declares it: the registry test
	// fails on a type that does not, so a taggable type cannot silently
	// store {} (the tag audit would call its resources non-compliant).
	Tags TagPath
	// DetailCalls is the number of API calls per resource found beyond the
	// paged listing (0 for most types). The plan starts the types that make
	// the most first: their calls, ramping up under rate control, set a
	// scan's length.
	DetailCalls int
}

// TagPath says how a type's tags are read.
type TagPath string

const (
	// NotTaggable: AWS does not let the type be tagged; its tags are always {}.
	NotTaggable TagPath = "not taggable"
	// TagsListed: the list or describe call returns the tags.
	TagsListed TagPath = "listed"
	// TagsBulk: GetResources through BulkTags, checked against and else
	// replaced by the service's per-resource tag call.
	TagsBulk TagPath = "bulk"
	// TagsPerResource: the service's tag call per resource or per batch of
	// resources, run concurrently (ForEach, TagBatches).
	TagsPerResource TagPath = "per resource"
)

// Taggable reports whether AWS lets resources of the type carry tags.
func (t Type) Taggable() bool { return t.Tags != "" && t.Tags != NotTaggable }

// Info describes t as part of s.
func (s *Service) Info(t Type) model.TypeInfo {
	info := model.TypeInfo{Service: s.Name, Type: t.Name, Description: t.Description, Scope: s.Scope, Fields: t.Fields, Taggable: t.Taggable()}
	for _, r := range s.Relations {
		if r.From == t.Name {
			service, typ, _ := strings.Cut(r.To, "/")
			info.Relations = append(info.Relations, model.Relation{Kind: r.Kind, Service: service, Type: typ})
		}
	}
	return info
}

// Declares reports whether s declares that From resources relate with Kind
// to resources of To's service and type.
func (s *Service) Declares(rel model.Relationship) bool {
	to := rel.To.Service + "/" + rel.To.Type
	return rel.From.Service == s.Name && slices.Contains(s.Relations, Relation{From: rel.From.Type, Kind: rel.Kind, To: to})
}
