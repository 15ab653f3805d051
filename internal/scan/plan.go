package scan

import (
	"slices"
	"sort"
	"strings"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/suggest"
)

// Task is one (service, type, region) collection of the plan.
type Task struct {
	Service *collect.Service
	Type    collect.Type
	Region  string // region the calls go to
	// StoredRegion is the region resources and the collection are recorded
	// under: the region itself, model.GlobalRegion, or "" for AccountWide
	// types whose resources carry their own regions.
	StoredRegion string
}

// Plan is what a scan will collect in each account.
type Plan struct {
	Services []*collect.Service // those with tasks
	Regions  []string           // sorted
	Tasks    []Task
	// SkippedGlobal are the global services left out because -r did not
	// include their control-plane region (Home) and --include-global was not given.
	SkippedGlobal []*collect.Service
	Home          string
}

// SelectServices resolves -s names against the registry; empty means all.
// Unknown names are an error with the closest suggestions.
func SelectServices(all []*collect.Service, names []string) ([]*collect.Service, error) {
	if len(names) == 0 {
		return all, nil
	}
	byName := map[string]*collect.Service{}
	var known []string
	for _, s := range all {
		byName[s.Name] = s
		known = append(known, s.Name)
	}
	var out []*collect.Service
	seen := map[string]bool{}
	for _, n := range names {
		n = strings.ToLower(strings.TrimSpace(n))
		s, ok := byName[n]
		if !ok {
			return nil, suggest.Unknown("service", n, known)
		}
		if !seen[n] {
			seen[n] = true
			out = append(out, s)
		}
	}
	return out, nil
}

// SelectRegions checks -r names against the account's enabled regions;
// empty means all of them.
func SelectRegions(enabled, requested []string) ([]string, error) {
	if len(requested) == 0 {
		out := append([]string(nil), enabled...)
		sort.Strings(out)
		return out, nil
	}
	ok := map[string]bool{}
	for _, r := range enabled {
		ok[r] = true
	}
	var out []string
	seen := map[string]bool{}
	for _, r := range requested {
		r = strings.ToLower(strings.TrimSpace(r))
		if !ok[r] {
			return nil, suggest.Unknown("or disabled region", r, enabled)
		}
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	sort.Strings(out)
	return out, nil
}

// NewPlan lays out the tasks. Global services are collected once, from the
// home region of the regions' partition (awsx.HomeRegion: us-east-1 in
// "aws"); when regions were chosen with -r they are included only if that
// region was chosen, unless includeGlobal is set. Types that
// make per-resource calls come first, the most calls first (longest task
// first keeps the slowest endpoints off the end of the scan); otherwise
// tasks are interleaved so consecutive tasks hit different endpoints.
func NewPlan(services []*collect.Service, regions []string, regionsChosen, includeGlobal bool) Plan {
	regions = slices.Sorted(slices.Values(regions)) // collect.Task.InPlan searches them
	p := Plan{Regions: regions, Home: awsx.DefaultRegion}
	if len(regions) > 0 {
		p.Home = awsx.HomeRegion(regions[0]) // all enabled regions share one partition
	}
	home := p.Home
	var once, regional [][]Task
	for _, s := range services {
		switch s.Scope {
		case collect.Global:
			if regionsChosen && !includeGlobal && !slices.Contains(regions, home) {
				p.SkippedGlobal = append(p.SkippedGlobal, s)
				continue
			}
			p.Services = append(p.Services, s)
			once = append(once, typeTasks(s, home, model.GlobalRegion))
		case collect.AccountWide:
			p.Services = append(p.Services, s)
			once = append(once, typeTasks(s, home, ""))
		default:
			p.Services = append(p.Services, s)
			for _, r := range regions {
				regional = append(regional, typeTasks(s, r, r))
			}
		}
	}
	// Account-wide and global tasks first: they are few and often long.
	p.Tasks = append(interleave(once), interleave(regional)...)
	slices.SortStableFunc(p.Tasks, func(a, b Task) int { return b.Type.DetailCalls - a.Type.DetailCalls })
	return p
}

func typeTasks(s *collect.Service, region, stored string) []Task {
	out := make([]Task, 0, len(s.Types))
	for _, t := range s.Types {
		out = append(out, Task{Service: s, Type: t, Region: region, StoredRegion: stored})
	}
	return out
}

// interleave takes one task from each group in turn.
func interleave(groups [][]Task) []Task {
	var out []Task
	for i := 0; ; i++ {
		added := false
		for _, g := range groups {
			if i < len(g) {
				out = append(out, g[i])
				added = true
			}
		}
		if !added {
			return out
		}
	}
}
