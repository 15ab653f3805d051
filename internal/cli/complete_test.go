package cli

import (
	"strings"
	"testing"
)

func TestCompletion(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		want string
		not  string
	}{
		{[]string{"__complete", "-s", "ec"}, "ec2\t", "s3\t"},
		{[]string{"__complete", "-s", "ec2,s"}, "ec2,s3\t", "ec2,iam"},
		{[]string{"__complete", "query", "-n", "admin-u"}, "admin-users\t", "admin-roles"},
		{[]string{"__complete", "waste", "-t", "unatt"}, "unattached-ebs", "gp2-volume"},
		{[]string{"__complete", "config", "set", "req"}, "required_tags", "workers"},
		{[]string{"__complete", "diff", "--type", "added,rem"}, "added,removed", "modified"},
		{[]string{"__complete", "diff", "-f", "h"}, "html", "json"},
		{[]string{"__complete", "history", "x", "-s", "ia"}, "iam\t", "ec2"},
		{[]string{"__complete", "examples", "lamb"}, "lambda\tLambda", "s3\t"},
		{[]string{"__complete", "examples", "lambda", ""}, "1\tcount functions per runtime", "public buckets"},
		{[]string{"__complete", "ask", "how", "many", "ec2", "insta"}, "instances", "buckets"},
		{[]string{"__complete", "ask", "-f", "nd"}, "ndjson", "csv"},
	}
	for _, tt := range tests {
		_, out, _ := awsmap(t, tt.args...)
		if !strings.Contains(out, tt.want) || tt.not != "" && strings.Contains(out, tt.not) {
			t.Errorf("%v: %q; want %q and not %q", tt.args, out, tt.want, tt.not)
		}
	}
}
