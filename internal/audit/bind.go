package audit

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/awsmap/awsmap/internal/suggest"
)

// namedParams lists the :name parameters of sql in order of first use,
// ignoring string literals, quoted identifiers and comments. Other
// parameter forms (?, ?NNN, @x, $x) are refused: audit SQL names its
// parameters.
func namedParams(sql string) ([]string, error) {
	_, names, err := rewriteParams(sql)
	return names, err
}

// rewriteParams replaces every :name outside literals and comments with
// ?N, N being the name's position in the returned list.
func rewriteParams(sql string) (string, []string, error) {
	var out strings.Builder
	var names []string
	index := map[string]int{}
	for i := 0; i < len(sql); {
		c := sql[i]
		switch {
		case c == '\'' || c == '"' || c == '`':
			end := closeQuote(sql, i, c)
			out.WriteString(sql[i:end])
			i = end
		case c == '[':
			end := strings.IndexByte(sql[i:], ']')
			if end < 0 {
				end = len(sql) - i - 1
			}
			out.WriteString(sql[i : i+end+1])
			i += end + 1
		case c == '-' && i+1 < len(sql) && sql[i+1] == '-':
			end := strings.IndexByte(sql[i:], '\n')
			if end < 0 {
				end = len(sql) - i
			}
			out.WriteString(sql[i : i+end])
			i += end
		case c == '/' && i+1 < len(sql) && sql[i+1] == '*':
			end := strings.Index(sql[i+2:], "*/")
			stop := len(sql)
			if end >= 0 {
				stop = i + 2 + end + 2
			}
			out.WriteString(sql[i:stop])
			i = stop
		case c == ':' && i+1 < len(sql) && isIdentStart(sql[i+1]):
			j := i + 1
			for j < len(sql) && isIdent(sql[j]) {
				j++
			}
			name := sql[i+1 : j]
			n, ok := index[name]
			if !ok {
				names = append(names, name)
				n = len(names)
				index[name] = n
			}
			fmt.Fprintf(&out, "?%d", n)
			i = j
		case c == '?' || c == '@' || c == '$':
			return "", nil, fmt.Errorf("parameter form %q at offset %d: name parameters as :name", string(c), i)
		default:
			out.WriteByte(c)
			i++
		}
	}
	return out.String(), names, nil
}

// closeQuote returns the index after the literal starting at i (quotes
// doubled inside are part of it).
func closeQuote(s string, i int, q byte) int {
	for j := i + 1; j < len(s); j++ {
		if s[j] == q {
			if j+1 < len(s) && s[j+1] == q {
				j++
				continue
			}
			return j + 1
		}
	}
	return len(s)
}

func isIdentStart(c byte) bool { return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isIdent(c byte) bool      { return isIdentStart(c) || c >= '0' && c <= '9' }

// Filters narrow any query's rows on its leading columns.
type Filters struct {
	Accounts []string // nil: all
	Region   string
	Service  string
}

// Bound is a query ready to run: SQL with positional parameters and their
// values.
type Bound struct {
	SQL  string
	Args []any
}

// Bind resolves the parameters of q: values given (-P), else defaults;
// numeric parameters must be numbers. Unknown or missing parameters are
// errors (with suggestions). The filters wrap the query; values are always
// bound, never spliced.
func Bind(q *Query, values map[string]string, now string, f Filters) (Bound, error) {
	valid := make([]string, 0, len(q.Params)+len(FilterParams))
	for _, p := range q.Params {
		valid = append(valid, p.Name)
	}
	valid = append(valid, FilterParams...)
	for k, v := range values {
		switch {
		case k == "service":
			f.Service = v
		case k == "region":
			f.Region = v
		default:
			if _, ok := q.Param(k); !ok {
				err := suggest.Unknown("parameter", k, valid)
				return Bound{}, fmt.Errorf("%w; query %s takes: %s", err, q.Name, strings.Join(valid, ", "))
			}
		}
	}
	return bindSQL(q.SQL, func(name string) (any, error) {
		if name == ParamNow {
			return now, nil
		}
		p, _ := q.Param(name)
		v, given := values[name]
		if !given {
			if !p.HasDefault {
				return nil, fmt.Errorf("query %s needs -P %s=VALUE", q.Name, name)
			}
			v = p.Default
		}
		if p.Numeric {
			n, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil {
				return nil, fmt.Errorf("parameter %s must be a number, not %q", name, v)
			}
			if n == float64(int64(n)) {
				return int64(n), nil
			}
			return n, nil
		}
		return v, nil
	}, f)
}

// bindSQL rewrites sql's :names to positional parameters with the values
// lookup gives and wraps the statement with the filters.
func bindSQL(sql string, lookup func(string) (any, error), f Filters) (Bound, error) {
	body, names, err := rewriteParams(trimStatement(sql))
	if err != nil {
		return Bound{}, err
	}
	var b Bound
	for _, n := range names {
		v, err := lookup(n)
		if err != nil {
			return Bound{}, err
		}
		b.Args = append(b.Args, v)
	}
	var conds []string
	if f.Accounts != nil {
		marks := make([]string, len(f.Accounts))
		for i, a := range f.Accounts {
			b.Args = append(b.Args, a)
			marks[i] = fmt.Sprintf("?%d", len(b.Args))
		}
		conds = append(conds, "account_id IN ("+strings.Join(marks, ", ")+")")
	}
	for _, c := range []struct{ col, val string }{{"region", f.Region}, {"service", f.Service}} {
		if c.val != "" {
			b.Args = append(b.Args, c.val)
			conds = append(conds, fmt.Sprintf("%s = ?%d", c.col, len(b.Args)))
		}
	}
	if len(conds) == 0 {
		b.SQL = body
		return b, nil
	}
	b.SQL = "SELECT * FROM (\n" + body + "\n) WHERE " + strings.Join(conds, " AND ")
	return b, nil
}

// trimStatement drops trailing semicolons and blank space, so the body can
// be wrapped.
func trimStatement(sql string) string {
	s := strings.TrimSpace(sql)
	for strings.HasSuffix(s, ";") {
		s = strings.TrimSpace(strings.TrimSuffix(s, ";"))
	}
	return s
}

// validRegion reports whether s looks like a region name.
func validRegion(s string) bool {
	if s == "" || len(s) > 30 {
		return false
	}
	return !slices.ContainsFunc([]byte(s), func(c byte) bool {
		return !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')
	})
}
