package ask

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/awsmap/awsmap/internal/model"
)

type action int

const (
	actList action = iota
	actCount
	actDistinct
)

// intent is what the parser understood, before SQL.
type intent struct {
	action   action
	targets  []int
	label    string // how the interpretation names the targets
	conds    []cond
	group    []expr
	order    []orderBy
	limit    int
	most     bool // keep only the top group(s)
	reverse  bool // "last N": newest first
	audit    string
	waste    bool
	history  string // "changes", "removed", "added"
	since    *timeRange
	regions  []string // region filters, to narrow UNKNOWN lines
	extra    []expr   // columns shown beside the listed resources
	relTypes []int    // types a relationship condition reads
}

type cond struct {
	sql  string // over resources AS r; ? placeholders
	args []any
	text string // for the interpretation
}

type expr struct {
	sql   string
	args  []any
	label string // column alias
	text  string
}

type orderBy struct {
	e    expr
	desc bool
}

// parser holds the tokens and the intent being built.
type parser struct {
	c       *Catalog
	toks    []token
	now     time.Time
	in      intent
	fixes   []string // typo corrections shown to the user
	pending []pendingTime
	// targetsDone: the types are known, so field names can be resolved.
	targetsDone bool
	refusal     string // set when a recognised construct cannot be answered
}

func (p *parser) free(i int) bool { return i >= 0 && i < len(p.toks) && p.toks[i].role == "" }

// is reports whether token i is free and one of words (word or stem).
func (p *parser) is(i int, words ...string) bool {
	if !p.free(i) || p.toks[i].kind != kWord && p.toks[i].kind != kSymbol {
		return false
	}
	for _, w := range words {
		if p.toks[i].word == w || p.toks[i].stem == w {
			return true
		}
	}
	return false
}

// seq reports whether the free tokens from i spell words (each entry may
// list alternatives with |); it returns the index after the match.
func (p *parser) seq(i int, words ...string) (int, bool) {
	for _, w := range words {
		if !p.is(i, strings.Split(w, "|")...) {
			return i, false
		}
		i++
	}
	return i, true
}

func (p *parser) use(role string, idx ...int) {
	for _, i := range idx {
		if i >= 0 && i < len(p.toks) && p.toks[i].role == "" {
			p.toks[i].role = role
		}
	}
}

func (p *parser) useRange(role string, from, to int) {
	for i := from; i < to; i++ {
		p.use(role, i)
	}
}

func (p *parser) refuse(format string, a ...any) {
	if p.refusal == "" {
		p.refusal = fmt.Sprintf(format, a...)
	}
}

// skipArticles moves past free a/an/the/any.
func (p *parser) skipArticles(i int) int {
	for p.is(i, "a", "an", "the", "any", "their", "its") {
		i++
	}
	return i
}

// grammarWords are the words the recognisers know (for typo correction).
var grammarWords = set(`how many count number total distinct unique different most least top first last
	named called containing contains contain name starting starts start prefix ending ends like matching
	tagged tag tags untagged without missing lacking no not non none or vs versus compared outside except
	excluding other than greater more less fewer over above under below between exactly equal at least
	larger bigger smaller higher lower longer shorter
	most sorted ordered sort order asc desc ascending descending newest oldest latest recent largest
	biggest smallest highest lowest created launched modified updated changed used accessed expiring expire
	expires expired expiry rotated older newer fewest least since before after ago today yesterday week month year day
	hour minute days weeks months years hours minutes seconds last past within grouped group broken split
	each region regions account accounts service services type types global attached depends depend
	uses pointing points admin administrator waste wasting wasted money deleted removed added appeared
	disappeared changes change new gb mb kb tb gib mib bytes enabled disabled public private encrypted
	unencrypted default unused unattached idle orphaned detached running stopped which what who`)

func (p *parser) parse() {
	p.correctTypos()
	p.recAudit()
	p.recNames()
	p.recTags()
	p.recAccounts()
	p.recRegions()
	p.recHistory()
	p.recTime()
	p.recAction()
	p.recGrouping() // region, account, service, tags: before "service" or "account" read as a type
	p.recTargets()
	p.targetsDone = true
	p.recGrouping()
	p.recOrdering()
	p.recDistinct()
	// A field named in the question wins over a generic concept word.
	p.recBooleans()
	p.recFieldEquals()
	p.recNumeric()
	p.recPresence()
	p.recEnvironments()
	p.recConcepts()
	p.recEngines()
	p.recShapedValues()
	p.recEnumValues()
	p.resolveTimes()
	p.recRelationships()
	p.recStopWords()
}

// --- typos -----------------------------------------------------------

// correctTypos replaces unknown words by the one known word within a small
// edit distance; values (after named, tagged...) are left alone.
func (p *parser) correctTypos() {
	for i := range p.toks {
		t := &p.toks[i]
		if t.kind != kWord || !isAlpha(t.word) || len(t.word) < 4 || p.c.words[t.word] || p.c.words[t.stem] {
			continue
		}
		if i > 0 && valueIntro[p.toks[i-1].word] {
			continue
		}
		best, n := "", 0
		limit := 1
		if len(t.word) >= 7 {
			limit = 2
		}
		bestD := limit + 1
		for w := range p.c.words {
			if len(w) < 3 || abs(len(w)-len(t.word)) > limit {
				continue
			}
			d := distance(t.word, w)
			switch {
			case d < bestD:
				best, bestD, n = w, d, 1
			case d == bestD && w != best:
				n++
			}
		}
		if n == 1 && bestD <= limit {
			p.fixes = append(p.fixes, t.word+" → "+best)
			t.word, t.stem = best, stem(best)
		}
	}
}

// valueIntro words are followed by a value, never corrected.
var valueIntro = set(`named called containing contains tagged with= like matching prefix starting`)

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// distance is the edit distance counting a swap of two neighbours as one
// edit ("roels" is one edit from "roles").
func distance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// --- audits and waste ------------------------------------------------

func (p *parser) has(words ...string) int {
	for i := range p.toks {
		if p.is(i, words...) {
			return i
		}
	}
	return -1
}

func (p *parser) recAudit() {
	if i := p.has("waste", "wasting", "wasted", "wasteful", "wastage"); i >= 0 {
		p.in.waste = true
		p.use("audit", i)
		for j := range p.toks {
			if p.is(j, "money", "cost", "costing", "costs", "spend", "spending") {
				p.use("audit", j)
			}
		}
		return
	}
	admin := p.has("admin", "admins", "administrator", "administrators", "administrative")
	// "delegated administrators" are an Organizations type, not admin users.
	if admin < 0 || p.has("policy", "policies") >= 0 || admin > 0 && p.is(admin-1, "delegated") {
		return
	}
	name := "admin-users"
	if r := p.has("role", "roles"); r >= 0 {
		name = "admin-roles"
		p.use("audit", r)
	}
	p.in.audit = name
	p.use("audit", admin)
	for j := range p.toks {
		if p.is(j, "access", "rights", "privileges", "privilege", "permissions", "permission", "user", "users", "who", "whom", "people", "iam") {
			p.use("audit", j)
		}
	}
}

// --- names -----------------------------------------------------------

func (p *parser) value(i int) (string, bool) {
	if !p.free(i) {
		return "", false
	}
	return p.toks[i].raw, true
}

func (p *parser) recNames() {
	for i := range p.toks {
		var mode string
		j := i
		switch {
		case p.is(i, "named", "called") && !p.inTypePhrase(i):
			mode, j = "exact", i+1
		case p.is(i, "name") && p.is(i+1, "is", "="):
			mode, j = "exact", i+2
		case p.is(i, "name") && p.is(i+1, "containing", "contains", "contain", "like", "matching", "including", "includes"):
			mode, j = "contains", i+2
		case p.is(i, "containing", "contains", "matching"):
			mode, j = "contains", i+1
		case p.is(i, "name") && p.is(i+1, "starting", "starts", "start", "beginning", "begins") && p.is(i+2, "with"):
			mode, j = "prefix", i+3
		case p.is(i, "starting", "beginning") && p.is(i+1, "with"):
			mode, j = "prefix", i+2
		default:
			continue
		}
		v, ok := p.value(j)
		if !ok {
			continue
		}
		p.useRange("name", i, j+1)
		vals := []string{v}
		for k := j + 1; p.is(k, "or") && p.free(k+1); k += 2 {
			vals = append(vals, p.toks[k+1].raw)
			p.use("name", k, k+1)
		}
		// "with X in the name": the trailing words are part of the filter.
		if k, ok := p.seq(j+1, "in", "the|their|its", "name"); ok {
			p.useRange("name", j+1, k)
		}
		p.addNameCond(mode, vals)
	}
	// "with X in the name" / "with X in their name"
	for i := range p.toks {
		if k, ok := p.seq(i+1, "in", "the|their|its", "name"); ok && p.free(i) && p.is(i-1, "with", "having") {
			p.useRange("name", i-1, k)
			p.addNameCond("contains", []string{p.toks[i].raw})
		}
	}
}

func (p *parser) addNameCond(mode string, vals []string) {
	var parts []string
	var args []any
	for _, v := range vals {
		switch mode {
		case "exact":
			parts = append(parts, "(lower(r.name) = lower(?) OR lower(r.id) = lower(?))")
			args = append(args, v, v)
		case "contains":
			parts = append(parts, "instr(lower(coalesce(r.name, r.id)), lower(?)) > 0")
			args = append(args, v)
		case "prefix":
			parts = append(parts, "substr(lower(coalesce(r.name, r.id)), 1, length(?)) = lower(?)")
			args = append(args, v, v)
		}
	}
	text := map[string]string{"exact": "named", "contains": "whose name contains", "prefix": "whose name starts with"}[mode]
	p.in.conds = append(p.in.conds, cond{sql: "(" + strings.Join(parts, " OR ") + ")", args: args,
		text: text + " " + quoteList(vals, "or")})
}

func quoteList(vals []string, conj string) string {
	q := make([]string, len(vals))
	for i, v := range vals {
		q[i] = strconv.Quote(v)
	}
	return joinWords(q, conj)
}

func joinWords(ws []string, conj string) string {
	switch len(ws) {
	case 0:
		return ""
	case 1:
		return ws[0]
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " " + conj + " " + ws[len(ws)-1]
}

// --- tags ------------------------------------------------------------

// tagExists tests a tag key, case-insensitively. The instr on the raw JSON
// skips json_each for the many resources whose tags cannot contain the key
// (ten times faster on 100k resources); both take the key (two arguments).
const tagExists = "(instr(lower(r.tags), lower(?)) > 0 AND EXISTS (SELECT 1 FROM json_each(r.tags) t WHERE lower(t.key) = lower(?)))"

func (p *parser) recTags() {
	for i := range p.toks {
		t := p.toks[i]
		if !p.free(i) {
			continue
		}
		if t.kind == kPair {
			k, v, _ := strings.Cut(t.raw, "=")
			p.use("tag", i)
			p.use("tag", i-1)
			if p.is(i-1, "tagged", "tag", "with") {
				p.use("tag", i-1)
			}
			p.in.conds = append(p.in.conds, cond{
				sql: "(instr(lower(r.tags), lower(?)) > 0 AND EXISTS (SELECT 1 FROM json_each(r.tags) t " +
					"WHERE lower(t.key) = lower(?) AND lower(t.value) = lower(?)))",
				args: []any{v, k, v}, text: fmt.Sprintf("tagged %s=%s", k, v)})
		}
	}
	for i := range p.toks {
		switch {
		case p.is(i, "untagged"):
			p.use("tag", i)
			p.addUntagged(true)
		case p.is(i, "without", "no", "missing", "lacking") && p.is(p.skipArticles(i+1), "tag", "tags") && !p.free(p.skipArticles(i+1)+1):
			k := p.skipArticles(i + 1)
			p.useRange("tag", i, k+1)
			p.addUntagged(true)
		case p.is(i, "without", "no") && p.is(p.skipArticles(i+1), "tags") && !p.isTagKeyAt(p.skipArticles(i+1)+1):
			k := p.skipArticles(i + 1)
			p.useRange("tag", i, k+1)
			p.addUntagged(true)
		case p.is(i, "not") && p.is(i+1, "tagged") && !p.is(i+2, "with"):
			p.use("tag", i, i+1)
			p.addUntagged(true)
		case p.is(i, "without", "missing", "lacking", "no") && p.isTagKeyAt(p.skipArticles(i+1)) && p.is(p.skipArticles(i+1)+1, "tag"):
			k := p.skipArticles(i + 1)
			p.useRange("tag", i, k+2)
			p.addTagKey(p.toks[k].raw, false)
		case p.is(i, "not") && p.is(i+1, "tagged") && p.is(i+2, "with") && p.isTagKeyAt(i+3):
			p.useRange("tag", i, i+4)
			p.addTagKey(p.toks[i+3].raw, false)
		case p.is(i, "tagged") && p.is(i+1, "with", "by") && p.isTagKeyAt(i+2):
			p.useRange("tag", i, i+3)
			keys := []string{p.toks[i+2].raw}
			for k := i + 3; p.is(k, "or") && p.isTagKeyAt(k+1); k += 2 {
				keys = append(keys, p.toks[k+1].raw)
				p.use("tag", k, k+1)
			}
			p.addTagKeys(keys)
		case p.is(i, "with", "having", "has", "have") && p.isTagKeyAt(p.skipArticles(i+1)) && p.is(p.skipArticles(i+1)+1, "tag"):
			k := p.skipArticles(i + 1)
			p.useRange("tag", i, k+2)
			p.addTagKey(p.toks[k].raw, true)
		case p.is(i, "tagged") && !p.is(i+1, "with", "by"):
			p.use("tag", i)
			p.addUntagged(false)
		case p.is(i, "with", "having") && p.is(i+1, "tags"):
			p.use("tag", i, i+1)
			p.addUntagged(false)
		}
	}
	p.recTagCounts()
}

// isTagKeyAt: a word that can be a tag key (not a grammar word).
func (p *parser) isTagKeyAt(i int) bool {
	if !p.free(i) || p.toks[i].kind != kWord && p.toks[i].kind != kQuoted {
		return false
	}
	w := p.toks[i].word
	return !stopWords[w] && w != "any" && w != "tags" && w != "tag" && w != "or" && w != "and"
}

func (p *parser) addUntagged(untagged bool) {
	if untagged {
		p.in.conds = append(p.in.conds, cond{sql: "(r.tags IS NULL OR r.tags = '{}')", text: "without any tag"})
		return
	}
	p.in.conds = append(p.in.conds, cond{sql: "(r.tags IS NOT NULL AND r.tags <> '{}')", text: "with at least one tag"})
}

func (p *parser) addTagKey(key string, present bool) {
	if present {
		p.in.conds = append(p.in.conds, cond{sql: tagExists, args: []any{key, key}, text: "with " + article(key) + " " + key + " tag"})
		return
	}
	p.in.conds = append(p.in.conds, cond{sql: "NOT " + tagExists, args: []any{key, key}, text: "without " + article(key) + " " + key + " tag"})
}

func article(word string) string {
	if word != "" && strings.ContainsRune("aeiouAEIOU", rune(word[0])) {
		return "an"
	}
	return "a"
}

func (p *parser) addTagKeys(keys []string) {
	if len(keys) == 1 {
		p.addTagKey(keys[0], true)
		return
	}
	var parts []string
	var args []any
	for _, k := range keys {
		parts = append(parts, tagExists)
		args = append(args, k, k)
	}
	p.in.conds = append(p.in.conds, cond{sql: "(" + strings.Join(parts, " OR ") + ")", args: args,
		text: "tagged with " + joinWords(keys, "or")})
}

const tagCount = "(SELECT count(*) FROM json_each(r.tags))"

func (p *parser) recTagCounts() {
	for i := range p.toks {
		// with N or more tags / with more than N tags / with at least N tags / with fewer than N tags
		j := i
		if p.is(j, "with", "having") {
			j++
		}
		op, n, end, ok := p.comparison(j)
		if !ok || !p.is(end, "tag", "tags") {
			continue
		}
		p.useRange("tag", i, end+1)
		p.in.conds = append(p.in.conds, cond{sql: tagCount + " " + op + " ?", args: []any{n},
			text: fmt.Sprintf("with %s %s tags", opText[op], num(n))})
	}
}

// environments: words meaning an Environment tag value (case-insensitive).
var environments = map[string][]string{
	"production": {"production", "prod", "prd", "live"}, "prod": {"production", "prod", "prd", "live"},
	"staging": {"staging", "stage", "stg"}, "stage": {"staging", "stage", "stg"},
	"development": {"development", "dev"}, "dev": {"development", "dev"},
	"test": {"test", "testing", "qa"}, "testing": {"test", "testing", "qa"}, "qa": {"test", "testing", "qa"},
	"sandbox": {"sandbox"},
}

func (p *parser) recEnvironments() {
	for i := range p.toks {
		vals, ok := environments[p.toks[i].word]
		if !ok || !p.free(i) {
			continue
		}
		p.use("environment", i)
		if p.is(i+1, "environment", "env") {
			p.use("environment", i+1)
		}
		if p.is(i-1, "not", "non") {
			p.use("environment", i-1)
			p.in.conds = append(p.in.conds, envCond(vals, false))
			continue
		}
		p.in.conds = append(p.in.conds, envCond(vals, true))
	}
}

func envCond(vals []string, in bool) cond {
	args := []any{}
	marks := make([]string, len(vals))
	for i, v := range vals {
		marks[i] = "?"
		args = append(args, v)
	}
	sql := "((instr(lower(r.tags), 'env') > 0 OR instr(lower(r.tags), 'stage') > 0) AND EXISTS (SELECT 1 FROM json_each(r.tags) t " +
		"WHERE lower(t.key) IN ('environment', 'env', 'stage') AND lower(t.value) IN (" + strings.Join(marks, ", ") + ")))"
	text := "whose Environment tag is " + joinWords(vals, "or")
	if !in {
		sql = "NOT " + sql
		text = "whose Environment tag is not " + joinWords(vals, "or")
	}
	return cond{sql: sql, args: args, text: text}
}

// --- accounts and regions --------------------------------------------

func (p *parser) recAccounts() {
	for i := range p.toks {
		if p.toks[i].kind != kAccount || !p.free(i) {
			continue
		}
		neg := false
		p.use("account", i)
		for j := i - 1; j >= 0 && p.is(j, "account", "in", "for", "of", "not", "outside", "except", "excluding"); j-- {
			if p.is(j, "not", "outside", "except", "excluding") {
				neg = true
			}
			p.use("account", j)
		}
		if neg {
			p.in.conds = append(p.in.conds, cond{sql: "r.account_id <> ?", args: []any{p.toks[i].raw}, text: "outside account " + p.toks[i].raw})
		} else {
			p.in.conds = append(p.in.conds, cond{sql: "r.account_id = ?", args: []any{p.toks[i].raw}, text: "in account " + p.toks[i].raw})
		}
	}
}

func (p *parser) isRegion(i int) bool {
	return p.free(i) && (p.toks[i].kind == kRegion || p.toks[i].word == "global" && !p.inTypePhrase(i) && !p.is(i+1, "table", "tables", "event", "events", "cluster", "clusters"))
}

// inTypePhrase says whether token i is a word of a type phrase of several
// words ("global networks", "athena named queries"), which other readings
// of the word (a region, a name filter) must leave alone.
func (p *parser) inTypePhrase(i int) bool {
	for s := max(0, i-4); s <= i; s++ {
		if ph, end := p.phraseAt(s); ph != nil && len(ph.words) > 1 && end > i {
			return true
		}
	}
	return false
}

func (p *parser) recRegions() {
	for i := range p.toks {
		if !p.isRegion(i) {
			continue
		}
		// A vs B
		if p.is(i+1, "vs", "versus") || p.is(i+1, "compared") && p.is(i+2, "to", "with") {
			k := i + 2
			if p.is(i+1, "compared") {
				k = i + 3
			}
			if p.isRegion(k) {
				regs := []string{p.toks[i].word, p.toks[k].word}
				p.useRange("region", i, k+1)
				p.use("region", i-1)
				p.addRegions(regs, false)
				p.in.group = append(p.in.group, expr{sql: "r.region", label: "region", text: "region"})
				continue
			}
		}
		regs := []string{p.toks[i].word}
		end := i + 1
		for k := i + 1; (p.is(k, "or", "and") || p.toks[min(k, len(p.toks)-1)].raw == ",") && p.isRegion(k+1); k += 2 {
			regs = append(regs, p.toks[k+1].word)
			end = k + 2
		}
		p.useRange("region", i, end)
		neg := false
		for j := i - 1; j >= 0 && p.is(j, "in", "not", "outside", "except", "excluding", "other", "than", "of", "region", "regions", "from"); j-- {
			if p.is(j, "not", "outside", "except", "excluding", "other") {
				neg = true
			}
			p.use("region", j)
		}
		p.addRegions(regs, neg)
	}
}

func (p *parser) addRegions(regs []string, neg bool) {
	marks := make([]string, len(regs))
	args := make([]any, len(regs))
	for i, r := range regs {
		marks[i], args[i] = "?", r
	}
	if neg {
		p.in.conds = append(p.in.conds, cond{sql: "r.region NOT IN (" + strings.Join(marks, ", ") + ")", args: args, text: "outside " + joinWords(regs, "and")})
		return
	}
	p.in.regions = append(p.in.regions, regs...)
	p.in.conds = append(p.in.conds, cond{sql: "r.region IN (" + strings.Join(marks, ", ") + ")", args: args, text: "in " + joinWords(regs, "or")})
}

// --- actions ---------------------------------------------------------

func (p *parser) recAction() {
	for i := range p.toks {
		switch {
		case p.is(i, "how") && p.is(i+1, "many", "much"):
			p.in.action = actCount
			p.use("count", i, i+1)
		case p.is(i, "number", "total", "totals") && p.is(i+1, "of") && p.onlyStopWordsBefore(i):
			p.in.action = actCount
			p.use("count", i, i+1)
		case p.is(i, "total") && p.is(i+1, "number"):
			p.use("count", i)
		case p.is(i, "count", "counts", "tally") && p.onlyStopWordsBefore(i):
			p.in.action = actCount
			p.use("count", i)
		case p.is(i, "are", "is") && p.is(i+1, "there") && p.is(i+2, "any"):
			p.use("list", i, i+1, i+2)
		}
	}
}

// onlyStopWordsBefore: "count" is the action when it opens the question
// ("please count..."), a field word otherwise ("item count").
func (p *parser) onlyStopWordsBefore(i int) bool {
	for j := 0; j < i; j++ {
		if p.toks[j].role == "" && !stopWords[p.toks[j].word] {
			return false
		}
	}
	return true
}

// --- targets ---------------------------------------------------------

// phraseAt returns the longest type phrase starting at i.
func (p *parser) phraseAt(i int) (*phrase, int) {
	for k := range p.c.phrases {
		ph := &p.c.phrases[k]
		j := i
		ok := true
		for _, w := range ph.words {
			if !p.free(j) || p.toks[j].kind != kWord || p.toks[j].stem != w && p.toks[j].word != w {
				ok = false
				break
			}
			j++
		}
		if ok {
			return ph, j
		}
	}
	return nil, i
}

func (p *parser) recTargets() {
	for i := 0; i < len(p.toks); i++ {
		ph, end := p.phraseAt(i)
		if ph == nil {
			continue
		}
		if len(ph.words) == 1 && ph.words[0] == "account" && !p.is(end, "id", "ids") {
			// "how many accounts": the inventory's accounts, not the
			// Organizations member-account type ("member accounts"), nor
			// any other service's account type.
			p.useRange("distinct", i, end)
			p.in.action = actDistinct
			p.in.group = append(p.in.group, expr{sql: "r.account_id", label: "account_id", text: "account"})
			continue
		}
		if ph.ambiguous() {
			p.refuseAmbiguous(ph, i, end)
			return
		}
		p.useRange("type", i, end)
		p.addTargets(ph)
		// Coordination: "lambda functions and s3 buckets".
		for p.is(end, "and", "or", "plus") {
			ph2, end2 := p.phraseAt(end + 1)
			if ph2 == nil || ph2.ambiguous() {
				break
			}
			p.useRange("type", end, end2)
			p.addTargets(ph2)
			end = end2
		}
		if p.is(end, "resources", "resource") && len(p.in.targets) > 0 {
			p.use("type", end)
		}
		p.redundantService()
		return
	}
}

// ambiguous: a bare type word several services share, with no everyday
// meaning (a synonym would have replaced it).
func (ph *phrase) ambiguous() bool { return ph.bare && len(ph.types) > 1 }

// refuseAmbiguous refuses the shared type word at i..end, naming the
// candidates.
func (p *parser) refuseAmbiguous(ph *phrase, i, end int) {
	var names []string
	for _, t := range ph.types {
		names = append(names, p.c.types[t].Service+" "+strings.ReplaceAll(p.c.types[t].Type, "-", " "))
	}
	p.refuse("%q is ambiguous: it could mean %s; name the service (e.g. %q)", p.span(i, end),
		joinWords(names, "or"), plural(names[0]))
	p.useRange("type", i, end)
}

// redundantService consumes "in secrets manager", "in ec2": a later
// mention that covers every target already chosen.
func (p *parser) redundantService() {
	for i := range p.toks {
		if !p.is(i, "in", "from", "of", "on") {
			continue
		}
		ph, end := p.phraseAt(i + 1)
		if ph == nil || p.namesField(i) {
			continue
		}
		covers := true
		for _, t := range p.in.targets {
			covers = covers && slices.Contains(ph.types, t)
		}
		if covers {
			p.useRange("type", i, end)
		}
	}
}

// namesField: the words at i spell a field of the targets word for word
// ("in cluster encryption"), which beats reading them as a type.
func (p *parser) namesField(i int) bool {
	f, _, ok := p.fieldAt(i)
	return ok && strings.HasPrefix(f.Name, p.toks[i].word+"_")
}

func (p *parser) addTargets(ph *phrase) {
	label := ph.label
	if label == "" {
		if len(ph.types) == 1 {
			label = p.c.typeLabel(ph.types[0])
		} else {
			label = serviceLabel(p.c.types[ph.types[0]].Service) + " resources"
		}
	}
	for _, t := range ph.types {
		if !slices.Contains(p.in.targets, t) {
			p.in.targets = append(p.in.targets, t)
		}
	}
	if p.in.label == "" {
		p.in.label = label
	} else {
		p.in.label += " and " + label
	}
}

// --- fields ----------------------------------------------------------

// fieldRef is a details field of the targets (the same name in each).
type fieldRef struct {
	model.Field
}

func (f fieldRef) sql() string { return "r.details ->> '$." + f.Name + "'" }

// text names the field in words, without its unit suffix ("memory" for
// memory_mb: the numbers quoted say their unit).
func (f fieldRef) text() string {
	name := f.Name
	if u := fieldUnit(name); u != "" && name != u {
		name = strings.TrimSuffix(name, "_"+u)
	}
	return strings.ReplaceAll(name, "_", " ")
}

// fieldWordsOf splits a field name into stems.
func fieldWordsOf(name string) []string { return stems(strings.Split(name, "_")) }

// fieldAliases map question words to field words.
var fieldAliases = map[string]string{"ram": "memory"}

// matchField finds the field of every target whose words contain all of
// ws (stems), preferring the fewest extra words; ok is false when none or
// several fit equally.
func (p *parser) matchField(ws []string, kinds ...string) (fieldRef, bool) {
	if len(p.in.targets) == 0 {
		return fieldRef{}, false
	}
	var found *model.Field
	for _, t := range p.in.targets {
		best, bestScore, ties := model.Field{}, 1000, 0
		for _, f := range p.c.types[t].Fields {
			if len(kinds) > 0 && !slices.Contains(kinds, string(f.Type)) {
				continue
			}
			fw := fieldWordsOf(f.Name)
			if !containsAll(fw, ws) {
				continue
			}
			score := len(fw) - len(ws)
			if fw[0] != ws[0] {
				score += 2
			}
			switch {
			case score < bestScore:
				best, bestScore, ties = f, score, 1
			case score == bestScore:
				ties++
			}
		}
		if ties != 1 {
			return fieldRef{}, false
		}
		if found != nil && found.Name != best.Name {
			return fieldRef{}, false
		}
		b := best
		found = &b
	}
	return fieldRef{*found}, true
}

// containsAll: every word of want matches a distinct word of have.
func containsAll(have, want []string) bool {
	left := slices.Clone(have)
	for _, w := range want {
		i := slices.Index(left, w)
		if i < 0 {
			return false
		}
		left = slices.Delete(left, i, i+1)
	}
	return true
}

// fieldAt matches the longest run of free words at i naming a field.
func (p *parser) fieldAt(i int, kinds ...string) (fieldRef, int, bool) {
	// The field's own name, word for word ("not after", "password last changed").
	for n := 5; n >= 2; n-- {
		var ws []string
		for j := i; j < i+n && p.free(j) && p.toks[j].kind == kWord; j++ {
			ws = append(ws, p.toks[j].word)
		}
		if len(ws) == n {
			if f, ok := p.matchField(stems(ws), kinds...); ok && f.Name == strings.Join(ws, "_") {
				return f, i + n, true
			}
		}
	}
	for n := 3; n >= 1; n-- {
		var ws []string
		ok := true
		for j := i; j < i+n; j++ {
			if !p.free(j) || p.toks[j].kind != kWord || stopWords[p.toks[j].word] && n == 1 || fieldNoise[p.toks[j].word] {
				ok = false
				break
			}
			w := p.toks[j].stem
			if a, isAlias := fieldAliases[w]; isAlias {
				w = a
			}
			ws = append(ws, w)
		}
		if !ok {
			continue
		}
		if f, found := p.matchField(ws, kinds...); found {
			return f, i + n, true
		}
	}
	return fieldRef{}, i, false
}

// fieldNoise never names a field on its own.
var fieldNoise = set(`not no without with or and than more less greater fewer over under above below
	between equal at least most by per is are in of the a an that which whose has have`)

// --- grouping, ordering, distinct ------------------------------------

// coreColumn maps grouping words to resource columns.
func coreColumn(w string) (expr, bool) {
	switch w {
	case "region", "regions":
		return expr{sql: "r.region", label: "region", text: "region"}, true
	case "account", "accounts":
		return expr{sql: "r.account_id", label: "account_id", text: "account"}, true
	case "service", "services":
		return expr{sql: "r.service", label: "service", text: "service"}, true
	case "type", "types":
		return expr{sql: "r.service || '/' || r.type", label: "type", text: "type"}, true
	}
	return expr{}, false
}

// groupKey reads one grouping key at i: a field, a core column or a tag key.
func (p *parser) groupKey(i int) (expr, int, bool) {
	i = p.skipArticles(i)
	if !p.targetsDone && p.free(i+1) && p.toks[i+1].kind == kWord && !groupJoiners[p.toks[i+1].word] &&
		!(p.is(i+1, "tag") && (!p.free(i+2) || groupJoiners[p.toks[i+2].word])) {
		return expr{}, i, false // may be a field name ("per service name"): wait for the types
	}
	if f, end, ok := p.fieldAt(i); ok && end-i >= 2 && strings.Count(f.Name, "_") == end-i-1 {
		return expr{sql: f.sql(), label: f.Name, text: f.text()}, end, true // its own name, word for word
	}
	if p.isTagKeyAt(i) && p.is(i+1, "tag") {
		return tagValue(p.toks[i].raw), i + 2, true
	}
	if p.is(i, "tag") && p.isTagKeyAt(i+1) {
		return tagValue(p.toks[i+1].raw), i + 2, true
	}
	if p.free(i) && p.toks[i].stem == "type" && !p.targetsDone {
		return expr{}, i, false // "per type": the instance type, once the targets are known
	}
	if p.free(i) && p.toks[i].stem != "type" {
		// region, account, service: the resource's own, not a field that
		// mentions one (last_used_region)
		if e, ok := coreColumn(p.toks[i].word); ok {
			return e, i + 1, true
		}
	}
	if f, end, ok := p.fieldAt(i); ok {
		return expr{sql: f.sql(), label: f.Name, text: f.text()}, end, true
	}
	if p.free(i) {
		if e, ok := coreColumn(p.toks[i].word); ok {
			return e, i + 1, true
		}
		if slices.Contains(commonTagKeys, p.toks[i].word) {
			return tagValue(p.toks[i].raw), i + 1, true
		}
	}
	return expr{}, i, false
}

var groupJoiners = set(`and per by combination combinations pair pairs in for with of sorted ordered order sort top first last limit desc asc which that has have hold holds contain contains run runs the are is do does use uses were was`)

// tagValue is the value of tag key (case-insensitive), NULL without it.
func tagValue(key string) expr {
	return expr{sql: "CASE WHEN instr(lower(r.tags), lower(?)) > 0 THEN (SELECT t.value FROM json_each(r.tags) t WHERE lower(t.key) = lower(?) LIMIT 1) END",
		args: []any{key, key}, label: "tag_" + strings.ToLower(sanitizeLabel(key)), text: key + " tag"}
}

var commonTagKeys = []string{"owner", "environment", "team", "project", "costcenter", "application", "app", "env"}

func sanitizeLabel(s string) string {
	var b strings.Builder
	for _, c := range s {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' {
			b.WriteRune(c)
		}
	}
	return b.String()
}

func (p *parser) recGrouping() {
	for i := range p.toks {
		// which region has the most X / which accounts have the most X
		if p.is(i, "which", "what") && p.free(i+1) {
			if e, end, ok := p.groupKey(i + 1); ok {
				if k, ok := p.seq(end, "has|have|holds|hold|contains|contain|run|runs", "the", "most|fewest|least"); ok {
					fewest := p.is(k-1, "fewest", "least")
					p.useRange("group", i, k)
					p.in.group = append(p.in.group, e)
					p.in.most = true
					if fewest {
						p.in.order = append(p.in.order, orderBy{e: expr{sql: "count", label: "count"}, desc: false})
					}
					continue
				}
			}
		}
		// the most common / frequent X
		if p.is(i, "most", "least") && p.is(i+1, "common", "frequent", "popular", "used") && p.targetsDone {
			j := i + 2
			for j < len(p.toks) && p.toks[j].role == "type" {
				j++
			}
			if e, end, ok := p.groupKey(j); ok {
				least := p.is(i, "least")
				p.useRange("group", i, i+2)
				p.useRange("group", j, end)
				if p.is(i-1, "the") {
					p.use("group", i-1)
				}
				p.in.group = append(p.in.group, e)
				p.in.most = true
				if least {
					p.in.order = append(p.in.order, orderBy{e: expr{sql: "count", label: "count"}})
				}
				continue
			}
		}
		start := i
		j := -1
		switch {
		case p.is(i, "per"):
			j = i + 1
		case p.is(i, "by") && !p.is(i-1, "sorted", "ordered", "sort", "order", "used", "owned", "created", "tagged"):
			j = i + 1
		case p.is(i, "grouped", "broken", "split", "breakdown") && p.is(i+1, "by", "per", "down") || p.free(i) && p.toks[i].word == "group" && p.is(i+1, "by"):
			j = i + 2
			if p.is(j, "by") {
				j++
			}
		case p.is(i, "for") && p.is(i+1, "each", "every"):
			j = i + 2
		case p.is(i, "in") && p.is(i+1, "each", "every"):
			j = i + 2
		case p.is(i, "each", "every") && p.free(i+1) && p.toks[i+1].kind == kWord:
			j = i + 1 // "how many resources does each account have"
		}
		if j < 0 {
			continue
		}
		e, end, ok := p.groupKey(j)
		if !ok {
			continue
		}
		p.useRange("group", start, end)
		p.in.group = append(p.in.group, e)
		// per X and Y [combination] / per X per Y / by X and by Y
		for {
			k := end
			if p.is(k, "and", "per", "by", ",") {
				k++
				if p.is(k, "per", "by") {
					k++
				}
				if e2, end2, ok := p.groupKey(k); ok {
					p.useRange("group", end, end2)
					p.in.group = append(p.in.group, e2)
					end = end2
					continue
				}
			}
			break
		}
		if p.is(end, "combination", "combinations", "pair", "pairs") {
			p.use("group", end)
		}
	}
}

func (p *parser) recOrdering() {
	for i := range p.toks {
		// top/first/last N
		if p.is(i, "top", "first", "last", "limit") && p.free(i+1) && p.toks[i+1].kind == kNumber {
			n, _ := strconv.Atoi(p.toks[i+1].word)
			if n <= 0 || n > 100000 {
				continue
			}
			p.in.limit = n
			if p.is(i, "last") {
				p.in.reverse = true
			}
			p.use("limit", i, i+1)
			continue
		}
		if p.is(i, "newest", "latest", "oldest") && p.free(i+1) && p.toks[i+1].kind == kNumber {
			if n, _ := strconv.Atoi(p.toks[i+1].word); n > 0 && n <= 100000 {
				p.in.limit = n
				p.use("limit", i+1)
			}
		}
		if p.is(i, "largest", "biggest", "smallest") && p.free(i+1) && p.toks[i+1].kind == kNumber {
			if n, _ := strconv.Atoi(p.toks[i+1].word); n > 0 && n <= 100000 {
				p.in.limit = n
				p.use("limit", i+1)
			}
		}
		if p.free(i) && p.toks[i].kind == kNumber && p.is(i+1, "newest", "latest", "oldest", "largest", "biggest", "smallest", "most") {
			n, _ := strconv.Atoi(p.toks[i].word)
			if n > 0 && n <= 100000 {
				p.in.limit = n
				p.use("limit", i)
			}
		}
		switch {
		case p.is(i, "sorted", "ordered", "sort", "order") && p.is(i+1, "by"):
			e, end, ok := expr{sql: "r.name", label: "name", text: "name"}, i+3, p.is(i+2, "name")
			if !ok {
				e, end, ok = p.groupKey(i + 2)
			}
			if !ok {
				if p.is(i+2, "name") {
					e, end, ok = expr{sql: "r.name", label: "name", text: "name"}, i+3, true
				} else if p.is(i+2, "age", "date", "creation", "created") {
					e, end, ok = expr{sql: "r.created_at", label: "created_at", text: "creation date"}, i+3, true
					if p.is(end, "date", "time") {
						end++
					}
				} else if p.is(i+2, "count", "size") && len(p.in.group) > 0 {
					e, end, ok = expr{sql: "count", label: "count", text: "count"}, i+3, true
				}
			}
			if !ok {
				continue
			}
			p.useRange("order", i, end)
			desc := false
			if p.is(end, "desc", "descending", "decreasing") {
				desc = true
				p.use("order", end)
			} else if p.is(end, "asc", "ascending", "increasing") {
				p.use("order", end)
			}
			p.in.order = append(p.in.order, orderBy{e: e, desc: desc})
		case p.is(i, "newest", "latest", "youngest", "oldest") && p.startsField(i):
			// "latest version": a field, not an order
		case p.is(i, "newest", "latest", "youngest") || p.is(i, "most") && p.is(i+1, "recent", "recently"):
			p.use("order", i)
			if p.is(i, "most") {
				p.use("order", i+1)
				if p.is(i+2, "created") {
					p.use("order", i+2)
				}
			}
			p.in.order = append(p.in.order, orderBy{e: expr{sql: "r.created_at", label: "created_at", text: "creation date"}, desc: true})
		case p.is(i, "largest", "biggest", "smallest"):
			if f, ok := p.sizeField(); ok {
				p.use("order", i)
				p.in.order = append(p.in.order, orderBy{e: expr{sql: "CAST(" + f.sql() + " AS REAL)", label: f.Name, text: f.text()}, desc: !p.is(i, "smallest")})
				p.in.extra = append(p.in.extra, expr{sql: f.sql(), label: f.Name})
			}
		case p.is(i, "oldest"):
			p.use("order", i)
			p.in.order = append(p.in.order, orderBy{e: expr{sql: "r.created_at", label: "created_at", text: "creation date"}})
		}
	}
}

// sizeField is the one numeric field of the targets measured in bytes or
// its multiples (size_gb, allocated_storage_gb...).
func (p *parser) sizeField() (fieldRef, bool) {
	if len(p.in.targets) == 0 {
		return fieldRef{}, false
	}
	var cand []fieldRef
	for _, f := range p.c.types[p.in.targets[0]].Fields {
		if (f.Type == "integer" || f.Type == "real") && unitKind[fieldUnit(f.Name)] == "size" {
			cand = append(cand, fieldRef{f})
		}
	}
	if len(cand) != 1 {
		return fieldRef{}, false
	}
	_, ok := p.matchField(fieldWordsOf(cand[0].Name))
	return cand[0], ok
}

// startsField reports whether the words at i name a field of the targets.
func (p *parser) startsField(i int) bool {
	_, end, ok := p.fieldAt(i)
	return ok && end > i+1
}

// recDistinct: "which regions have X", "what runtimes", "distinct engines".
func (p *parser) recDistinct() {
	for i := range p.toks {
		if p.is(i, "distinct", "unique", "different") {
			if e, end, ok := p.groupKey(i + 1); ok {
				p.useRange("distinct", i, end)
				p.in.action = actDistinct
				p.in.group = append(p.in.group, e)
			}
			continue
		}
		if p.is(i, "which", "what") && p.free(i+1) && (p.toks[i+1].word != p.toks[i+1].stem || p.is(i+1, "region", "account", "service")) {
			if e, end, ok := p.groupKey(i + 1); ok {
				p.useRange("distinct", i, end)
				if p.in.action != actCount {
					p.in.action = actDistinct
				}
				p.in.group = append(p.in.group, e)
			}
		}
	}
}

// --- numbers ---------------------------------------------------------

var opText = map[string]string{">": "more than", ">=": "at least", "<": "less than", "<=": "at most", "=": "exactly"}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// comparison reads "more than N", "N or more", "at least N", "> N", "between"
// is handled apart. It returns the operator, the number and the index after.
func (p *parser) comparison(i int) (string, float64, int, bool) {
	number := func(j int) (float64, bool) {
		if !p.free(j) || p.toks[j].kind != kNumber {
			return 0, false
		}
		f, err := strconv.ParseFloat(p.toks[j].word, 64)
		return f, err == nil
	}
	type form struct {
		words []string
		op    string
	}
	forms := []form{
		{[]string{"greater|more|larger|bigger|higher|longer", "than"}, ">"},
		{[]string{"over|above|exceeding|exceeds"}, ">"},
		{[]string{">"}, ">"}, {[]string{">="}, ">="}, {[]string{"<"}, "<"}, {[]string{"<="}, "<="}, {[]string{"="}, "="},
		{[]string{"at", "least"}, ">="}, {[]string{"at", "most"}, "<="}, {[]string{"no", "more", "than"}, "<="},
		{[]string{"less|fewer|smaller|lower|shorter", "than"}, "<"},
		{[]string{"under|below"}, "<"},
		{[]string{"equal", "to"}, "="}, {[]string{"exactly|of"}, "="},
	}
	for _, f := range forms {
		if end, ok := p.seq(i, f.words...); ok {
			if n, ok := number(end); ok {
				return f.op, n, end + 1, true
			}
		}
	}
	if n, ok := number(i); ok {
		if end, ok := p.seq(i+1, "or", "more|greater|higher|above"); ok {
			return ">=", n, end, true
		}
		if end, ok := p.seq(i+1, "or", "less|fewer|lower|below"); ok {
			return "<=", n, end, true
		}
		if end, ok := p.seq(i+1, "plus"); ok {
			return ">=", n, end, true
		}
	}
	return "", 0, i, false
}

// units convert a number given in a unit to the unit a field name ends with.
var unitFactor = map[string]float64{
	"byte": 1, "bytes": 1, "kb": 1 << 10, "kib": 1 << 10, "mb": 1 << 20, "mib": 1 << 20, "gb": 1 << 30, "gib": 1 << 30, "tb": 1 << 40, "tib": 1 << 40,
	"second": 1, "seconds": 1, "sec": 1, "secs": 1, "s": 1, "minute": 60, "minutes": 60, "min": 60, "mins": 60,
	"hour": 3600, "hours": 3600, "hr": 3600, "hrs": 3600, "day": 86400, "days": 86400,
}

var unitKind = map[string]string{
	"byte": "size", "bytes": "size", "kb": "size", "kib": "size", "mb": "size", "mib": "size", "gb": "size", "gib": "size", "tb": "size", "tib": "size",
	"second": "time", "seconds": "time", "sec": "time", "secs": "time", "s": "time", "minute": "time", "minutes": "time", "min": "time", "mins": "time",
	"hour": "time", "hours": "time", "hr": "time", "hrs": "time", "day": "time", "days": "time",
}

// fieldUnit is the unit a numeric field is stored in, from its name suffix.
func fieldUnit(name string) string {
	for _, suffix := range []string{"bytes", "gb", "mb", "mib", "mibps", "kb", "seconds", "days", "hours", "minutes"} {
		if strings.HasSuffix(name, "_"+suffix) || name == suffix {
			return suffix
		}
	}
	return ""
}

func convert(n float64, from, to string) (float64, bool) {
	if from == "" || to == "" || from == to {
		return n, true
	}
	if to == "mibps" {
		to = "mib"
	}
	if unitKind[from] == "" || unitKind[from] != unitKind[to] {
		return 0, false
	}
	return n * unitFactor[from] / unitFactor[to], true
}

func (p *parser) unitAt(i int) (string, bool) {
	if p.free(i) && unitKind[p.toks[i].word] != "" {
		return p.toks[i].word, true
	}
	return "", false
}

func (p *parser) recNumeric() {
	for i := range p.toks {
		if !p.free(i) {
			continue
		}
		// between A and B
		if p.is(i, "between") && p.free(i+1) && p.toks[i+1].kind == kNumber && p.is(i+2, "and") && p.free(i+3) && p.toks[i+3].kind == kNumber {
			lo, _ := strconv.ParseFloat(p.toks[i+1].word, 64)
			hi, _ := strconv.ParseFloat(p.toks[i+3].word, 64)
			end := i + 4
			unit, hasUnit := p.unitAt(end)
			if hasUnit {
				end++
			}
			f, fstart, ok := p.numericFieldNear(i, end, unit)
			if !ok {
				continue
			}
			lo2, ok1 := convert(lo, unit, fieldUnit(f.Name))
			hi2, ok2 := convert(hi, unit, fieldUnit(f.Name))
			if !ok1 || !ok2 {
				p.refuse("%s is measured in %s, not %s", f.text(), fieldUnit(f.Name), unit)
				continue
			}
			p.useRange("numeric", i, end)
			p.useField(fstart, f)
			p.in.conds = append(p.in.conds, cond{sql: "CAST(" + f.sql() + " AS REAL) BETWEEN ? AND ?", args: []any{lo2, hi2},
				text: fmt.Sprintf("whose %s is between %s and %s", f.text(), num(lo), num(hi)+unitSuffix(unit))})
			p.in.extra = append(p.in.extra, expr{sql: f.sql(), label: f.Name})
			continue
		}
		op, n, end, ok := p.comparison(i)
		if !ok || p.is(end, "tag", "tags") {
			continue
		}
		unit, hasUnit := p.unitAt(end)
		if hasUnit {
			end++
		}
		f, fstart, ok := p.numericFieldNear(i, end, unit)
		if !ok {
			if p.is(i, "of") && !hasUnit {
				continue // "of 512" compares nothing without a field before it
			}
			if p.toks[i].kind != kNumber || hasUnit {
				p.refuse("I could not tell which number %q compares: name the field (e.g. memory, size, timeout)", p.span(i, end))
				p.useRange("numeric", i, end)
			}
			continue
		}
		v, ok := convert(n, unit, fieldUnit(f.Name))
		if !ok {
			p.refuse("%s is measured in %s, not %s", f.text(), fieldUnit(f.Name), unit)
			continue
		}
		p.useRange("numeric", i, end)
		p.useField(fstart, f)
		p.in.conds = append(p.in.conds, cond{sql: "CAST(" + f.sql() + " AS REAL) " + op + " ?", args: []any{v},
			text: fmt.Sprintf("whose %s is %s %s", f.text(), opText[op], num(n)+unitSuffix(unit))})
		p.in.extra = append(p.in.extra, expr{sql: f.sql(), label: f.Name})
	}
}

func unitSuffix(u string) string {
	if u == "" {
		return ""
	}
	return " " + u
}

func (p *parser) span(from, to int) string {
	var ws []string
	for i := from; i < to && i < len(p.toks); i++ {
		ws = append(ws, p.toks[i].raw)
	}
	return strings.Join(ws, " ")
}

// numericFieldNear finds the numeric field a comparison at [i, end) is
// about: named just before it ("memory greater than 512", "with a memory of
// 512"), just after it ("more than 100 GB of storage"), or implied by the
// unit or the comparison word ("larger than 100 GB": the size field).
func (p *parser) numericFieldNear(i, end int, unit string) (fieldRef, int, bool) {
	numeric := []string{"integer", "real"}
	for back := max(0, i-4); back < i; back++ {
		if !p.free(back) {
			continue
		}
		if f, fend, ok := p.fieldAt(back, numeric...); ok && fend >= i-2 {
			// skip "is", "of", "with" between field and comparison
			ok := true
			for k := fend; k < i; k++ {
				if !p.is(k, "is", "of", "with", "that", "are", "set", "to", "a") {
					ok = false
				}
			}
			if ok {
				return f, back, true
			}
		}
	}
	after := end
	if p.is(after, "of", "in") {
		after++
	}
	if f, _, ok := p.fieldAt(after, numeric...); ok {
		return f, after, true
	}
	// implied by the unit or by "larger/bigger/smaller"
	if unit != "" || p.is(i, "larger", "bigger", "smaller") {
		kind := unitKind[unit]
		if kind == "" {
			kind = "size"
		}
		var cand []fieldRef
		for _, t := range p.in.targets[:min(1, len(p.in.targets))] {
			for _, f := range p.c.types[t].Fields {
				u := fieldUnit(f.Name)
				if (f.Type == "integer" || f.Type == "real") && u != "" && unitKind[u] == kind {
					cand = append(cand, fieldRef{f})
				}
			}
		}
		if len(cand) == 1 {
			if _, ok := p.matchField(fieldWordsOf(cand[0].Name), numeric...); ok {
				return cand[0], -1, true
			}
		}
	}
	return fieldRef{}, -1, false
}

// useField marks the words of field f starting at i (if i >= 0) as used.
func (p *parser) useField(i int, f fieldRef) {
	if i < 0 {
		return
	}
	if _, end, ok := p.fieldAt(i); ok {
		p.useRange("field", i, end)
	}
	if p.is(i-1, "with", "having", "whose") {
		p.use("field", i-1)
	}
}
