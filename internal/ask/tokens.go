package ask

import (
	"regexp"
	"strings"
	"unicode"
)

// token is one word of the question, with the role the parser gave it.
type token struct {
	raw  string // as typed (values keep their case)
	word string // lower-cased, corrected when it was a typo
	stem string // singular form of word
	kind tokenKind
	role string // "" while nothing used it
}

type tokenKind int

const (
	kWord    tokenKind = iota
	kNumber            // 42, 1.5
	kRegion            // eu-west-1
	kDate              // 2025-01-01, 2025-01
	kAccount           // 12 digits
	kID                // vpc-0abc..., i-123, sg-... (a resource id)
	kPair              // Key=Value
	kQuoted            // "some name"
	kSymbol            // >, >=, <, <=, =
)

var (
	regionRE  = regexp.MustCompile(`^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$`)
	dateRE    = regexp.MustCompile(`^\d{4}-\d{2}(-\d{2})?$`)
	accountRE = regexp.MustCompile(`^\d{12}$`)
	numberRE  = regexp.MustCompile(`^\d+(\.\d+)?$`)
	// idRE: a short prefix, a dash, then a hex-ish tail: vpc-0a1b, i-123, subnet-9f, sg-1.
	idRE = regexp.MustCompile(`^[a-z][a-z0-9]{0,15}-[0-9a-f]{3,32}$`)
)

// tokenize splits a question into tokens. Punctuation other than what
// values need (dots, dashes, slashes, =, quotes) separates words.
func tokenize(q string) []token {
	var out []token
	rs := []rune(q)
	for i := 0; i < len(rs); {
		c := rs[i]
		switch {
		case unicode.IsSpace(c) || strings.ContainsRune(",;!?()[]{}", c):
			i++
		case c == '"' || c == '\'' && (i == 0 || !unicode.IsLetter(rs[i-1])):
			j := i + 1
			for j < len(rs) && rs[j] != c {
				j++
			}
			if s := string(rs[i+1 : min(j, len(rs))]); strings.TrimSpace(s) != "" {
				out = append(out, token{raw: s, word: strings.ToLower(s), stem: strings.ToLower(s), kind: kQuoted})
			}
			i = j + 1
		case strings.ContainsRune("<>=", c):
			j := i + 1
			for j < len(rs) && rs[j] == '=' {
				j++
			}
			s := string(rs[i:j])
			out = append(out, token{raw: s, word: s, stem: s, kind: kSymbol})
			i = j
		default:
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) && !strings.ContainsRune(",;!?()[]{}\"<>", rs[j]) {
				if rs[j] == '=' && j > i {
					// Key=Value stays one token; a trailing = (x=) does not.
					for j < len(rs) && !unicode.IsSpace(rs[j]) && !strings.ContainsRune(",;!?()[]{}\"", rs[j]) {
						j++
					}
					break
				}
				j++
			}
			out = append(out, classify(strings.TrimRight(string(rs[i:j]), ".:'")))
			i = j
		}
	}
	return slicesDeleteEmpty(out)
}

func slicesDeleteEmpty(ts []token) []token {
	out := ts[:0]
	for _, t := range ts {
		if t.raw != "" {
			out = append(out, t)
		}
	}
	return out
}

// classify recognises the shape of a bare word.
func classify(raw string) token {
	w := strings.ToLower(raw)
	t := token{raw: raw, word: w, stem: w, kind: kWord}
	switch {
	case raw == "":
	case strings.Contains(raw, "=") && !strings.HasPrefix(raw, "=") && !strings.HasSuffix(raw, "="):
		t.kind = kPair
	case accountRE.MatchString(w):
		t.kind = kAccount
	case numberRE.MatchString(w):
		t.kind = kNumber
	case regionRE.MatchString(w):
		t.kind = kRegion
	case dateRE.MatchString(w):
		t.kind = kDate
	case idRE.MatchString(w) && !strings.Contains(w, "--"):
		t.kind = kID
	default:
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		t.word = w
		t.stem = stem(w)
	}
	return t
}

// stem is a crude singular: enough for resource and field names.
func stem(w string) string {
	switch {
	case len(w) <= 2 || !isAlpha(w):
		return w
	case irregular[w] != "":
		return irregular[w]
	case strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"):
		return w
	case strings.HasSuffix(w, "s"):
		return w[:len(w)-1]
	}
	return w
}

var irregular = map[string]string{
	"aliases": "alias", "statuses": "status", "policies": "policy", "gateways": "gateway",
	"indices": "index", "aws": "aws", "gas": "gas", "ses": "ses", "redis": "redis", "analysis": "analysis",
	"basis": "basis", "kinesis": "kinesis", "axis": "axis", "indexes": "index", "addresses": "address", "buses": "bus", "busses": "bus",
	"analyses": "analysis", "dns": "dns", "ecs": "ecs", "eks": "eks", "efs": "efs",
	"sns": "sns", "sqs": "sqs", "kms": "kms", "iam": "iam", "acm": "acm", "rds": "rds", "ssm": "ssm",
	"days": "day", "caches": "cache", "has": "has", "was": "was",
	"yes": "yes", "this": "this", "status": "status", "always": "always", "alias": "alias", "less": "less",
	"access": "access", "its": "its", "series": "series", "process": "process", "vs": "vs", "plus": "plus",
}

func isAlpha(s string) bool {
	for _, c := range s {
		if !unicode.IsLetter(c) {
			return false
		}
	}
	return s != ""
}

// stopWords carry no meaning for the query. Negations, "or" and "not" are
// never stop words: dropping them would answer a different question.
var stopWords = set(`a an the of to on at with is are was were be been being do does did have has had
	that which who whom whose what where there their them they it its me my our us we i you your please
	all every each any some and from as this these those can could would should will just currently
	current now also show list display give get find tell see let know about here kind kinds in into inside
	exist exists existing there's what's whats which's thing things stuff one ones
	resource resources everything anything inventory estate aws amazon we've i'm got am
	configured set up using used use uses by for per but`)

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
