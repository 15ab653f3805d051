package all_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/securitylake"
	"github.com/aws/aws-sdk-go-v2/service/securitylake/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/securitylake"
)

const securitylakeAccount = collecttest.MotoAccount

// estate cans Security Lake, which moto 5.2.1 does not serve.
var securitylakeEstate = map[string]func(any) (any, error){
	"ListDataLakes": func(in any) (any, error) {
		if r := in.(*securitylake.ListDataLakesInput).Regions; len(r) != 1 || r[0] != region {
			return nil, &awsx.NotApplicableError{Reason: "want the task's region"}
		}
		return &securitylake.ListDataLakesOutput{DataLakes: []types.DataLakeResource{{Region: aws.String(region),
			DataLakeArn: aws.String("arn:aws:securitylake:" + region + ":" + securitylakeAccount + ":data-lake/default"), CreateStatus: types.DataLakeStatusCompleted,
			S3BucketArn:              aws.String("arn:aws:s3:::aws-security-data-lake-eu-west-1-abc"),
			EncryptionConfiguration:  &types.DataLakeEncryptionConfiguration{KmsKeyId: aws.String("arn:aws:kms:" + region + ":" + securitylakeAccount + ":key/k-2")},
			LifecycleConfiguration:   &types.DataLakeLifecycleConfiguration{Expiration: &types.DataLakeLifecycleExpiration{Days: aws.Int32(365)}},
			ReplicationConfiguration: &types.DataLakeReplicationConfiguration{Regions: []string{"eu-central-1"}}}}}, nil
	},
	"ListTagsForResource": func(any) (any, error) {
		return &securitylake.ListTagsForResourceOutput{Tags: []types.Tag{{Key: aws.String("Team"), Value: aws.String("sec")}}}, nil
	},
}

func securitylakeRun(t *testing.T, answers map[string]func(any) (any, error)) collecttest.Result {
	t.Helper()
	collecttest.Setup(t)
	return collecttest.Run(t, collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(answers)}), collector.Service, "data-lake", region)
}

func TestSecuritylakeDataLakes(t *testing.T) {
	got := securitylakeRun(t, securitylakeEstate)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("lakes: %v %v", got.Err, got.Resources)
	}
	collecttest.AssertNoWarnings(t, got)
	l := got.ByID()[region]
	if l.Tags["Team"] != "sec" || l.Details["create_status"] != "COMPLETED" || l.Details["expiration_days"] != int64(365) || l.ARN == "" {
		t.Errorf("lake: %+v", l)
	}
	collecttest.HasEdges(t, got, region+" -stores-in-> s3/bucket:aws-security-data-lake-eu-west-1-abc", region+" -encrypted-with-> kms/key:k-2")
}

func TestSecuritylakeNotEnabledAndDenied(t *testing.T) {
	got := securitylakeRun(t, map[string]func(any) (any, error){"ListDataLakes": func(any) (any, error) { return &securitylake.ListDataLakesOutput{}, nil }})
	if awsx.Classify(got.Err) != awsx.Unsupported || awsx.ErrorMessage(got.Err) != "Amazon Security Lake is not enabled in eu-west-1" {
		t.Errorf("want NotEnabled, got %v", got.Err)
	}
	collecttest.AssertDenied(t, securitylakeRun(t, map[string]func(any) (any, error){"ListDataLakes": collecttest.Denied("ListDataLakes")}))
}
