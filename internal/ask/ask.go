// Package ask turns plain-English questions about the inventory into SQL,
// deterministically and offline: question → tokens → intent → SQL with
// bound parameters, plus a one-line interpretation. Its vocabulary comes
// from the type catalog ([]model.TypeInfo) and a small synonym table; a
// question with a word it does not understand is refused, with the closest
// example questions, rather than answered approximately.
package ask

import (
	"fmt"
	"strings"
	"time"
)

// Options scope an answer.
type Options struct {
	Now     time.Time // "today", "last week"... are relative to it (zero: time.Now)
	Account string    // resolved account id; "" for all
}

// Answer is an understood question.
type Answer struct {
	Question       string
	Interpretation string // one line, in words
	SQL            string // over the inventory's views; ? parameters
	Args           []any
	Audit          string    // when set: run this named query instead of SQL
	Waste          bool      // when set: run the waste rules instead of SQL
	Reads          []TypeRef // types the answer reads (for UNKNOWN lines)
	Regions        []string  // region filters: UNKNOWN lines elsewhere do not apply
	History        bool      // reads the whole history, whatever --scan says
	Corrections    []string  // "securty → security"
	Words          []Word    // every word and its role (--explain)
	Searched       string    // what was searched, for an empty result
}

// Word is one word of the question and what it did.
type Word struct {
	Text string `json:"word"`
	Role string `json:"role"`
}

// Refusal is a question ask will not answer, with why and what to ask.
type Refusal struct {
	Question      string
	Reason        string
	NotUnderstood []string
	Corrections   []string
	Suggestions   []string
}

func (r *Refusal) Error() string {
	var b strings.Builder
	b.WriteString("I can't answer that reliably: ")
	var parts []string
	if len(r.NotUnderstood) > 0 {
		parts = append(parts, "I did not understand "+quoteList(r.NotUnderstood, "and"))
	}
	if r.Reason != "" {
		parts = append(parts, r.Reason)
	}
	b.WriteString(strings.Join(parts, "; "))
	return b.String()
}

// Ask interprets question. The error is a *Refusal when the question is
// not understood well enough to answer.
func (c *Catalog) Ask(question string, o Options) (*Answer, error) {
	ans, p, reason, unknown := c.interpret(question, o)
	if ans != nil {
		return ans, nil
	}
	r := c.refusal(question, p, reason)
	r.NotUnderstood = unknown
	return nil, r
}

// interpret is Ask without the refusal's suggestions (which read the
// examples, so the example generator can call it): the answer, or the
// reason and the words not understood.
func (c *Catalog) interpret(question string, o Options) (ans *Answer, p *parser, reason string, unknown []string) {
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	p = &parser{c: c, toks: tokenize(question), now: o.Now.UTC()}
	if len(p.toks) > 60 {
		return nil, p, "the question is too long (at most 60 words)", nil
	}
	p.parse()
	ans = &Answer{Question: question, Corrections: p.fixes}
	for _, t := range p.toks {
		role := t.role
		if role == "" {
			unknown = append(unknown, t.raw)
			role = "not understood"
		}
		ans.Words = append(ans.Words, Word{Text: t.raw, Role: role})
	}
	switch {
	case len(p.toks) == 0:
		return nil, p, "the question is empty", nil
	case p.refusal != "" || len(unknown) > 0:
		return nil, p, p.refusal, unknown
	}
	if reason := p.weak(); reason != "" {
		return nil, p, reason, nil
	}
	if err := p.build(ans, o); err != nil {
		return nil, p, err.Error(), nil
	}
	return ans, p, "", nil
}

// weak reports interpretations too thin to run: nothing to look for, or a
// filter-only question with no type and no explicit "resources".
func (p *parser) weak() string {
	in := p.in
	if in.audit != "" || in.waste || in.history != "" {
		return ""
	}
	if len(in.targets) == 0 && len(in.conds) == 0 && len(in.group) == 0 {
		for _, t := range p.toks {
			if t.word == "resources" || t.word == "everything" || t.word == "resource" || t.word == "inventory" {
				return ""
			}
		}
		return "I found nothing to look for (no resource type, filter or grouping)"
	}
	return ""
}

func (c *Catalog) refusal(q string, p *parser, reason string) *Refusal {
	return &Refusal{Question: q, Reason: reason, Corrections: p.fixes, Suggestions: c.Closest(q, 3)}
}

// interpretation renders the intent in words.
func (p *parser) interpretation(o Options) string {
	in := p.in
	what := in.label
	if what == "" {
		what = "resources"
	}
	var b strings.Builder
	switch {
	case in.most:
		most := "most"
		if len(in.order) > 0 && !in.order[0].desc {
			most = "fewest"
		}
		fmt.Fprintf(&b, "Finding which %s has the %s %s", groupText(in.group), most, what)
	case in.action == actDistinct:
		fmt.Fprintf(&b, "Listing the distinct %s of %s", groupText(in.group), what)
	case in.action == actCount:
		b.WriteString("Counting " + what)
	default:
		b.WriteString("Listing " + what)
	}
	if where := condText(in.conds, o); where != "" {
		b.WriteString(" " + where)
	}
	if len(in.group) > 0 && !in.most && in.action != actDistinct {
		b.WriteString(", by " + groupText(in.group))
	}
	for _, o := range in.order {
		if o.e.label == "count" {
			continue
		}
		dir := ""
		if o.desc {
			dir = " (descending)"
		}
		b.WriteString(", sorted by " + o.e.text + dir)
	}
	if in.limit > 0 {
		fmt.Fprintf(&b, ", first %d", in.limit)
	}
	return b.String()
}

// condText renders the conditions, places first: "in eu-west-1 whose
// state is stopped, without an Owner tag".
func condText(conds []cond, o Options) string {
	var places, rest []string
	for _, c := range conds {
		if strings.HasPrefix(c.text, "in ") || strings.HasPrefix(c.text, "outside ") {
			places = append(places, c.text)
		} else {
			rest = append(rest, c.text)
		}
	}
	if o.Account != "" {
		places = append(places, "in account "+o.Account)
	}
	s := strings.Join(places, " ")
	if len(rest) > 0 {
		if s != "" {
			s += " "
		}
		s += strings.Join(rest, ", ")
	}
	return s
}

func groupText(g []expr) string {
	var ws []string
	for _, e := range g {
		ws = append(ws, e.text)
	}
	return joinWords(ws, "and")
}
