package audit

import (
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/store"
)

// driftScans writes two scans, and a third in which IAM is denied when
// iamDenied:
//
//  1. sg-1, sg-2, u-1, i-1
//  2. sg-1 modified, sg-3 new, u-2 new, i-2 new; sg-2, u-1, i-1 gone
//  3. (iamDenied) as 2, IAM denied: u-2 kept, unknown
func driftScans(t *testing.T, iamDenied bool) *store.Reader {
	t.Helper()
	sg := func(id, cidr string) *model.Resource {
		return res("ec2/security-group", id, d{"ingress": []any{cidr}})
	}
	types := []TypeRef{{"ec2", "security-group"}, {"ec2", "instance"}, {"iam", "user"}, {"iam", "role"},
		{"iam", "group"}, {"iam", "policy"}, {"iam", "instance-profile"}, {"iam", "password-policy"}}
	in := []scanInput{
		{[]*model.Resource{sg("sg-1", "10.0.0.0/8"), sg("sg-2", "10.0.0.0/8"), res("iam/user", "u-1", nil), res("ec2/instance", "i-1", nil)},
			okCollections(nil, types), nil},
		{[]*model.Resource{sg("sg-1", "0.0.0.0/0"), sg("sg-3", "10.0.0.0/8"), res("iam/user", "u-2", nil), res("ec2/instance", "i-2", nil)},
			okCollections(nil, types), nil},
	}
	if iamDenied {
		denied := okCollections(nil, types)
		for i := range denied {
			if denied[i].Service == "iam" {
				denied[i].Outcome, denied[i].ErrorCode = store.OutcomeDenied, "AccessDenied"
			}
		}
		kept := in[1].rs
		in = append(in, scanInput{[]*model.Resource{kept[0], kept[1], kept[3]}, denied, nil})
	}
	return fixtureScans(t, in...)
}

func TestDriftQueries(t *testing.T) {
	lib, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	complete, denied := driftScans(t, false), driftScans(t, true)
	now := time.Now().Add(time.Minute) // the scans just ran
	tests := []struct {
		query, days string
		r           *store.Reader
		want        []string // id:change (or id alone without a change column)
		unknown     bool
	}{
		{"recently-created", "1", complete, []string{"i-2", "sg-3", "u-2"}, false},
		{"recently-deleted", "1", complete, []string{"i-1", "sg-2", "u-1"}, false},
		{"security-group-changes", "1", complete, []string{"sg-1:modified", "sg-2:deleted", "sg-3:created"}, false},
		{"iam-changes", "1", complete, []string{"u-1:deleted", "u-2:created"}, false},
		{"recently-deleted", "0", complete, nil, false},
		{"security-group-changes", "0", complete, nil, false},
		// Denied in the last scan: IAM users kept, and said UNKNOWN.
		{"iam-changes", "1", denied, []string{"u-1:deleted", "u-2:created"}, true},
		{"recently-deleted", "1", denied, []string{"i-1", "sg-2", "u-1"}, true},
		{"security-group-changes", "1", denied, []string{"sg-1:modified", "sg-2:deleted", "sg-3:created"}, false},
	}
	for _, tt := range tests {
		q, _ := lib.Get(tt.query)
		res, err := Run(ctx, tt.r, q, map[string]string{"days": tt.days}, Scope{Types: types, Now: now})
		if err != nil {
			t.Fatalf("%s: %v", tt.query, err)
		}
		var got []string
		for _, o := range res.Objects() {
			s := store.Text(o["id"])
			if c, ok := o["change"]; ok {
				s += ":" + store.Text(c)
			}
			got = append(got, s)
		}
		sort.Strings(got)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s days=%s: %v, want %v", tt.query, tt.days, got, tt.want)
		}
		if (len(res.Incomplete) > 0) != tt.unknown {
			t.Errorf("%s days=%s: incomplete %v, want unknown=%v", tt.query, tt.days, res.Incomplete, tt.unknown)
		}
	}
}
