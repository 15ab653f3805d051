package demo

import (
	"context"
	"testing"

	"github.com/awsmap/awsmap/internal/audit"
	"github.com/awsmap/awsmap/internal/collect/all"
	"github.com/awsmap/awsmap/internal/store"
)

// Every named query, waste rule and the tag audit run on the demo estate:
// without error, with complete coverage (the estate serves every
// collector), and finding the problems it plants.
func TestAuditsRunOnTheDemoEstate(t *testing.T) {
	t.Parallel()
	r, err := store.OpenReader(sharedScan(t))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if err := r.UseScan(0, all.Types()); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	scope, err := audit.Scope{Now: testNow, Types: all.Types()}.WithLedger(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	lib, err := audit.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]int{}
	for _, q := range lib.All() {
		res, err := audit.Run(ctx, r, q, nil, scope)
		if err != nil {
			t.Errorf("query %s: %v", q.Name, err)
			continue
		}
		found[q.Name] = len(res.Rows)
		for _, g := range res.Incomplete {
			// Member accounts cannot list the organization (unsupported there).
			if g.Service != "organizations" {
				t.Errorf("query %s: UNKNOWN %s", q.Name, g)
			}
		}
	}
	for _, planted := range []string{"public-s3-buckets", "admin-users", "console-users-without-mfa", "ebs-unencrypted",
		"open-security-groups", "secrets-no-rotation", "log-groups-no-retention", "kms-no-rotation",
		"redshift-unencrypted", "redshift-public", "msk-no-tls", "mq-public-brokers", "codebuild-privileged", "codebuild-plaintext-secrets",
		"glue-connections-plaintext-password", "kinesis-unencrypted", "athena-results-unencrypted", "stepfunctions-no-logging",
		"config-not-recording", "public-albs-without-waf", "backup-vaults-not-locked", "codebuild-artifacts-unencrypted", "codebuild-no-logs",
		"codebuild-public-projects", "firehose-unencrypted", "iam-saml-providers-expiring", "mq-no-logging", "glue-crawlers-failing",
		"cognito-identity-pools-unauthenticated", "cognito-user-pools-mfa-off", "emr-no-security-configuration", "iam-unassigned-mfa-devices",
		"waf-web-acls-no-logging"} {
		if found[planted] == 0 {
			t.Errorf("query %s finds nothing in the demo estate, which plants it", planted)
		}
	}
	waste, err := audit.Waste(ctx, r, audit.WasteOptions{MinAgeDays: 90}, scope)
	if err != nil {
		t.Fatal(err)
	}
	for _, rule := range waste.Rules {
		if rule.Findings == 0 && (rule.Rule == "unattached-ebs" || rule.Rule == "unassociated-eip" || rule.Rule == "gp2-volume") {
			t.Errorf("waste rule %s finds nothing in the demo estate, which plants it", rule.Rule)
		}
	}
	if waste.MonthlyCost <= 0 || len(waste.Incomplete) != 0 {
		t.Errorf("waste: $%.2f, incomplete %v", waste.MonthlyCost, waste.Incomplete)
	}
	tags, err := audit.Tags(ctx, r, audit.TagOptions{Required: []string{"Owner"}}, scope)
	if err != nil {
		t.Fatal(err)
	}
	if tags.Overall.Total == 0 || len(tags.Resources) == 0 {
		t.Errorf("tags: %+v resources listed %d; the estate leaves Owner off about 30%%", tags.Overall, len(tags.Resources))
	}
}
