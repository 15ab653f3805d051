package ask

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// timeRange is [from, to) in UTC; a zero bound is open.
type timeRange struct {
	from, to time.Time
	text     string
}

// pendingTime is a time expression waiting for its field (which depends on
// the verb and the types asked about).
type pendingTime struct {
	verb string // created, modified, used, expiring, rotated
	r    timeRange
	neg  bool // "not used in the last 90 days"
}

var months = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
	"june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

func (p *parser) unitDuration(i int, n int) (time.Time, bool) {
	switch p.toks[i].stem {
	case "hour", "hr":
		return p.now.Add(-time.Duration(n) * time.Hour), true
	case "minute", "min":
		return p.now.Add(-time.Duration(n) * time.Minute), true
	case "day":
		return p.now.AddDate(0, 0, -n), true
	case "week":
		return p.now.AddDate(0, 0, -7*n), true
	case "month":
		return p.now.AddDate(0, -n, 0), true
	case "year", "yr":
		return p.now.AddDate(-n, 0, 0), true
	}
	return time.Time{}, false
}

func (p *parser) startOfDay(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func (p *parser) startOfWeek(t time.Time) time.Time {
	d := p.startOfDay(t)
	off := (int(d.Weekday()) + 6) % 7 // Monday
	return d.AddDate(0, 0, -off)
}

// pointAt reads a point in time at i: a date, a month, a year, today,
// yesterday, "N units ago", "last week" (its start). It returns the
// instant, its end (for "before"/"on" a day) and the index after.
func (p *parser) pointAt(i int) (time.Time, time.Time, int, bool) {
	if !p.free(i) {
		return time.Time{}, time.Time{}, i, false
	}
	t := p.toks[i]
	switch {
	case t.kind == kDate:
		layout := "2006-01-02"
		if len(t.word) == 7 {
			layout = "2006-01"
		}
		d, err := time.Parse(layout, t.word)
		if err != nil {
			return time.Time{}, time.Time{}, i, false
		}
		if layout == "2006-01" {
			return d, d.AddDate(0, 1, 0), i + 1, true
		}
		return d, d.AddDate(0, 0, 1), i + 1, true
	case t.kind == kNumber && len(t.word) == 4 && !p.unitNext(i+1):
		y, _ := strconv.Atoi(t.word)
		if y >= 2000 && y <= 2100 {
			d := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
			return d, d.AddDate(1, 0, 0), i + 1, true
		}
	case t.kind == kNumber && p.unitNext(i+1) && p.is(i+2, "ago"):
		n, _ := strconv.Atoi(t.word)
		d, _ := p.unitDuration(i+1, n)
		return d, d, i + 3, true
	case t.word == "today":
		d := p.startOfDay(p.now)
		return d, d.AddDate(0, 0, 1), i + 1, true
	case t.word == "yesterday":
		d := p.startOfDay(p.now).AddDate(0, 0, -1)
		return d, d.AddDate(0, 0, 1), i + 1, true
	case months[t.word] != 0 && t.kind == kWord && (t.word != "may" || p.is(i-1, "since", "in", "before", "after")):
		m := months[t.word]
		y := p.now.Year()
		end := i + 1
		if p.free(i+1) && p.toks[i+1].kind == kNumber && len(p.toks[i+1].word) == 4 {
			y, _ = strconv.Atoi(p.toks[i+1].word)
			end++
		} else if time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).After(p.now) {
			y--
		}
		d := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
		return d, d.AddDate(0, 1, 0), end, true
	case (t.word == "last" || t.word == "this") && p.free(i+1):
		if from, to, ok := p.period(t.word, p.toks[i+1].stem); ok {
			return from, to, i + 2, true
		}
	}
	return time.Time{}, time.Time{}, i, false
}

func (p *parser) unitNext(i int) bool {
	if !p.free(i) {
		return false
	}
	switch p.toks[i].stem {
	case "hour", "hr", "minute", "min", "day", "week", "month", "year", "yr":
		return true
	}
	return false
}

// period is a calendar period: this/last week, month, year.
func (p *parser) period(which, unit string) (time.Time, time.Time, bool) {
	var start time.Time
	var step func(time.Time, int) time.Time
	switch unit {
	case "week":
		start, step = p.startOfWeek(p.now), func(t time.Time, n int) time.Time { return t.AddDate(0, 0, 7*n) }
	case "month":
		start, step = time.Date(p.now.Year(), p.now.Month(), 1, 0, 0, 0, 0, time.UTC), func(t time.Time, n int) time.Time { return t.AddDate(0, n, 0) }
	case "year":
		start, step = time.Date(p.now.Year(), 1, 1, 0, 0, 0, 0, time.UTC), func(t time.Time, n int) time.Time { return t.AddDate(n, 0, 0) }
	case "day":
		start, step = p.startOfDay(p.now), func(t time.Time, n int) time.Time { return t.AddDate(0, 0, n) }
	default:
		return time.Time{}, time.Time{}, false
	}
	if which == "last" {
		return step(start, -1), start, true
	}
	return start, step(start, 1), true
}

func day(t time.Time) string { return t.Format("2006-01-02") }

// timeVerbs map words to what a time applies to.
var timeVerbs = map[string]string{
	"created": "created", "launched": "created", "made": "created", "built": "created", "provisioned": "created",
	"new": "created", "newer": "created", "older": "created", "old": "created", "creation": "created", "age": "created",
	"modified": "modified", "updated": "modified", "edited": "modified", "last-modified": "modified",
	"used": "used", "accessed": "used", "logged": "used", "login": "used", "active": "used",
	"expiring": "expiring", "expire": "expiring", "expires": "expiring", "expiry": "expiring", "expired": "expiring",
	"rotated": "rotated",
}

// recTime reads time expressions and keeps them pending until the types
// are known (resolveTimes).
func (p *parser) recTime() {
	for i := range p.toks {
		if !p.free(i) {
			continue
		}
		var r timeRange
		end := i
		switch {
		// in the last N units / within the last N units / over the past N units / past N units
		case p.is(i, "in", "within", "over", "during") && p.is(i+1, "the") && p.is(i+2, "last", "past") || p.is(i, "last", "past") && p.free(i+1) && p.toks[i+1].kind == kNumber:
			j := i
			if !p.is(i, "last", "past") {
				j = i + 2
			}
			n, k := 1, j+1
			if p.free(k) && p.toks[k].kind == kNumber {
				n, _ = strconv.Atoi(p.toks[k].word)
				k++
			}
			if !p.unitNext(k) {
				continue
			}
			from, _ := p.unitDuration(k, n)
			r, end = timeRange{from: from, text: fmt.Sprintf("in the last %d %s", n, p.toks[k].word)}, k+1
		// older than N units / more than N units ago
		case p.is(i, "older") && p.is(i+1, "than") && (p.free(i+2) && p.toks[i+2].kind == kNumber || p.is(i+2, "a", "an", "one")) && p.unitNext(i+3):
			n, _ := strconv.Atoi(p.toks[i+2].word)
			if n == 0 {
				n = 1 // "older than a year"
			}
			to, _ := p.unitDuration(i+3, n)
			r, end = timeRange{to: to, text: fmt.Sprintf("more than %d %s ago (before %s)", n, p.toks[i+3].word, day(to))}, i+4
		case p.is(i, "more", "over") && p.is(i+1, "than") && p.free(i+2) && p.toks[i+2].kind == kNumber && p.unitNext(i+3) && p.is(i+4, "ago"):
			n, _ := strconv.Atoi(p.toks[i+2].word)
			to, _ := p.unitDuration(i+3, n)
			r, end = timeRange{to: to, text: fmt.Sprintf("more than %d %s ago (before %s)", n, p.toks[i+3].word, day(to))}, i+5
		// within N days (future: expiring)
		case p.is(i, "within", "in", "next") && p.free(i+1) && p.toks[i+1].kind == kNumber && p.unitNext(i+2):
			n, _ := strconv.Atoi(p.toks[i+1].word)
			past, _ := p.unitDuration(i+2, n)
			to := p.now.Add(p.now.Sub(past))
			r, end = timeRange{from: p.now, to: to, text: fmt.Sprintf("within the next %d %s (by %s)", n, p.toks[i+2].word, day(to))}, i+3
			if p.is(i-1, "in") && p.is(i, "next") {
				p.use("time", i-1)
			}
		// N units ago: that day
		case p.free(i) && p.toks[i].kind == kNumber && p.unitNext(i+1) && p.is(i+2, "ago") && !p.is(i-1, "than"):
			n, _ := strconv.Atoi(p.toks[i].word)
			d, _ := p.unitDuration(i+1, n)
			from := p.startOfDay(d)
			r, end = timeRange{from: from, to: from.AddDate(0, 0, 1), text: "on " + day(from)}, i+3
		case p.is(i, "soon"):
			to := p.now.AddDate(0, 0, 30)
			r, end = timeRange{from: p.now, to: to, text: "within the next 30 days (by " + day(to) + ")"}, i+1
		case p.is(i, "since", "after", "from"):
			from, _, k, ok := p.pointAt(i + 1)
			if !ok {
				continue
			}
			if p.is(i, "after") {
				_, from, k, _ = p.pointAt(i + 1)
			}
			r, end = timeRange{from: from, text: p.toks[i].word + " " + day(from)}, k
		case p.is(i, "before", "until", "prior"):
			j := i + 1
			if p.is(j, "to") {
				j++
			}
			to, _, k, ok := p.pointAt(j)
			if !ok {
				continue
			}
			r, end = timeRange{to: to, text: "before " + day(to)}, k
		case p.is(i, "on", "in", "during"):
			from, to, k, ok := p.pointAt(i + 1)
			if !ok || p.toks[i+1].kind == kNumber && len(p.toks[i+1].word) != 4 {
				continue
			}
			r, end = timeRange{from: from, to: to, text: fmt.Sprintf("between %s and %s", day(from), day(to))}, k
		case p.is(i, "today", "yesterday") || p.is(i, "this", "last") && p.free(i+1) && slices.Contains([]string{"week", "month", "year", "day"}, p.toks[i+1].stem):
			from, to, k, ok := p.pointAt(i)
			if !ok {
				continue
			}
			r, end = timeRange{from: from, to: to, text: fmt.Sprintf("between %s and %s", day(from), day(to))}, k
			if p.is(i, "this", "today") {
				r.to = time.Time{}
				r.text = "since " + day(from)
			}
		default:
			continue
		}
		p.useRange("time", i, end)
		verb, neg := "", false
		// The verb is the nearest one before the range, unless a word read
		// otherwise ("changed since") stands between them.
		for j := i - 1; j >= max(0, i-4) && p.free(j); j-- {
			if v, ok := timeVerbs[p.toks[j].word]; ok {
				verb = v
				p.use("time", j)
				if p.is(j-1, "not", "never") {
					neg = true
					p.use("time", j-1)
				}
				if p.is(j-1, "last") {
					p.use("time", j-1)
				}
				break
			}
		}
		if verb == "" && p.is(i, "older") {
			verb = "created"
		}
		if verb == "" && r.from.Equal(p.now) {
			verb = "expiring"
		}
		if verb == "" {
			verb = "when"
		}
		p.pending = append(p.pending, pendingTime{verb: verb, r: r, neg: neg})
	}
	// "expired" alone: expiry before now
	for i := range p.toks {
		if p.is(i, "expired") {
			p.use("time", i)
			p.pending = append(p.pending, pendingTime{verb: "expiring", r: timeRange{to: p.now, text: "already (before now)"}})
		}
	}
}

// timeFields are, per verb, the field names that hold that moment,
// preferred first; created falls back to the created_at column.
var timeFields = map[string][]string{
	"modified": {"last_modified", "updated_at", "last_updated", "last_changed"},
	"used":     {"last_used", "password_last_used", "last_accessed"},
	"expiring": {"not_after", "expiration", "expires_at", "deletion_date", "next_rotation"},
	"rotated":  {"last_rotated"},
}

// resolveTimes turns pending time expressions into conditions on the
// right column of the targets (or history, when the question is about
// changes).
func (p *parser) resolveTimes() {
	for _, pt := range p.pending {
		if p.in.history != "" && (pt.verb == "when" || pt.verb == "created" || pt.verb == "modified") {
			r := pt.r
			p.in.since = &r
			continue
		}
		col, text := "r.created_at", "created"
		if pt.verb != "created" && pt.verb != "when" {
			if len(p.in.targets) == 0 {
				p.refuse("%q needs a resource type (e.g. %q)", pt.verb, "certificates "+pt.verb+" "+pt.r.text)
				continue
			}
			var found fieldRef
			ok := false
			for _, name := range timeFields[pt.verb] {
				if f, has := p.matchField(fieldWordsOf(name), "timestamp"); has && f.Name == name {
					found, ok = f, true
					break
				}
			}
			if !ok {
				p.refuse("%s have no field saying when they were last %s (see `awsmap schema`)", p.in.label, pt.verb)
				continue
			}
			col, text = found.sql(), pt.verb+" ("+found.text()+")"
			if pt.verb == "used" {
				text = "last used (" + found.text() + ")"
			}
			p.in.extra = append(p.in.extra, expr{sql: col, label: found.Name})
		} else if pt.verb == "created" || pt.verb == "when" {
			p.in.extra = append(p.in.extra, expr{sql: "r.created_at", label: "created_at"})
		}
		var parts []string
		var args []any
		if !pt.r.from.IsZero() {
			parts = append(parts, col+" >= ?")
			args = append(args, pt.r.from.UTC().Format(time.RFC3339))
		}
		if !pt.r.to.IsZero() {
			parts = append(parts, col+" < ?")
			args = append(args, pt.r.to.UTC().Format(time.RFC3339))
		}
		sql := "(" + strings.Join(parts, " AND ") + ")"
		desc := text + " " + pt.r.text
		if pt.neg {
			// "not used in the last 90 days": never, or not since.
			sql = "(" + col + " IS NULL OR NOT " + sql + ")"
			desc = "not " + desc + " (or never)"
		}
		p.in.conds = append(p.in.conds, cond{sql: sql, args: args, text: desc})
	}
}

// --- history ---------------------------------------------------------

func (p *parser) recHistory() {
	for i := range p.toks {
		switch {
		case p.is(i, "changed", "changes", "change", "drift", "drifted") && (p.is(i-1, "what", "which", "anything", "what's", "whats", "recent", "recently", "any", "has", "have", "were", "was") ||
			p.is(i+1, "since", "in", "during", "this", "last", "today", "yesterday", "over", "between", "after", "before", "per", "by")):
			p.in.history = "changes"
		case p.is(i, "deleted", "removed", "disappeared", "gone", "destroyed") && !p.is(i-1, "not"):
			p.in.history = "removed"
		case p.is(i, "added", "appeared") || p.is(i, "new") && (p.is(i-1, "what's", "whats") || p.is(i-1, "is") && p.is(i-2, "what")):
			p.in.history = "added"
		default:
			continue
		}
		p.use("history", i)
		if p.is(i-1, "was", "were", "has", "have", "got", "been") {
			p.use("history", i-1)
		}
		return
	}
}
