package ask

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
)

// Semantic words resolve against the fields of the types asked about: a
// concept lists, in order of preference, the field names that express it;
// the first one the type has wins. A type with none of them makes the
// question refused rather than answered about something else.
type concept struct {
	words    []string // question words (negative forms set neg)
	neg      bool
	fields   []string // boolean fields, true means the concept holds
	inverse  []string // boolean fields, false means the concept holds
	nonEmpty []string // text fields, non-empty means the concept holds
	enum     map[string]string
	audits   map[string]string // "service/type" → named query answering it
	text     string
	with     bool // read "with X"/"without X" rather than "that are (not) X"
}

var concepts = []concept{
	{words: []string{"public", "internet-facing", "exposed", "publicly"}, text: "public",
		fields:   []string{"is_public", "publicly_accessible", "public", "shared_publicly", "endpoint_public_access", "map_public_ip_on_launch", "assign_public_ip", "associate_public_ip"},
		inverse:  []string{"private_zone"},
		nonEmpty: []string{"public_ip"},
		enum:     map[string]string{"scheme": "internet-facing"}},
	{words: []string{"private", "internal"}, neg: true, text: "public",
		fields:   []string{"is_public", "publicly_accessible", "public", "shared_publicly", "endpoint_public_access", "map_public_ip_on_launch", "assign_public_ip", "associate_public_ip"},
		inverse:  []string{"private_zone"},
		nonEmpty: []string{"public_ip"},
		enum:     map[string]string{"scheme": "internet-facing"}},
	{words: []string{"encrypted", "encryption"}, text: "encryption", with: true,
		fields:   []string{"encrypted", "storage_encrypted", "at_rest_encryption", "secrets_encryption", "sse_enabled"},
		nonEmpty: []string{"encryption_algorithm", "kms_key_arn"}},
	{words: []string{"unencrypted", "plaintext"}, neg: true, text: "encryption", with: true,
		fields:   []string{"encrypted", "storage_encrypted", "at_rest_encryption", "secrets_encryption", "sse_enabled"},
		nonEmpty: []string{"encryption_algorithm", "kms_key_arn"}},
	{words: []string{"unused", "unattached", "idle", "orphaned", "detached", "dangling", "unassociated", "orphan"}, text: "unused",
		inverse:  []string{"in_use"},
		enum:     map[string]string{"state": "available", "status": "available"},
		nonEmpty: nil,
		audits:   map[string]string{"ec2/elastic-ip": "unused-eips", "ec2/key-pair": "unused-key-pairs", "iam/role": "unused-iam-roles"}},
	{words: []string{"logging"}, text: "logging", fields: []string{"is_logging", "logging_enabled"}},
	{words: []string{"mfa"}, text: "MFA", with: true, fields: []string{"mfa_active", "root_mfa_enabled"}},
	{words: []string{"rotated", "rotation", "rotating"}, text: "rotation", with: true, fields: []string{"rotation_enabled"}},
	{words: []string{"fifo"}, text: "FIFO", fields: []string{"fifo"}},
	{words: []string{"versioned", "versioning"}, text: "versioning", with: true, enum: map[string]string{"versioning": "enabled"}},
	{words: []string{"open", "world-open"}, text: "open to the world", fields: []string{"open_to_world"}},
	{words: []string{"external", "cross-account", "crossaccount"}, text: "trusting other accounts", fields: []string{"trusts_other_accounts"}},
	{words: []string{"everyone", "anyone", "anybody"}, text: "trusting everyone", fields: []string{"trusts_everyone"}},
	{words: []string{"enabled"}, text: "enabled", fields: []string{"enabled", "actions_enabled"}, enum: map[string]string{"state": "enabled", "key_state": "enabled"}},
	{words: []string{"disabled"}, neg: true, text: "enabled", fields: []string{"enabled", "actions_enabled"}, enum: map[string]string{"state": "enabled", "key_state": "enabled"}},
	{words: []string{"privileged"}, text: "privileged", fields: []string{"any_privileged"}},
	{words: []string{"default"}, text: "AWS default"},
	{words: []string{"empty"}, text: "empty"},
}

var conceptWords = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range concepts {
		for _, w := range c.words {
			m[w] = true
		}
	}
	return m
}()

// negation before position i: not / non / no / without / isn't.
func (p *parser) negationBefore(i int) (int, bool) {
	j := i - 1
	for p.is(j, "are", "is", "be", "been", "have", "has", "a", "an") {
		j--
	}
	if p.is(j, "not", "non", "no", "without", "isn't", "aren't", "never", "lacking", "missing", "don't", "doesn't", "dont", "doesnt",
		"haven't", "hasn't", "lack", "lacks") {
		return j, true
	}
	return i, false
}

func (p *parser) recConcepts() {
	for i := range p.toks {
		if !p.free(i) || p.toks[i].kind != kWord {
			continue
		}
		w := strings.TrimPrefix(p.toks[i].word, "non-")
		nonPrefix := w != p.toks[i].word
		if w == "internet" && p.is(i+1, "facing") {
			w = "internet-facing"
			p.use("filter", i+1)
		}
		var c *concept
		for k := range concepts {
			if slices.Contains(concepts[k].words, w) {
				c = &concepts[k]
				break
			}
		}
		if c == nil {
			continue
		}
		neg := c.neg != nonPrefix
		start := i
		if j, ok := p.negationBefore(i); ok {
			neg = !neg
			start = j
		}
		end := i + 1
		// "open to the world", "trusting external accounts", "trust everyone"
		for p.is(end, "to", "the", "world", "internet", "accounts", "account", "principals") {
			end++
		}
		if p.is(end, "enabled", "on", "active", "set") && w != "enabled" {
			end++
		} else if p.is(end, "disabled", "off") && w != "disabled" {
			neg = !neg
			end++
		}
		if p.is(start-1, "trusting", "trust", "trusts", "that") {
			start--
		}
		if ok := p.applyConcept(c, neg); ok {
			p.useRange("filter", start, end)
		}
	}
}

// applyConcept adds the condition for c on the targets; false (and a
// refusal) when a target has no field expressing it.
func (p *parser) applyConcept(c *concept, neg bool) bool {
	word := c.words[0]
	if word == "default" {
		v := 1
		text := "that are AWS defaults"
		if neg {
			v, text = 0, "that are not AWS defaults"
		}
		p.in.conds = append(p.in.conds, cond{sql: "r.is_default = ?", args: []any{v}, text: text})
		return true
	}
	if len(p.in.targets) == 0 {
		p.refuse("%q needs a resource type (e.g. %q)", word, word+" buckets")
		return false
	}
	if word == "empty" {
		return p.applyEmpty(neg)
	}
	if len(p.in.targets) == 1 {
		ty := p.c.types[p.in.targets[0]]
		if q, ok := c.audits[ty.Service+"/"+ty.Type]; ok && !neg {
			p.in.audit = q
			return true
		}
	}
	// Of several types (databases: instances and clusters), those without a
	// field for the concept are left out, and the interpretation says so.
	var kept, dropped []int
	for _, t := range p.in.targets {
		if _, _, ok := p.conceptSQL(t, c, neg); ok {
			kept = append(kept, t)
		} else {
			dropped = append(dropped, t)
		}
	}
	if len(kept) == 0 {
		t := p.in.targets[0]
		ref := p.c.types[t].Service + "/" + p.c.types[t].Type
		p.refuse("I don't know what %q means for %s: none of its fields says so (see `awsmap schema %s`)", word, p.c.typeLabel(t), ref)
		return false
	}
	if len(dropped) > 0 {
		var names []string
		for _, t := range dropped {
			names = append(names, p.c.typeLabel(t))
		}
		p.in.targets = kept
		var labels []string
		for _, t := range kept {
			labels = append(labels, p.c.typeLabel(t))
		}
		p.in.label = joinWords(labels, "and") + " (" + joinWords(names, "and") + " have no field saying whether they are " + c.text + ": not searched)"
	}
	var parts []string
	var args []any
	for _, t := range p.in.targets {
		ty := p.c.types[t]
		sql, a, _ := p.conceptSQL(t, c, neg)
		if len(p.in.targets) > 1 {
			sql = fmt.Sprintf("(r.service = '%s' AND r.type = '%s' AND %s)", ty.Service, ty.Type, sql)
		}
		parts = append(parts, sql)
		args = append(args, a...)
	}
	text := "that are " + c.text
	switch {
	case neg && c.with:
		text = "without " + c.text
	case c.with:
		text = "with " + c.text
	case neg:
		text = "that are not " + c.text
	}
	p.in.conds = append(p.in.conds, cond{sql: "(" + strings.Join(parts, " OR ") + ")", args: args, text: text})
	return true
}

// conceptSQL expresses c for type t with its own fields.
func (p *parser) conceptSQL(t int, c *concept, neg bool) (string, []any, bool) {
	b := func(name string, want bool) (string, []any, bool) {
		v := 0
		if want != neg {
			v = 1
		}
		p.in.extra = append(p.in.extra, expr{sql: "r.details ->> '$." + name + "'", label: name})
		return "r.details ->> '$." + name + "' = ?", []any{v}, true
	}
	for _, f := range c.fields {
		if fd, ok := p.c.field(t, f); ok && fd.Type == "boolean" {
			return b(f, true)
		}
	}
	for _, f := range c.inverse {
		if fd, ok := p.c.field(t, f); ok && fd.Type == "boolean" {
			return b(f, false)
		}
	}
	for _, f := range c.nonEmpty {
		if _, ok := p.c.field(t, f); ok {
			p.in.extra = append(p.in.extra, expr{sql: "r.details ->> '$." + f + "'", label: f})
			if neg {
				return "coalesce(r.details ->> '$." + f + "', '') = ''", nil, true
			}
			return "coalesce(r.details ->> '$." + f + "', '') <> ''", nil, true
		}
	}
	for _, f := range slices.Sorted(maps.Keys(c.enum)) {
		v := c.enum[f]
		if fd, ok := p.c.field(t, f); ok && slices.Contains(enumValues(fd), v) {
			p.in.extra = append(p.in.extra, expr{sql: "r.details ->> '$." + f + "'", label: f})
			if neg {
				return "lower(r.details ->> '$." + f + "') <> ?", []any{v}, true
			}
			return "lower(r.details ->> '$." + f + "') = ?", []any{v}, true
		}
	}
	return "", nil, false
}

// applyEmpty: a type is empty when its count field (members, item_count,
// target_count, instance_count...) is zero.
func (p *parser) applyEmpty(neg bool) bool {
	var parts []string
	for _, t := range p.in.targets {
		var name string
		for _, f := range p.c.types[t].Fields {
			if f.Type == "integer" && slices.Contains([]string{"members", "item_count", "target_count", "instance_count", "approximate_messages", "record_count", "number_of_mount_targets", "subscriptions_confirmed"}, f.Name) {
				name = f.Name
				break
			}
		}
		if name == "" {
			p.refuse("I don't know what %q means for %s", "empty", p.c.typeLabel(t))
			return false
		}
		op := "="
		if neg {
			op = ">"
		}
		parts = append(parts, "CAST(r.details ->> '$."+name+"' AS INTEGER) "+op+" 0")
		p.in.extra = append(p.in.extra, expr{sql: "r.details ->> '$." + name + "'", label: name})
	}
	text := "that are empty"
	if neg {
		text = "that are not empty"
	}
	p.in.conds = append(p.in.conds, cond{sql: "(" + strings.Join(parts, " OR ") + ")", text: text})
	return true
}

// --- runtimes and engines --------------------------------------------

// families are value prefixes for runtime and engine fields.
var families = map[string][]string{
	"python": {"python"}, "node": {"nodejs"}, "nodejs": {"nodejs"}, "node.js": {"nodejs"}, "javascript": {"nodejs"},
	"java": {"java"}, "go": {"go"}, "golang": {"go"}, "ruby": {"ruby"}, "dotnet": {"dotnet"}, ".net": {"dotnet"},
	"provided": {"provided"}, "custom": {"provided"},
	"postgres": {"postgres", "aurora-postgresql"}, "postgresql": {"postgres", "aurora-postgresql"},
	"mysql": {"mysql", "aurora-mysql"}, "aurora": {"aurora"}, "mariadb": {"mariadb"}, "oracle": {"oracle"},
	"sqlserver": {"sqlserver"}, "mssql": {"sqlserver"}, "redis": {"redis"}, "memcached": {"memcached"}, "valkey": {"valkey"},
}

func (p *parser) recEngines() {
	if len(p.in.targets) == 0 {
		return
	}
	var field fieldRef
	found := false
	for _, name := range []string{"runtime", "engine"} {
		if f, ok := p.matchField([]string{name}, "text"); ok && f.Name == name {
			field, found = f, true
		}
	}
	if !found {
		return
	}
	var pats []string
	var words []string
	first, last := -1, -1
	neg := false
	for i := range p.toks {
		if !p.free(i) || p.toks[i].kind != kWord && p.toks[i].kind != kNumber {
			continue
		}
		w := p.toks[i].word
		version := ""
		base := w
		// python3.12, nodejs18.x: the longest family name that prefixes it
		best := ""
		for k := range families {
			if strings.HasPrefix(w, k) && len(w) > len(k) && w[len(k)] >= '0' && w[len(k)] <= '9' && len(k) > len(best) {
				best = k
			}
		}
		if best != "" {
			base, version = best, w[len(best):]
		}
		prefixes, ok := families[base]
		if !ok {
			continue
		}
		end := i + 1
		if version == "" && p.free(i+1) && p.toks[i+1].kind == kNumber {
			version = p.toks[i+1].word
			end = i + 2
		}
		p.useRange("value", i, end)
		if first < 0 {
			first = i
		}
		last = end
		for _, pre := range prefixes {
			pats = append(pats, pre+strings.TrimSuffix(version, ".x"))
		}
		words = append(words, p.toks[i].raw+unitSuffix(version))
	}
	if first < 0 {
		return
	}
	for j := first - 1; j >= 0 && p.is(j, "using", "running", "on", "with", "not", "runtime", "engine", "in", "written"); j-- {
		if p.is(j, "not") {
			neg = true
		}
		p.use("value", j)
	}
	for j := first; j < last; j++ {
		if p.is(j, "or", "and", "runtime", "engine", "runtimes", "engines") {
			p.use("value", j)
		}
	}
	if p.is(last, "runtime", "engine", "runtimes", "engines", "function", "functions") && p.toks[last].role == "" && p.is(last, "runtime", "engine", "runtimes", "engines") {
		p.use("value", last)
	}
	var parts []string
	var args []any
	for _, pat := range pats {
		parts = append(parts, "lower("+field.sql()+") LIKE ? ESCAPE '\\'")
		args = append(args, escapeLike(pat)+"%")
	}
	sql := "(" + strings.Join(parts, " OR ") + ")"
	text := fmt.Sprintf("whose %s is %s", field.text(), joinWords(words, "or"))
	if neg {
		sql = "NOT " + sql
		text = fmt.Sprintf("whose %s is not %s", field.text(), joinWords(words, "or"))
	}
	p.in.conds = append(p.in.conds, cond{sql: sql, args: args, text: text})
	p.in.extra = append(p.in.extra, expr{sql: field.sql(), label: field.Name})
}

func escapeLike(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(strings.ToLower(s))
}

// --- field = value ---------------------------------------------------

// recFieldEquals: "instance type t3.micro", "volume type gp3", "state is
// stopped".
func (p *parser) recFieldEquals() {
	if len(p.in.targets) == 0 {
		return
	}
	// FIELD [is|=|of] VALUE
	for i := range p.toks {
		f, end, ok := p.fieldAt(i, "text")
		if !ok {
			continue
		}
		j := end
		neg := false
		for p.is(j, "is", "=", "of", "equal", "equals", "not", "isn't") {
			if p.is(j, "not", "isn't") {
				neg = true
			}
			j++
		}
		if !p.free(j) || p.toks[j].kind == kSymbol {
			continue
		}
		v := p.toks[j]
		if v.kind == kWord && (stopWords[v.word] || grammarWords[v.word]) && !slices.Contains(enumValues(f.Field), v.word) {
			continue
		}
		if v.kind == kWord && p.c.words[v.word] && !slices.Contains(enumValues(f.Field), v.word) && !strings.ContainsAny(v.word, ".-") {
			continue
		}
		start := i
		if jn, isNeg := p.negationBefore(i); isNeg {
			neg, start = !neg, jn
		}
		if p.is(start-1, "with", "whose", "where", "having") {
			start--
		}
		p.useRange("filter", start, j+1)
		p.addEquals(f, v.raw, neg)
	}
}

// recPresence: "instances with a public ip", "functions without a dead
// letter target": a text or list field, named by its words, is set or not.
func (p *parser) recPresence() {
	if len(p.in.targets) == 0 {
		return
	}
	for i := range p.toks {
		if !p.is(i, "with", "having", "has", "have", "without", "no") {
			continue
		}
		j := p.skipArticles(i + 1)
		f, end, ok := p.fieldAt(j, "text", "json")
		if !ok || len(enumValues(f.Field)) > 0 || p.free(end) && !groupJoiners[p.toks[end].word] && !stopWords[p.toks[end].word] && !p.isRegion(end) {
			continue
		}
		start := i
		neg := p.is(i, "without", "no")
		if k, isNeg := p.negationBefore(i); isNeg && !neg {
			neg, start = true, k
		}
		p.useRange("filter", start, end)
		what := f.text()
		if !strings.HasSuffix(what, "s") {
			what = article(what) + " " + what
		}
		sql, text := "coalesce("+f.sql()+", '') NOT IN ('', '[]', '{}')", "with "+what
		if neg {
			sql, text = "coalesce("+f.sql()+", '') IN ('', '[]', '{}')", "without "+what
		}
		p.in.conds = append(p.in.conds, cond{sql: sql, text: text})
		p.in.extra = append(p.in.extra, expr{sql: f.sql(), label: f.Name})
	}
}

// shapedRE: values shaped like an instance type or class (t3.micro,
// db.r5.large, cache.t3.small).
var shapedRE = regexp.MustCompile(`^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$`)

// recShapedValues: a bare value shaped like the example in a field's
// description ("instance type, e.g. m5.large") is a value of that field.
func (p *parser) recShapedValues() {
	if len(p.in.targets) == 0 {
		return
	}
	for i := range p.toks {
		if !p.free(i) || !shapedRE.MatchString(p.toks[i].word) {
			continue
		}
		var match []fieldRef
		for _, fd := range p.c.types[p.in.targets[0]].Fields {
			if _, ex, ok := strings.Cut(fd.Description, "e.g. "); ok && fd.Type == "text" && shapedRE.MatchString(strings.Trim(strings.Fields(ex + " x")[0], ",;")) {
				match = append(match, fieldRef{fd})
			}
		}
		if len(match) != 1 {
			continue
		}
		if _, ok := p.matchField(fieldWordsOf(match[0].Name), "text"); !ok {
			continue
		}
		start := i
		neg := false
		if j, ok := p.negationBefore(i); ok {
			neg, start = true, j
		}
		p.useRange("value", start, i+1)
		p.addEquals(match[0], p.toks[i].raw, neg)
	}
}

// recEnumValues: values a field's description enumerates, on their own:
// "stopped instances", "not running", "gp2 volumes".
func (p *parser) recEnumValues() {
	if len(p.in.targets) == 0 {
		return
	}
	for i := range p.toks {
		if !p.free(i) || p.toks[i].kind != kWord && p.toks[i].kind != kID {
			continue
		}
		w := p.toks[i].word
		var match []fieldRef
		for _, t := range p.in.targets[:1] {
			for _, f := range p.c.types[t].Fields {
				if slices.Contains(enumValues(f), w) {
					match = append(match, fieldRef{f})
				}
			}
		}
		if len(match) == 0 {
			continue
		}
		if len(match) > 1 {
			var names []string
			for _, m := range match {
				names = append(names, m.Name)
			}
			p.refuse("%q could be the value of %s: say which (e.g. %q)", w, joinWords(names, "or"), match[0].text()+" "+w)
			p.use("value", i)
			continue
		}
		if _, ok := p.matchField(fieldWordsOf(match[0].Name), "text"); !ok {
			continue
		}
		start := i
		neg := false
		if j, ok := p.negationBefore(i); ok {
			neg, start = true, j
		}
		if p.is(start-1, "are", "is", "that", "in", "whose") {
			start--
		}
		end := i + 1
		if f, fend, ok := p.fieldAt(end, "text"); ok && f.Name == match[0].Name {
			end = fend // "in alarm state"
		}
		p.useRange("value", start, end)
		p.addEquals(match[0], w, neg)
	}
}

func (p *parser) addEquals(f fieldRef, v string, neg bool) {
	if f.Type == "json" {
		sql := "EXISTS (SELECT 1 FROM json_each(r.details, '$." + f.Name + "') x WHERE lower(x.value) = lower(?))"
		text := fmt.Sprintf("whose %s include %q", f.text(), v)
		if neg {
			sql, text = "NOT "+sql, fmt.Sprintf("whose %s do not include %q", f.text(), v)
		}
		p.in.conds = append(p.in.conds, cond{sql: sql, args: []any{v}, text: text})
		return
	}
	op, text := "=", fmt.Sprintf("whose %s is %s", f.text(), v)
	if neg {
		op, text = "<>", fmt.Sprintf("whose %s is not %s", f.text(), v)
	}
	p.in.conds = append(p.in.conds, cond{sql: "lower(" + f.sql() + ") " + op + " lower(?)", args: []any{v}, text: text})
	p.in.extra = append(p.in.extra, expr{sql: f.sql(), label: f.Name})
}

// --- booleans --------------------------------------------------------

// booleanNoise are words of boolean field names a question leaves out.
var booleanNoise = set(`is has enabled present any to the configured`)

// recBooleans: "with deletion protection", "without pitr", "multi az",
// "deletion protection disabled", "not multi-az": any boolean field of the
// targets named by its words.
func (p *parser) recBooleans() {
	if len(p.in.targets) == 0 {
		return
	}
	for i := range p.toks {
		if !p.free(i) || p.toks[i].kind != kWord {
			continue
		}
		f, end, ok := p.booleanAt(i)
		if !ok {
			continue
		}
		neg := false
		start := i
		if j, isNeg := p.negationBefore(i); isNeg {
			neg, start = true, j
		} else if p.is(i-1, "with", "having", "has", "have") {
			start = i - 1
		}
		if p.is(end, "enabled", "on", "active", "set") {
			end++
		} else if p.is(end, "disabled", "off", "inactive") {
			neg = !neg
			end++
		} else if p.is(end, "not", "isn't") && p.is(end+1, "enabled", "set", "configured", "active") {
			neg = !neg
			end += 2
		}
		if p.is(start-1, "are", "is", "that", "which", "whose", "where") {
			start--
		}
		p.useRange("filter", start, end)
		v, text := 1, "where "+f.Name+" is true"
		if neg {
			v, text = 0, "where "+f.Name+" is false"
		}
		p.in.conds = append(p.in.conds, cond{sql: f.sql() + " = ?", args: []any{v}, text: text})
		p.in.extra = append(p.in.extra, expr{sql: f.sql(), label: f.Name})
	}
}

// booleanAt matches words at i against the targets' boolean fields, their
// noise words (is_, _enabled...) optional.
func (p *parser) booleanAt(i int) (fieldRef, int, bool) {
	for n := 6; n >= 1; n-- {
		var ws []string
		ok := true
		for j := i; j < i+n; j++ {
			if !p.free(j) || p.toks[j].kind != kWord {
				ok = false
				break
			}
			for _, part := range strings.Split(p.toks[j].word, "-") {
				ws = append(ws, stem(part))
			}
		}
		if !ok || len(ws) == 0 || (fieldNoise[ws[0]] || stopWords[ws[0]]) && n == 1 {
			continue
		}
		var found *fieldRef
		unique := true
		for _, t := range p.in.targets[:1] {
			for _, f := range p.c.types[t].Fields {
				if f.Type != "boolean" {
					continue
				}
				var core []string
				for _, w := range fieldWordsOf(f.Name) {
					if !booleanNoise[w] {
						core = append(core, w)
					}
				}
				if len(core) > 0 && (slices.Equal(core, ws) || slices.Equal(fieldWordsOf(f.Name), ws)) {
					if found != nil {
						unique = false
					}
					ff := fieldRef{f}
					found = &ff
				}
			}
		}
		if found != nil && unique {
			if _, ok := p.matchField(fieldWordsOf(found.Name), "boolean"); ok {
				return *found, i + n, true
			}
		}
	}
	return fieldRef{}, i, false
}

// --- relationships ---------------------------------------------------

// recRelationships: "in vpc-123" / "attached to i-1" (edges to an id),
// "what depends on sg-1" (edges pointing at it), "not attached to
// anything", "VPCs without any subnets" (no edge to a type).
func (p *parser) recRelationships() {
	for i := range p.toks {
		if !p.free(i) || p.toks[i].kind != kID {
			continue
		}
		id := p.toks[i].raw
		start := i
		for p.is(start-1, "in", "inside", "within", "attached", "to", "on", "of", "behind", "using", "uses", "use", "with", "the", "vpc", "subnet", "instance", "security", "group", "by", "into") {
			start--
		}
		for j := start - 1; j >= 0 && j >= start-3; j-- {
			if p.is(j, "depends", "depend", "uses", "use", "using", "references", "reference", "points", "point", "pointing", "relies", "rely", "attached", "targets", "target") {
				// "what depends on X": edges from the answer to X, same as "in X".
				start = j
			}
		}
		p.useRange("relation", start, i+1)
		p.in.conds = append(p.in.conds, cond{
			sql: "EXISTS (SELECT 1 FROM relationships e WHERE e.from_id = r.id AND e.from_account_id = r.account_id " +
				"AND e.from_region = r.region AND e.from_service = r.service AND e.from_type = r.type AND e.to_id = ?)",
			args: []any{id}, text: "linked to " + id})
	}
	for i := range p.toks {
		// not attached to anything / unattached handled by concepts
		if k, ok := p.seq(i, "not", "attached|connected|associated|linked", "to", "anything|any"); ok {
			if p.is(k, "resource", "resources", "instance", "instances") {
				k++
			}
			p.useRange("relation", i, k)
			p.in.conds = append(p.in.conds, cond{
				sql: "NOT EXISTS (SELECT 1 FROM relationships e WHERE e.from_id = r.id AND e.from_account_id = r.account_id " +
					"AND e.from_region = r.region AND e.from_service = r.service AND e.from_type = r.type AND e.kind = 'attached-to')",
				text: "not attached to anything"})
			continue
		}
		// without (any) Y / with no Y / with Y
		neg := p.is(i, "without", "no") || p.is(i, "with") && p.is(i+1, "no")
		pos := p.is(i, "with", "having", "that", "have", "has") && !neg
		if !neg && !pos {
			continue
		}
		j := i + 1
		if p.is(j, "no") {
			j++
		}
		for p.is(j, "any", "a", "an", "at", "least", "one", "have", "has") {
			j++
		}
		ph, end := p.phraseAt(j)
		if ph == nil || len(p.in.targets) == 0 {
			continue
		}
		if ph.ambiguous() {
			p.useRange("relation", i, j)
			p.refuseAmbiguous(ph, j, end)
			continue
		}
		// "security groups with no rules": rules may be the group's own
		// (ingress_rules), not EventBridge rules; do not guess.
		if f := p.fieldNamedLike(ph.words); f != "" {
			p.refuse("%q could mean the %s field of %s or related %s; ask about the field by its name (see `awsmap schema`)",
				p.span(j, end), f, p.in.label, p.c.typeLabel(ph.types[0]))
			p.useRange("relation", i, end)
			continue
		}
		p.useRange("relation", i, end)
		p.addRelated(ph, neg)
	}
}

// fieldNamedLike returns a field of the first target whose name contains
// the last word of words ("" when none).
func (p *parser) fieldNamedLike(words []string) string {
	last := words[len(words)-1]
	for _, f := range p.c.types[p.in.targets[0]].Fields {
		if slices.Contains(fieldWordsOf(f.Name), last) {
			return f.Name
		}
	}
	return ""
}

// addRelated: an edge in either direction between the answer and a
// resource of ph's types.
func (p *parser) addRelated(ph *phrase, neg bool) {
	var typeConds []string
	for _, t := range ph.types {
		ty := p.c.types[t]
		typeConds = append(typeConds, fmt.Sprintf("('%s', '%s')", ty.Service, ty.Type))
		p.in.relTypes = append(p.in.relTypes, t)
	}
	in := strings.Join(typeConds, ", ")
	sql := "(EXISTS (SELECT 1 FROM relationships e WHERE e.to_id = r.id AND e.to_account_id = r.account_id AND e.to_region = r.region " +
		"AND e.to_service = r.service AND e.to_type = r.type AND (e.from_service, e.from_type) IN (VALUES " + in + ")) " +
		"OR EXISTS (SELECT 1 FROM relationships e WHERE e.from_id = r.id AND e.from_account_id = r.account_id AND e.from_region = r.region " +
		"AND e.from_service = r.service AND e.from_type = r.type AND (e.to_service, e.to_type) IN (VALUES " + in + ")))"
	label := ph.label
	if label == "" {
		label = p.c.typeLabel(ph.types[0])
	}
	text := "with at least one of " + label
	if neg {
		sql, text = "NOT "+sql, "without any "+label
	}
	p.in.conds = append(p.in.conds, cond{sql: sql, text: text})
}

// --- stop words ------------------------------------------------------

func (p *parser) recStopWords() {
	for i := range p.toks {
		if p.free(i) && p.toks[i].kind == kWord && stopWords[p.toks[i].word] {
			p.use("stop", i)
		}
	}
}
