package collect

import (
	"encoding/json"
	"slices"
	"strings"
)

// restrictingKeys are condition keys that limit a statement to known
// sources or principals: a statement conditioned on one is not public, as
// S3 judges it (values are not inspected: a wildcard value would still be
// public, a rare case left to GetBucketPolicyStatus).
var restrictingKeys = []string{"aws:sourcearn", "aws:sourceaccount", "aws:sourceowner", "aws:sourcevpc", "aws:sourcevpce",
	"aws:sourceip", "aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:principalarn", "aws:userid"}

// PolicyAllowsPublic judges a resource policy document (parsed JSON):
// public when a statement allows everyone (Principal "*", {"AWS": "*"}, or
// NotPrincipal) without a restricting condition. judged is false for a
// document that is not a JSON object.
func PolicyAllowsPublic(doc any) (public, judged bool) {
	m, ok := doc.(map[string]any)
	if !ok {
		return false, false
	}
	stmts, ok := m["Statement"].([]any)
	if !ok {
		stmts = []any{m["Statement"]}
	}
	for _, st := range stmts {
		st, _ := st.(map[string]any)
		if st["Effect"] == "Allow" && (everyone(st["Principal"]) || st["NotPrincipal"] != nil) && !restricted(st["Condition"]) {
			return true, true
		}
	}
	return false, true
}

func everyone(p any) bool {
	switch p := p.(type) {
	case string:
		return p == "*"
	case map[string]any:
		switch ps := p["AWS"].(type) {
		case string:
			return ps == "*"
		case []any:
			return slices.Contains(ps, any("*"))
		}
	}
	return false
}

func restricted(cond any) bool {
	ops, _ := cond.(map[string]any)
	for _, keys := range ops {
		keys, _ := keys.(map[string]any)
		for k := range keys {
			if slices.Contains(restrictingKeys, strings.ToLower(k)) {
				return true
			}
		}
	}
	return false
}

// PolicyIsPublic is PolicyAllowsPublic of a policy's JSON text, for a
// Computed field: true or false (no policy grants nothing), or nil
// (unknown) when the text is not JSON.
func PolicyIsPublic(policy string) any {
	if strings.TrimSpace(policy) == "" {
		return false
	}
	if public, judged := PolicyAllowsPublic(PolicyJSON(policy)); judged {
		return public
	}
	return nil
}

// PolicyJSON is a policy document as a JSON value for a model.JSON field,
// or the text AWS returned when it is not JSON.
func PolicyJSON(doc string) any {
	var v any
	if json.Unmarshal([]byte(doc), &v) != nil {
		return doc
	}
	return v
}
