package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lakeformation"
	"github.com/aws/aws-sdk-go-v2/service/lakeformation/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/lakeformation"
)

var lakeformationPaged = collecttest.Paged{Cap: 2}

func principal(id string) *types.DataLakePrincipal {
	return &types.DataLakePrincipal{DataLakePrincipalIdentifier: aws.String(id)}
}

func TestLakeformation(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := lakeformation.NewFromConfig(cfg)
	admin := "arn:aws:iam::" + account + ":role/lake-admin"
	if _, err := api.PutDataLakeSettings(ctx, &lakeformation.PutDataLakeSettingsInput{DataLakeSettings: &types.DataLakeSettings{
		DataLakeAdmins:                   []types.DataLakePrincipal{*principal(admin)},
		CreateDatabaseDefaultPermissions: []types.PrincipalPermissions{{Principal: principal("IAM_ALLOWED_PRINCIPALS"), Permissions: []types.Permission{types.PermissionAll}}},
	}}); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		in := &lakeformation.RegisterResourceInput{ResourceArn: aws.String(fmt.Sprintf("arn:aws:s3:::lake-%d/raw", i)), UseServiceLinkedRole: aws.Bool(i != 0)}
		if i == 0 {
			in.RoleArn = aws.String("arn:aws:iam::" + account + ":role/lake-reader")
		}
		if _, err := api.RegisterResource(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 3 {
		if _, err := api.CreateLFTag(ctx, &lakeformation.CreateLFTagInput{TagKey: aws.String(fmt.Sprintf("domain%d", i)), TagValues: []string{"sales", "ops"}}); err != nil {
			t.Fatal(err)
		}
	}

	st := lakeformationPaged.Run(t, cfg, collector.Service, "data-lake-settings", region)
	if st.Err != nil || len(st.Resources) != 1 {
		t.Fatalf("settings: %v, %d", st.Err, len(st.Resources))
	}
	s := st.Resources[0]
	if s.ID != account || s.Details["iam_only_new_databases"] != true || s.Details["iam_only_new_tables"] != false || s.ARN != "arn:aws:glue:eu-west-1:"+account+":catalog" {
		t.Errorf("settings: %s %s %v", s.ID, s.ARN, s.Details)
	}
	if a, _ := s.Details["admins"].([]string); len(a) != 1 || a[0] != admin {
		t.Errorf("admins %v", s.Details["admins"])
	}

	rs := lakeformationPaged.Run(t, cfg, collector.Service, "registered-resource", region)
	if rs.Err != nil || len(rs.Resources) != 3 {
		t.Fatalf("registered resources: %v, %d", rs.Err, len(rs.Resources))
	}
	r := rs.ByID()["arn:aws:s3:::lake-0/raw"]
	if r == nil || r.Name != "lake-0/raw" || r.Details["role_arn"] != "arn:aws:iam::"+account+":role/lake-reader" {
		t.Fatalf("lake-0: %+v", r)
	}
	collecttest.HasEdges(t, rs, "arn:aws:s3:::lake-0/raw -registers-> s3/bucket:lake-0", "arn:aws:s3:::lake-0/raw -assumes-role-> iam/role:lake-reader")

	tg := lakeformationPaged.Run(t, cfg, collector.Service, "lf-tag", region)
	if tg.Err != nil || len(tg.Resources) != 3 {
		t.Fatalf("lf tags: %v, %d", tg.Err, len(tg.Resources))
	}
	if v, _ := tg.ByID()["domain2"].Details["values"].([]string); len(v) != 2 {
		t.Errorf("domain2 values %v", tg.ByID()["domain2"].Details)
	}

	for typ, op := range map[string]string{"data-lake-settings": "GetDataLakeSettings", "registered-resource": "ListResources", "lf-tag": "ListLFTags"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, lakeformationPaged.Run(t, cfg, collector.Service, typ, region))
	}
}
