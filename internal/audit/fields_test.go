package audit

import (
	"regexp"
	"testing"
)

// nestedKeys are keys inside JSON list items the collectors document in
// their field descriptions (access_keys, routes, environment_variables).
var nestedKeys = map[string]bool{"id": true, "status": true, "created": true, "last_used": true, "target": true,
	"name": true, "type": true,
	// network ACL entries; CloudFront origins
	"rule_number": true, "egress": true, "protocol": true, "action": true, "cidr": true, "ipv6_cidr": true,
	"from_port": true, "to_port": true, "domain": true, "origin_access": true}

var fieldRef = regexp.MustCompile(`'\$\.([a-z0-9_]+)'`)

// TestAuditsReadRealFields checks every details field an audit reads is in
// the Fields catalogue of a type it declares, and that every declared type
// exists.
func TestAuditsReadRealFields(t *testing.T) {
	fields := map[TypeRef]map[string]bool{}
	for _, typ := range types {
		m := map[string]bool{}
		for _, f := range typ.Fields {
			m[f.Name] = true
		}
		fields[TypeRef{typ.Service, typ.Type}] = m
	}
	check := func(what, sql string, reads []TypeRef) {
		for _, r := range reads {
			if fields[r] == nil && r != AllTypes {
				t.Errorf("%s reads %s, which no collector produces", what, r)
			}
		}
		for _, m := range fieldRef.FindAllStringSubmatch(sql, -1) {
			f := m[1]
			found := nestedKeys[f]
			for _, r := range reads {
				found = found || fields[r][f]
			}
			if !found {
				t.Errorf("%s reads details field %q, not in the Fields of %v", what, f, reads)
			}
		}
	}
	lib, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range lib.All() {
		check("query "+q.Name, q.SQL, q.Reads)
	}
	for _, r := range Rules {
		check("waste rule "+r.Key, r.SQL, r.Reads)
	}
}
