package audit

import (
	"reflect"
	"slices"
	"testing"

	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/store"
)

func tagFixture() []*model.Resource {
	return []*model.Resource{
		withTags(res("ec2/volume", "full", d{}), map[string]string{"Owner": "a", "Environment": "prod"}),
		withTags(res("ec2/volume", "half", d{}), map[string]string{"Owner": "a"}),
		withTags(res("s3/bucket", "empty-value", d{}), map[string]string{"Owner": ""}),
		res("s3/bucket", "bare", d{}),
		asDefault(res("ec2/vpc", "default-vpc", d{})),
	}
}

func listed(rep *TagReport) []string {
	var out []string
	for _, r := range rep.Resources {
		out = append(out, r.ID)
	}
	return out
}

func TestTags(t *testing.T) {
	rs := tagFixture()
	r := fixture(t, rs, okCollections(rs, nil))
	req := []string{"Owner", "Environment"}
	for _, tc := range []struct {
		name      string
		opts      TagOptions
		want      []string
		compliant int
		total     int
	}{
		{"required", TagOptions{Required: req}, []string{"half", "bare", "empty-value"}, 1, 4},
		{"noncompliant-only", TagOptions{Required: req, NoncompliantOnly: true}, []string{"half", "bare", "empty-value"}, 1, 4},
		{"untagged-only", TagOptions{Required: req, UntaggedOnly: true}, []string{"bare"}, 1, 4},
		{"any tag", TagOptions{}, []string{"bare", "empty-value"}, 2, 4},
		{"defaults", TagOptions{Required: req, IncludeDefaults: true}, []string{"half", "default-vpc", "bare", "empty-value"}, 1, 5},
		{"service", TagOptions{Required: req, Services: []string{"s3"}}, []string{"bare", "empty-value"}, 0, 2},
	} {
		rep, err := Tags(ctx, r, tc.opts, Scope{Types: types})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := listed(rep); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: listed %v, want %v", tc.name, got, tc.want)
		}
		if rep.Overall.Compliant != tc.compliant || rep.Overall.Total != tc.total {
			t.Errorf("%s: overall %+v, want %d/%d", tc.name, rep.Overall, tc.compliant, tc.total)
		}
	}
	rep, _ := Tags(ctx, r, TagOptions{Required: req}, Scope{Types: types})
	if want := []TagKeyCount{{"Owner", 2, 4, 50}, {"Environment", 1, 4, 25}}; !reflect.DeepEqual(rep.PerKey, want) {
		t.Errorf("per key %+v", rep.PerKey)
	}
	if want := []ServiceCount{{"s3", TagCount{0, 2, 0}}, {"ec2", TagCount{1, 2, 50}}}; !reflect.DeepEqual(rep.ByService, want) {
		t.Errorf("by service %+v", rep.ByService)
	}
	if rep.Resources[0].Missing[0] != "Environment" {
		t.Errorf("missing %v", rep.Resources[0].Missing)
	}
	if _, err := Tags(ctx, r, TagOptions{UntaggedOnly: true, NoncompliantOnly: true}, Scope{Types: types}); err == nil || !IsUsage(err) {
		t.Errorf("mutually exclusive flags accepted: %v", err)
	}
	if _, err := Tags(ctx, r, TagOptions{Services: []string{"ec3"}}, Scope{Types: types}); err == nil || !IsUsage(err) {
		t.Errorf("unknown service accepted: %v", err)
	}
}

// tagCatalog marks ec2 volumes, S3 buckets and log groups taggable, IAM
// groups not.
var tagCatalog = model.Catalog{
	{Service: "ec2", Type: "volume", Taggable: true}, {Service: "s3", Type: "bucket", Taggable: true},
	{Service: "logs", Type: "log-group", Taggable: true}, {Service: "iam", Type: "group"},
}

// Types AWS cannot tag are not scored: an IAM group is never non-compliant.
func TestTagsScoreOnlyTaggableTypes(t *testing.T) {
	rs := append(tagFixture(), res("iam/group", "admins", d{}))
	r := fixture(t, rs, okCollections(rs, nil))
	rep, err := Tags(ctx, r, TagOptions{Required: []string{"Owner"}}, Scope{Types: tagCatalog})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Overall.Total != 4 || slices.Contains(listed(rep), "admins") || !rep.Complete {
		t.Errorf("overall %+v, listed %v, complete %v", rep.Overall, listed(rep), rep.Complete)
	}
}

// Where the tags of a type in scope were not collected, the report is
// incomplete (UNKNOWN there), as named queries are.
func TestTagsUnknownWhereNotCollected(t *testing.T) {
	rs := tagFixture()
	cols := append(okCollections(rs, nil), store.Collection{AccountID: acct, Region: "us-east-1", Service: "logs", Type: "log-group",
		Outcome: store.OutcomeDenied, Operation: "DescribeLogGroups", ErrorCode: "AccessDenied"})
	r := fixture(t, rs, cols)
	for _, tc := range []struct {
		services []string
		complete bool
	}{{nil, false}, {[]string{"logs"}, false}, {[]string{"ec2"}, true}} {
		rep, err := Tags(ctx, r, TagOptions{Required: []string{"Owner"}, Services: tc.services}, Scope{Types: tagCatalog})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Complete != tc.complete || len(rep.Incomplete) != map[bool]int{true: 0, false: 1}[tc.complete] {
			t.Errorf("-s %v: complete %v, incomplete %v", tc.services, rep.Complete, rep.Incomplete)
		}
		if !tc.complete && rep.Incomplete[0].String() != "UNKNOWN for "+acct+"/us-east-1: logs log-group DescribeLogGroups AccessDenied" {
			t.Errorf("gap %q", rep.Incomplete[0])
		}
	}
}
