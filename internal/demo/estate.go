// Package demo is a synthetic AWS estate of any size, deterministic from a
// seed, served in process to the real AWS SDK clients (awsx.Responder), so
// the same engine and collectors that scan AWS scan it, unchanged.
//
// Memory stays flat whatever the size: the estate is an index of counts per
// (account, region, kind); item i of a kind is generated on demand from
// (seed, account, region, kind, i), and pagination tokens are offsets into
// that index. Drift between scans is a pure function of the scan number:
// items are born and die at scans drawn from their own hash, and their
// mutable fields depend on the last scan that modified them.
package demo

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Account is one account of the estate.
type Account struct {
	ID, Alias, Env string
	weight         float64
}

// Accounts of the estate: production, staging and shared services.
var Accounts = []Account{
	{ID: "111122223333", Alias: "acme-production", Env: "production", weight: 0.55},
	{ID: "444455556666", Alias: "acme-staging", Env: "staging", weight: 0.25},
	{ID: "777788889999", Alias: "acme-shared-services", Env: "shared", weight: 0.20},
}

// Regions of the estate, with the share of regional resources each holds.
var Regions = []string{"us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-1"}

var regionWeight = []float64{0.34, 0.12, 0.20, 0.18, 0.10, 0.06}

// global is the index region of global (IAM, Route 53, CloudFront) and
// account-wide (S3) kinds.
const global = "global"

// Options choose the estate.
type Options struct {
	Seed int64
	// Size is the approximate number of resources of one scan, all
	// accounts together. Default 6000.
	Size int
	// Drift is the fraction of items changed per scan (added, removed and
	// modified in equal parts). Default 0.02; negative means none.
	Drift float64
	// Now anchors every generated time (creation dates, key ages). Default:
	// today, 00:00 UTC, so a seed gives the same estate all day.
	Now time.Time
}

// DefaultSize is the size `awsmap demo` uses.
const DefaultSize = 6000

// Estate is the synthetic estate. It is immutable and safe for concurrent use.
type Estate struct {
	seed  uint64
	size  int
	drift float64
	now   time.Time
	base  map[countKey]int
}

type countKey struct {
	acct   int
	region string
	kind   string
}

// New builds the estate index (a few thousand counters, whatever the size).
func New(o Options) *Estate {
	if o.Size <= 0 {
		o.Size = DefaultSize
	}
	if o.Drift == 0 {
		o.Drift = 0.02
	}
	if o.Drift < 0 {
		o.Drift = 0
	}
	if o.Now.IsZero() {
		o.Now = time.Now().UTC().Truncate(24 * time.Hour)
	}
	e := &Estate{seed: mix(uint64(o.Seed) + 0x9e3779b97f4a7c15), size: o.Size, drift: o.Drift, now: o.Now.UTC(), base: map[countKey]int{}}
	var total float64
	for _, k := range kinds {
		total += k.weight
	}
	unit := float64(o.Size) / total // items per unit of weight, whole estate
	for ai, a := range Accounts {
		for _, k := range kinds {
			if k.global {
				e.base[countKey{ai, global, k.name}] = e.count(k, unit*a.weight, ai, global)
				continue
			}
			for ri, r := range Regions {
				e.base[countKey{ai, r, k.name}] = e.count(k, unit*a.weight*regionWeight[ri], ai, r)
			}
		}
	}
	// Every kind exists somewhere, whatever the size.
	for _, k := range kinds {
		r := "us-east-1"
		if k.global {
			r = global
		}
		if ck := (countKey{0, r, k.name}); e.base[ck] == 0 {
			e.base[ck] = 1
		}
	}
	return e
}

func (e *Estate) count(k *kind, expected float64, acct int, region string) int {
	n := expected * k.weight
	// A little jitter so regions do not look cloned.
	j := 0.8 + 0.4*unit01(e.seed, uint64(acct), hashString(region), hashString(k.name))
	c := int(math.Round(n * j))
	if c < k.min {
		c = k.min
	}
	if k.max > 0 && c > k.max {
		c = k.max
	}
	return c
}

// Scan returns the estate as scan s (0-based) sees it.
func (e *Estate) Scan(s int) *View { return &View{e: e, scan: s} }

// Size is the requested size.
func (e *Estate) Size() int { return e.size }

// View is the estate at one scan.
type View struct {
	e    *Estate
	scan int
}

// Number is the scan number of the view.
func (v *View) Number() int { return v.scan }

// Count is how many items of kind exist in (account, region) at this scan.
func (v *View) Count(acct int, region, kind string) int {
	n := 0
	v.each(acct, region, kind, 0, func(int) bool { n++; return true })
	return n
}

// Total is how many resources the view holds (every kind the responder
// serves as a resource), all accounts together.
func (v *View) Total() int {
	n := 0
	for ck := range v.e.base {
		n += v.Count(ck.acct, ck.region, ck.kind)
	}
	return n
}

// limit is the index range of a kind at this scan: base items plus those
// added by drift.
func (v *View) limit(acct int, region, kind string) (base, limit int) {
	base = v.e.base[countKey{acct, region, kind}]
	k := kindByName[kind]
	if k == nil || k.stable || v.e.drift == 0 {
		return base, base
	}
	return base, base + v.scan*v.addPerScan(acct, region, kind, base)
}

// addPerScan is how many items of a kind each scan adds: base×drift/3 on
// average. The fraction is rounded up or down by a stable draw per (account,
// region, kind), so small kinds do not each gain a whole item every scan.
func (v *View) addPerScan(acct int, region, kind string, base int) int {
	x := float64(base) * v.e.drift / 3
	n := int(x)
	if unit01(v.e.seed, uint64(acct), hashString(region), hashString(kind), 0xadd) < x-float64(n) {
		n++
	}
	return n
}

// scanHorizon is how many daily scans the estate's calendar fits before
// now: scan s happens on day s of it, so a time derived from a scan number
// (an item's birth, its last change) is the same in every later scan.
const scanHorizon = 100

// scanDay is the day of scan s in the estate's calendar.
func (e *Estate) scanDay(s int) time.Time { return e.now.AddDate(0, 0, s-scanHorizon) }

// born is the scan that added item i: 0 for the base items.
func (v *View) born(acct int, region, kind string, base, i int) int {
	if i < base {
		return 0
	}
	return 1 + (i-base)/max(v.addPerScan(acct, region, kind, base), 1)
}

// exists says whether item i of kind is alive at this scan.
func (v *View) exists(acct int, region, kind string, i int) bool {
	base, limit := v.limit(acct, region, kind)
	if i < 0 || i >= limit {
		return false
	}
	k := kindByName[kind]
	if k.stable || v.e.drift == 0 {
		return true
	}
	born := v.born(acct, region, kind, base, i)
	// Death: geometric with p = drift/3 per scan after birth.
	p := v.e.drift / 3
	u := unit01(v.e.seed, uint64(acct), hashString(region), hashString(kind), uint64(i), 0xdead)
	life := int(math.Floor(math.Log(1-u)/math.Log(1-p))) + 1
	return v.scan >= born && v.scan < born+life
}

// version is the last scan (≤ this one) that modified item i: its mutable
// fields derive from it. Items never modified have version 0.
func (v *View) version(acct int, region, kind string, i int) int {
	if v.e.drift == 0 {
		return 0
	}
	p := v.e.drift / 3
	for s := v.scan; s >= 1; s-- {
		if unit01(v.e.seed, uint64(acct), hashString(region), hashString(kind), uint64(i), uint64(s), 0x30d) < p {
			return s
		}
	}
	return 0
}

// each calls fn for the live items of kind from index start, in order,
// until fn returns false.
func (v *View) each(acct int, region, kind string, start int, fn func(i int) bool) {
	_, limit := v.limit(acct, region, kind)
	for i := start; i < limit; i++ {
		if v.exists(acct, region, kind, i) && !fn(i) {
			return
		}
	}
}

// page lists up to size live items of kind from the offset in token and
// returns the token of the next page ("" at the end).
func (v *View) page(acct int, region, kind, token string, size int) (items []int, next string) {
	start := 0
	if token != "" {
		start, _ = strconv.Atoi(strings.TrimPrefix(token, "demo-"))
	}
	_, limit := v.limit(acct, region, kind)
	last := start
	v.each(acct, region, kind, start, func(i int) bool {
		if len(items) == size {
			return false
		}
		items = append(items, i)
		last = i
		return true
	})
	if len(items) == size {
		// Is there anything after the last item?
		more := false
		v.each(acct, region, kind, last+1, func(int) bool { more = true; return false })
		if more {
			return items, "demo-" + strconv.Itoa(last+1)
		}
	}
	_ = limit
	return items, ""
}

// rng is a small deterministic generator for one item.
type rng struct{ s uint64 }

// item returns the generator of item i of kind; salt separates streams
// (0: immutable fields; a version number: mutable ones).
func (v *View) rng(acct int, region, kind string, i int, salt uint64) *rng {
	return &rng{s: mix(v.e.seed ^ mix(uint64(acct)+1) ^ mix(hashString(region)) ^ mix(hashString(kind)+uint64(i)*0x9e3779b97f4a7c15) ^ mix(salt+7))}
}

func (r *rng) next() uint64 { r.s += 0x9e3779b97f4a7c15; return mix(r.s) }

// intn is uniform in [0, n).
func (r *rng) intn(n int) int {
	if n <= 0 {
		return 0
	}
	return int(r.next() % uint64(n))
}

// chance is true with probability p.
func (r *rng) chance(p float64) bool { return float64(r.next()>>11)/(1<<53) < p }

func (r *rng) pick(list []string) string { return list[r.intn(len(list))] }

func (r *rng) hex(n int) string {
	const digits = "0123456789abcdef"
	b := make([]byte, n)
	for i := range b {
		b[i] = digits[r.intn(16)]
	}
	return string(b)
}

// mix is splitmix64's finaliser.
func mix(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

func unit01(vals ...uint64) float64 {
	h := uint64(0x243f6a8885a308d3)
	for _, x := range vals {
		h = mix(h ^ x)
	}
	return float64(h>>11) / (1 << 53)
}

// ageDays is how old item i is at the estate's "now": spread over four
// years for base items, recent for items added by drift.
func (v *View) created(acct int, region, kind string, i int) time.Time {
	base, _ := v.limit(acct, region, kind)
	r := v.rng(acct, region, kind, i, 0xa9e)
	if i >= base && base > 0 {
		born := v.born(acct, region, kind, base, i)
		return v.e.scanDay(born).Add(-time.Duration(r.intn(86400)) * time.Second)
	}
	// Skewed towards recent: squares of a uniform over four years.
	u := float64(r.next()>>11) / (1 << 53)
	days := int(u * u * 4 * 365)
	return v.e.now.Add(-time.Duration(days)*24*time.Hour - time.Duration(r.intn(86400))*time.Second - 24*time.Hour)
}

// id encodes item i as 17 hex digits (EC2 style), invertible given the salt.
func encodeID(salt uint64, i int) string {
	x := (uint64(i)*0x9e3779b97f4a7c15 + salt) & (1<<64 - 1)
	return fmt.Sprintf("0%016x", x)
}

const invGolden = 0xf1de83e19937733d // inverse of 0x9e3779b97f4a7c15 mod 2^64

func decodeID(salt uint64, s string) (int, bool) {
	x, err := strconv.ParseUint(strings.TrimPrefix(s, "0"), 16, 64)
	if err != nil {
		return 0, false
	}
	i := (x - salt) * invGolden
	if i > 1<<40 {
		return 0, false
	}
	return int(i), true
}

// trailingIndex parses the decimal index at the end of a name ("web-0042").
func trailingIndex(s string) (int, bool) {
	j := len(s)
	for j > 0 && s[j-1] >= '0' && s[j-1] <= '9' {
		j--
	}
	if j == len(s) {
		return 0, false
	}
	n, err := strconv.Atoi(s[j:])
	return n, err == nil
}

func accountIndex(id string) int {
	for i, a := range Accounts {
		if a.ID == id {
			return i
		}
	}
	return -1
}

// Size is the requested size of the estate.
func (v *View) Size() int { return v.e.size }
