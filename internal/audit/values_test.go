package audit

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/awsmap/awsmap/internal/model"
)

// The literals audits compare details fields against must be values the
// collectors write: `s3-no-encryption` once tested encryption_algorithm
// against '' while the collector writes "none", and never matched.
//
// How: each named query and waste rule is split into SQL tokens (strings,
// numbers, words, operators); a field reference is `details ->> '$.f'`,
// `details -> '$.f'` or `json_extract(details, '$.f')`, possibly wrapped in
// coalesce/ifnull/lower/upper/trim, or a bare column of a typed view the
// query reads FROM. A comparison is such a reference next to =, ==, <>, !=
// and a string literal, or followed by [NOT] IN and a list of literals.
// Every literal must be among the Values the field declares (model.Field);
// a field compared with a non-empty literal must declare Values at all
// (enum-like fields cannot drift silently). Numbers (booleans are 0/1),
// ranges (<, >) and LIKE patterns are not checked.

// freeTextFields are fields compared against a literal that is a name, not
// one of a set of values.
var freeTextFields = map[string]string{
	"group_name": "security group names: 'default' is the name AWS gives the default group",
	"volume_id":  "'vol-ffffffff' is the volume id AWS gives snapshots copied from another snapshot or an AMI",
	"acl_name":   "MemoryDB ACL names: 'open-access' is the name of AWS's ACL that lets any client in",
}

type comparison struct {
	field, literal string
}

func TestAuditLiteralsAreDeclaredFieldValues(t *testing.T) {
	lib, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	check := func(what, sql string, reads []TypeRef) {
		fields := fieldsOf(types, reads)
		for _, c := range comparisons(sql, viewColumns(sql, types, reads)) {
			values, known := fields[c.field]
			switch {
			case !known || freeTextFields[c.field] != "":
			case values == nil && c.literal != "":
				t.Errorf("%s compares %s with %q, but %s declares no Values (%v)", what, c.field, c.literal, c.field, reads)
			case values != nil && !slices.Contains(values, c.literal):
				t.Errorf("%s compares %s with %q, not one of its declared Values %q", what, c.field, c.literal, values)
			}
		}
	}
	for _, q := range lib.All() {
		check("query "+q.Name, q.SQL, q.Reads)
	}
	for _, r := range Rules {
		check("waste rule "+r.Key, r.SQL, r.Reads)
	}
}

// The checker itself: what it must find, and must not.
func TestComparisons(t *testing.T) {
	views := map[string]bool{"state": true}
	for sql, want := range map[string]string{
		`WHERE coalesce(details ->> '$.encryption_algorithm', '') = ''`:        `[{encryption_algorithm }]`,
		`WHERE json_extract(r.details, '$.state') IN ('a', 'b') AND x = 'y'`:   `[{state a} {state b}]`,
		`WHERE 'gp2' = lower(details->>'$.volume_type')`:                       `[{volume_type gp2}]`,
		`WHERE details ->> '$.versioning' NOT IN ('Enabled')`:                  `[{versioning Enabled}]`,
		`WHERE details ->> '$.size' > 10 AND details ->> '$.x' LIKE 'a%'`:      `[]`,
		`WHERE json_extract(k.value, '$.status') = 'Active'`:                   `[]`, // a list item's key, not a field
		`FROM ec2_instances WHERE state = 'stopped' AND type = 'instance'`:     `[{state stopped}]`,
		`WHERE details ->> '$.name' = 'it''s'`:                                 `[{name it's}]`,
		`WHERE e.details ->> '$.vpc_id' = n.details ->> '$.vpc_id'`:            `[]`,
		`WHERE coalesce(details ->> '$.type', '') IN ('application', '', 'x')`: `[{type application} {type } {type x}]`,
	} {
		if got := fmt.Sprint(comparisons(sql, views)); got != want {
			t.Errorf("%s\n got %s\nwant %s", sql, got, want)
		}
	}
}

// fieldsOf maps the field names of the read types to their declared Values
// (the union when several types share a name; nil when none declares any).
func fieldsOf(types []model.TypeInfo, reads []TypeRef) map[string][]string {
	out := map[string][]string{}
	for _, ti := range types {
		if !slices.Contains(reads, TypeRef{ti.Service, ti.Type}) {
			continue
		}
		for _, f := range ti.Fields {
			out[f.Name] = append(out[f.Name], f.Values...)
		}
	}
	return out
}

// viewColumns are the fields of the read types whose typed view sql reads
// FROM: there they are plain columns.
func viewColumns(sql string, types []model.TypeInfo, reads []TypeRef) map[string]bool {
	cols := map[string]bool{}
	toks := tokenize(sql)
	for _, ti := range types {
		if !slices.Contains(reads, TypeRef{ti.Service, ti.Type}) {
			continue
		}
		for i := 1; i < len(toks); i++ {
			if strings.EqualFold(toks[i-1].text, "FROM") && toks[i].text == ti.View() {
				for _, f := range ti.Fields {
					cols[f.Name] = true
				}
			}
		}
	}
	return cols
}

type token struct {
	text string
	str  bool // a string literal; text is its value
}

// tokenize splits SQL into tokens; comments are dropped.
func tokenize(sql string) []token {
	var out []token
	for i := 0; i < len(sql); {
		c := sql[i]
		switch {
		case unicode.IsSpace(rune(c)):
			i++
		case strings.HasPrefix(sql[i:], "--"):
			for i < len(sql) && sql[i] != '\n' {
				i++
			}
		case c == '\'':
			var b strings.Builder
			for i++; i < len(sql); i++ {
				if sql[i] == '\'' {
					if i+1 < len(sql) && sql[i+1] == '\'' {
						b.WriteByte('\'')
						i++
						continue
					}
					i++
					break
				}
				b.WriteByte(sql[i])
			}
			out = append(out, token{text: b.String(), str: true})
		case c == '_' || unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c)):
			j := i
			for j < len(sql) && (sql[j] == '_' || unicode.IsLetter(rune(sql[j])) || unicode.IsDigit(rune(sql[j]))) {
				j++
			}
			out = append(out, token{text: sql[i:j]})
			i = j
		default:
			op := string(c)
			for _, long := range []string{"->>", "->", "<>", "!=", "==", "<=", ">=", "||"} {
				if strings.HasPrefix(sql[i:], long) {
					op = long
					break
				}
			}
			out = append(out, token{text: op})
			i += len(op)
		}
	}
	return out
}

// comparisons finds every (field, string literal) comparison in sql; views
// are the bare column names that are fields (see viewColumns).
func comparisons(sql string, views map[string]bool) []comparison {
	toks := tokenize(sql)
	out := []comparison{}
	for i := range toks {
		field, start, end := fieldAt(toks, i, views)
		if field == "" {
			continue
		}
		start, end = unwrap(toks, start, end)
		out = append(out, literalsAfter(toks, end, field)...)
		// 'x' = ref, unless 'x' is the path of a reference on the left.
		if start >= 2 && toks[start-2].str && isEquality(toks[start-1].text) && (start < 3 || !isPathOperator(toks[start-3].text)) {
			out = append(out, comparison{field, toks[start-2].text})
		}
	}
	return out
}

// fieldAt recognises a field reference starting at toks[i] and returns the
// field and the reference's first and last token.
func fieldAt(toks []token, i int, views map[string]bool) (string, int, int) {
	at := func(j int) token {
		if j < len(toks) {
			return toks[j]
		}
		return token{}
	}
	path := func(t token) string {
		if name, ok := strings.CutPrefix(t.text, "$."); ok && t.str && !strings.ContainsAny(name, ".[") {
			return name
		}
		return ""
	}
	t := toks[i]
	switch {
	case t.text == "details" && (at(i+1).text == "->>" || at(i+1).text == "->") && path(at(i+2)) != "":
		start := i
		if i >= 2 && toks[i-1].text == "." { // r.details
			start = i - 2
		}
		return path(at(i + 2)), start, i + 2
	case strings.EqualFold(t.text, "json_extract") && at(i+1).text == "(":
		j := i + 2
		if at(j+1).text == "." { // r.details
			j += 2
		}
		if at(j).text == "details" && at(j+1).text == "," && path(at(j+2)) != "" && at(j+3).text == ")" {
			return path(at(j + 2)), i, j + 3
		}
	case !t.str && views[t.text] && (i == 0 || toks[i-1].text != "."):
		return t.text, i, i
	}
	return "", 0, 0
}

// unwrap widens a reference to the value-preserving calls around it:
// coalesce(ref, ”) compares like ref (with ” standing for null).
func unwrap(toks []token, start, end int) (int, int) {
	wrappers := []string{"coalesce", "ifnull", "lower", "upper", "trim"}
	for start >= 2 && toks[start-1].text == "(" && slices.Contains(wrappers, strings.ToLower(toks[start-2].text)) {
		depth, j := 1, end+1
		for ; j < len(toks) && depth > 0; j++ {
			switch toks[j].text {
			case "(":
				depth++
			case ")":
				depth--
			}
		}
		start, end = start-2, j-1
	}
	return start, end
}

func isPathOperator(op string) bool { return op == "->>" || op == "->" || op == "," }

func isEquality(op string) bool { return op == "=" || op == "==" || op == "<>" || op == "!=" }

// literalsAfter returns the string literals toks[end] is compared with:
// "= 'x'" or "[NOT] IN ('x', 'y')".
func literalsAfter(toks []token, end int, field string) []comparison {
	j := end + 1
	if j+1 < len(toks) && isEquality(toks[j].text) && toks[j+1].str {
		return []comparison{{field, toks[j+1].text}}
	}
	if j < len(toks) && strings.EqualFold(toks[j].text, "NOT") {
		j++
	}
	if j+1 >= len(toks) || !strings.EqualFold(toks[j].text, "IN") || toks[j+1].text != "(" {
		return nil
	}
	var out []comparison
	for j += 2; j < len(toks) && toks[j].text != ")"; j++ {
		if toks[j].str {
			out = append(out, comparison{field, toks[j].text})
		}
	}
	return out
}
