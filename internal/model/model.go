// Package model holds the types every part of awsmap shares: resources, the
// relationships between them, and the self-description of stored fields.
package model

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// GlobalRegion is the region recorded for resources of global services
// (IAM, Route 53, CloudFront, Organizations...).
const GlobalRegion = "global"

// AllRegions is the region of a collection whose list call covers every
// region at once (S3 ListBuckets): it vouches for the resources of all regions.
const AllRegions = "*"

// CodeNotEnabled is the error code of a collection whose service the
// account has not turned on in the region (GuardDuty without a detector,
// Security Hub not subscribed): recorded unsupported, it still vouches for
// the region, since AWS said there is nothing there.
const CodeNotEnabled = "NotEnabled"

// Key identifies a resource across scans.
type Key struct {
	Account string `json:"account_id"`
	Region  string `json:"region"`
	Service string `json:"service"`
	Type    string `json:"type"`
	ID      string `json:"id"`
}

// String renders the key as account/region/service/type/id.
func (k Key) String() string {
	return k.Account + "/" + k.Region + "/" + k.Service + "/" + k.Type + "/" + k.ID
}

// Resource is one collected AWS resource. Details holds the documented,
// type-specific fields (snake_case names listed by `awsmap schema`).
type Resource struct {
	Key
	ARN       string            `json:"arn,omitempty"`
	Name      string            `json:"name,omitempty"`
	CreatedAt string            `json:"created_at,omitempty"` // RFC 3339 UTC, empty when AWS does not say
	IsDefault bool              `json:"is_default"`
	Tags      map[string]string `json:"tags"`
	Details   map[string]any    `json:"details"`
}

// Relationship is a directed edge between two resources, e.g.
// instance -in-subnet-> subnet.
type Relationship struct {
	From Key    `json:"from"`
	Kind string `json:"kind"`
	To   Key    `json:"to"`
	// ToGuessed says that To's account and region are a guess: a trail names
	// its log bucket, not where the bucket lives (often a central logging
	// account). The store resolves them by To's service, type and id when
	// exactly one current resource matches, and keeps the guess otherwise.
	ToGuessed bool `json:"to_guessed,omitempty"`
}

// Field describes one stored details field.
type Field struct {
	Name        string // snake_case key inside details
	Type        Kind
	Description string // one line
	// Values, for enum-like text fields, are every value the collector
	// writes (AWS's names, or its own such as "none"). Audits comparing the
	// field with a literal are checked against them (internal/audit).
	Values []string
}

// Kind is the type of a details field's values, as typed views and
// `awsmap schema` show it.
type Kind string

// The kinds of details fields.
const (
	Text      Kind = "text"
	Integer   Kind = "integer"
	Real      Kind = "real"
	Boolean   Kind = "boolean"
	Timestamp Kind = "timestamp" // RFC 3339 UTC text
	JSON      Kind = "json"      // a list or an object
)

// Kinds are every valid Kind.
var Kinds = []Kind{Text, Integer, Real, Boolean, Timestamp, JSON}

// Scope says where a type's resources live and how often they are collected.
type Scope int

const (
	// Regional types are collected once per region.
	Regional Scope = iota
	// Global types belong to a global service (IAM, Route 53...): collected
	// once, from the service's control-plane region, stored with region "global".
	Global
	// AccountWide types are listed once for all regions (S3 buckets): the
	// collection vouches for every planned region.
	AccountWide
)

// String is the scope as docs and `awsmap schema` name it.
func (s Scope) String() string {
	switch s {
	case Global:
		return "global"
	case AccountWide:
		return "account-wide"
	}
	return "regional"
}

// MarshalText writes the scope by name (the type catalog is JSON).
func (s Scope) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a scope name.
func (s *Scope) UnmarshalText(b []byte) error {
	for _, c := range []Scope{Regional, Global, AccountWide} {
		if c.String() == string(b) {
			*s = c
			return nil
		}
	}
	return fmt.Errorf("unknown scope %q", b)
}

// TypeInfo describes one resource type a collector produces: what offline
// commands know of it without linking any AWS client.
type TypeInfo struct {
	Service     string
	Type        string
	Description string
	Scope       Scope
	Fields      []Field
	Relations   []Relation // the relationships its resources have to others
	// Taggable says AWS lets the type carry tags; the tag audit scores only
	// taggable types.
	Taggable bool
}

// Relation is a kind of relationship a type's resources have, and the type
// it points to: instance -in-subnet-> ec2/subnet.
type Relation struct {
	Kind    string
	Service string
	Type    string
}

// Catalog describes every resource type awsmap collects. The CLI builds it
// from the collector registry and passes it to the offline packages.
type Catalog []TypeInfo

// ScopeOf is the scope of service's types; Regional for a service the
// catalog does not list.
func (c Catalog) ScopeOf(service string) Scope {
	for _, t := range c {
		if t.Service == service {
			return t.Scope
		}
	}
	return Regional
}

// Services are the catalog's service names, in catalog order, once each.
func (c Catalog) Services() []string {
	var out []string
	for _, t := range c {
		if !slices.Contains(out, t.Service) {
			out = append(out, t.Service)
		}
	}
	return out
}

// View is the name of the typed SQL view for the type, e.g. ec2_instances.
func (t TypeInfo) View() string {
	name := strings.ReplaceAll(t.Service+"_"+t.Type, "-", "_")
	switch {
	case strings.HasSuffix(name, "y") && !strings.HasSuffix(name, "ey"):
		return strings.TrimSuffix(name, "y") + "ies"
	case strings.HasSuffix(name, "s"), strings.HasSuffix(name, "x"), strings.HasSuffix(name, "sh"):
		return name + "es"
	}
	return name + "s"
}

// Time formats an AWS timestamp as RFC 3339 UTC; nil or zero gives "".
func Time(t *time.Time) string {
	if t == nil || t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
