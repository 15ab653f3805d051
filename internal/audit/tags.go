package audit

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/store"
)

// TagOptions parameterise the tag audit.
type TagOptions struct {
	Required         []string // required keys; empty: "has at least one tag"
	Services         []string // limit to these services
	IncludeDefaults  bool
	UntaggedOnly     bool // list only resources with no tag at all
	NoncompliantOnly bool // list only non-compliant resources (the default listing)
}

// TagCount is a compliance count.
type TagCount struct {
	Compliant int     `json:"compliant"`
	Total     int     `json:"total"`
	Percent   float64 `json:"percent"`
}

// TagKeyCount is the coverage of one required key.
type TagKeyCount struct {
	Key     string  `json:"key"`
	Present int     `json:"present"`
	Total   int     `json:"total"`
	Percent float64 `json:"percent"`
}

// ServiceCount is the compliance of one service.
type ServiceCount struct {
	Service string `json:"service"`
	TagCount
}

// TagResource is one listed resource.
type TagResource struct {
	model.Key
	Name     string   `json:"name"`
	Missing  []string `json:"missing"`
	Untagged bool     `json:"untagged"`
}

// TagReport is the tag audit's result.
type TagReport struct {
	Required        []string       `json:"required"`
	Accounts        []string       `json:"accounts,omitempty"`
	Services        []string       `json:"services,omitempty"`
	IncludeDefaults bool           `json:"include_defaults"`
	Listing         string         `json:"listing"` // noncompliant or untagged
	Overall         TagCount       `json:"overall"`
	PerKey          []TagKeyCount  `json:"per_tag"`
	ByService       []ServiceCount `json:"by_service"`
	Resources       []TagResource  `json:"resources"`
	// Complete is false when the tags of a type in scope were not (fully)
	// collected somewhere: the scores are then UNKNOWN there, and
	// Incomplete says where.
	Complete   bool  `json:"complete"`
	Incomplete []Gap `json:"incomplete"`
}

// AnyTag is what Missing holds when no key is required and there is no tag.
const AnyTag = "(any tag)"

// Tags runs the tag compliance audit. A tag is present when its key exists
// with a non-empty value.
func Tags(ctx context.Context, q Querier, opts TagOptions, scope Scope) (*TagReport, error) {
	if opts.UntaggedOnly && opts.NoncompliantOnly {
		return nil, usage(fmt.Errorf("--untagged-only and --noncompliant-only are mutually exclusive"))
	}
	if len(opts.Services) > 0 {
		for _, s := range opts.Services {
			if err := checkFilters(ctx, q, scope.Types, Filters{Service: s}); err != nil {
				return nil, err
			}
		}
	}
	taggable, untaggable := splitTaggable(scope.Types)
	sql := `SELECT account_id, region, service, type, id, coalesce(name, ''), tags FROM resources
		WHERE (is_default = 0 OR :include_defaults = 1)
		AND service || '/' || type NOT IN (SELECT value FROM json_each(:untaggable))`
	if len(opts.Services) > 0 {
		sql += ` AND service IN (SELECT value FROM json_each(:services))`
	}
	sql += ` ORDER BY service, type, account_id, region, id`
	svcJSON, _ := json.Marshal(opts.Services)
	untaggableJSON, _ := json.Marshal(untaggable)
	incl := int64(0)
	if opts.IncludeDefaults {
		incl = 1
	}
	b, err := bindSQL(sql, func(n string) (any, error) {
		switch n {
		case "include_defaults":
			return incl, nil
		case "services":
			return string(svcJSON), nil
		case "untaggable":
			return string(untaggableJSON), nil
		}
		return nil, fmt.Errorf("unknown parameter %s", n)
	}, Filters{Accounts: scope.Accounts})
	if err != nil {
		return nil, err
	}
	gaps, err := tagGaps(ctx, q, taggable, opts.Services, scope)
	if err != nil {
		return nil, err
	}
	rows, err := q.Query(ctx, b.SQL, b.Args...)
	if err != nil {
		return nil, fmt.Errorf("tags: %w", err)
	}
	defer rows.Close()
	rep := &TagReport{Required: opts.Required, Accounts: scope.Accounts, Services: opts.Services,
		IncludeDefaults: opts.IncludeDefaults, Listing: "noncompliant", Resources: []TagResource{},
		Complete: len(gaps) == 0, Incomplete: append([]Gap{}, gaps...)}
	if rep.Required == nil {
		rep.Required = []string{}
	}
	if opts.UntaggedOnly {
		rep.Listing = "untagged"
	}
	present := make([]int, len(opts.Required))
	bySvc := map[string]*TagCount{}
	for rows.Next() {
		v := rows.Values()
		var tags map[string]string
		if s := store.Text(v[6]); s != "" && s != "null" {
			if err := json.Unmarshal([]byte(s), &tags); err != nil {
				return nil, fmt.Errorf("tags of %s: %w", store.Text(v[4]), err)
			}
		}
		nonEmpty := 0
		for _, val := range tags {
			if val != "" {
				nonEmpty++
			}
		}
		res := TagResource{Key: model.Key{Account: store.Text(v[0]), Region: store.Text(v[1]), Service: store.Text(v[2]), Type: store.Text(v[3]), ID: store.Text(v[4])},
			Name: store.Text(v[5]), Untagged: len(tags) == 0, Missing: []string{}}
		if len(opts.Required) == 0 {
			if nonEmpty == 0 {
				res.Missing = append(res.Missing, AnyTag)
			}
		}
		for i, k := range opts.Required {
			if tags[k] != "" {
				present[i]++
			} else {
				res.Missing = append(res.Missing, k)
			}
		}
		compliant := len(res.Missing) == 0
		rep.Overall.Total++
		sc := bySvc[res.Service]
		if sc == nil {
			sc = &TagCount{}
			bySvc[res.Service] = sc
		}
		sc.Total++
		if compliant {
			rep.Overall.Compliant++
			sc.Compliant++
		}
		switch {
		case opts.UntaggedOnly && res.Untagged:
			rep.Resources = append(rep.Resources, res)
		case !opts.UntaggedOnly && !compliant:
			rep.Resources = append(rep.Resources, res)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("tags: %w", err)
	}
	rep.Overall.Percent = pct(rep.Overall.Compliant, rep.Overall.Total)
	for i, k := range opts.Required {
		rep.PerKey = append(rep.PerKey, TagKeyCount{Key: k, Present: present[i], Total: rep.Overall.Total,
			Percent: pct(present[i], rep.Overall.Total)})
	}
	if rep.PerKey == nil {
		rep.PerKey = []TagKeyCount{}
	}
	for s, c := range bySvc {
		c.Percent = pct(c.Compliant, c.Total)
		rep.ByService = append(rep.ByService, ServiceCount{Service: s, TagCount: *c})
	}
	sort.Slice(rep.ByService, func(i, j int) bool {
		a, b := rep.ByService[i], rep.ByService[j]
		if a.Percent != b.Percent {
			return a.Percent < b.Percent
		}
		return a.Service < b.Service
	})
	if rep.ByService == nil {
		rep.ByService = []ServiceCount{}
	}
	return rep, nil
}

// splitTaggable returns the catalog's taggable types and, as
// "service/type", the others.
func splitTaggable(types []model.TypeInfo) (taggable []TypeRef, untaggable []string) {
	untaggable = []string{}
	for _, t := range types {
		if t.Taggable {
			taggable = append(taggable, TypeRef{t.Service, t.Type})
		} else {
			untaggable = append(untaggable, t.Service+"/"+t.Type)
		}
	}
	return taggable, untaggable
}

// tagGaps are the places where the tags of a taggable type in scope were not
// collected: the types of the -s services, or else of every service the
// inventory has collected at all (a service never scanned is not in scope).
func tagGaps(ctx context.Context, q Querier, taggable []TypeRef, services []string, scope Scope) ([]Gap, error) {
	scan, err := AuditedScan(ctx, q, scope.ScanID)
	if err != nil {
		return nil, err
	}
	if len(services) == 0 {
		if services, err = strings1(ctx, q, `SELECT DISTINCT service FROM main.collection_versions WHERE first_scan <= ?1`, scan); err != nil {
			return nil, fmt.Errorf("tags: %w", err)
		}
	}
	var reads []TypeRef
	for _, ref := range taggable {
		if slices.Contains(services, ref.Service) {
			reads = append(reads, ref)
		}
	}
	return scope.gaps(ctx, q, reads, scan)
}

func pct(n, total int) float64 {
	if total == 0 {
		return 100
	}
	return math.Round(float64(n)*1000/float64(total)) / 10
}

// ParseKeys splits comma lists of tag keys, dropping blanks and duplicates.
func ParseKeys(lists ...string) []string {
	var out []string
	seen := map[string]bool{}
	for _, l := range lists {
		for _, k := range strings.Split(l, ",") {
			if k = strings.TrimSpace(k); k != "" && !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	return out
}
