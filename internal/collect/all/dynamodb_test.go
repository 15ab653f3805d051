package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/dynamodb"
)

func createTable(t *testing.T, api *dynamodb.Client, in *dynamodb.CreateTableInput) {
	t.Helper()
	in.AttributeDefinitions = append(in.AttributeDefinitions, types.AttributeDefinition{AttributeName: aws.String("pk"), AttributeType: types.ScalarAttributeTypeS})
	in.KeySchema = []types.KeySchemaElement{{AttributeName: aws.String("pk"), KeyType: types.KeyTypeHash}}
	if in.BillingMode == "" {
		in.BillingMode = types.BillingModePayPerRequest
	}
	if _, err := api.CreateTable(context.Background(), in); err != nil {
		t.Fatal(err)
	}
}

func TestDynamodbTables(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := dynamodb.NewFromConfig(cfg)
	createTable(t, api, &dynamodb.CreateTableInput{
		TableName: aws.String("orders"), BillingMode: types.BillingModeProvisioned,
		ProvisionedThroughput: &types.ProvisionedThroughput{ReadCapacityUnits: aws.Int64(5), WriteCapacityUnits: aws.Int64(10)},
		AttributeDefinitions:  []types.AttributeDefinition{{AttributeName: aws.String("customer"), AttributeType: types.ScalarAttributeTypeS}},
		GlobalSecondaryIndexes: []types.GlobalSecondaryIndex{{IndexName: aws.String("by-customer"),
			KeySchema:             []types.KeySchemaElement{{AttributeName: aws.String("customer"), KeyType: types.KeyTypeHash}},
			Projection:            &types.Projection{ProjectionType: types.ProjectionTypeAll},
			ProvisionedThroughput: &types.ProvisionedThroughput{ReadCapacityUnits: aws.Int64(1), WriteCapacityUnits: aws.Int64(1)}}},
		StreamSpecification:       &types.StreamSpecification{StreamEnabled: aws.Bool(true), StreamViewType: types.StreamViewTypeNewAndOldImages},
		SSESpecification:          &types.SSESpecification{Enabled: aws.Bool(true), SSEType: types.SSETypeKms},
		DeletionProtectionEnabled: aws.Bool(true),
		Tags:                      []types.Tag{{Key: aws.String("Team"), Value: aws.String("checkout")}},
	})
	for i := range 5 {
		createTable(t, api, &dynamodb.CreateTableInput{TableName: aws.String(fmt.Sprintf("cache-%d", i))})
	}
	if _, err := api.UpdateContinuousBackups(ctx, &dynamodb.UpdateContinuousBackupsInput{TableName: aws.String("orders"),
		PointInTimeRecoverySpecification: &types.PointInTimeRecoverySpecification{PointInTimeRecoveryEnabled: aws.Bool(true)}}); err != nil {
		t.Fatal(err)
	}
	if _, err := api.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("orders"),
		Item: map[string]types.AttributeValue{"pk": &types.AttributeValueMemberS{Value: "o-1"}, "customer": &types.AttributeValueMemberS{Value: "c-1"}}}); err != nil {
		t.Fatal(err)
	}

	got := collecttest.Run(t, cfg, collector.Service, "table", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	collecttest.AssertNoWarnings(t, got)
	byID := got.ByID()
	if len(byID) != 6 {
		t.Fatalf("want 6 tables over several pages, got %d", len(byID))
	}
	tb := byID["orders"]
	checks := map[string]any{
		"billing_mode": "PROVISIONED", "status": "ACTIVE", "item_count": int64(1), "read_capacity": int64(5), "write_capacity": int64(10),
		"pitr_enabled": true, "sse_type": "KMS", "sse_status": "ENABLED", "stream_enabled": true, "stream_view_type": "NEW_AND_OLD_IMAGES",
		"table_class": "STANDARD", "deletion_protection": true, "gsi_count": 1,
	}
	for k, want := range checks {
		if tb.Details[k] != want {
			t.Errorf("details[%s] = %v (%T), want %v", k, tb.Details[k], tb.Details[k], want)
		}
	}
	if tb.Details["kms_key_arn"] == "" {
		t.Errorf("kms_key_arn empty")
	}
	cache := byID["cache-0"]
	if cache.Details["billing_mode"] != "PAY_PER_REQUEST" || cache.Details["pitr_enabled"] != false || cache.Details["stream_enabled"] != false {
		t.Errorf("cache-0 details = %v", cache.Details)
	}
	if tb.Tags["Team"] != "checkout" || tb.CreatedAt == "" || tb.ARN != "arn:aws:dynamodb:"+region+":"+collecttest.MotoAccount+":table/orders" {
		t.Errorf("tags %v created %q arn %q", tb.Tags, tb.CreatedAt, tb.ARN)
	}
}

func TestDynamodbPermissions(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListTables")})
	got := collecttest.Run(t, cfg, collector.Service, "table", region)
	collecttest.AssertDenied(t, got)

	createTable(t, dynamodb.NewFromConfig(collecttest.Config(t, region, nil)), &dynamodb.CreateTableInput{TableName: aws.String("orders")})
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeContinuousBackups")})
	got = collecttest.Run(t, cfg, collector.Service, "table", region)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("want the table despite the denied detail call, got %v and %d", got.Err, len(got.Resources))
	}
	tb := got.Resources[0]
	if _, ok := tb.Details["pitr_enabled"]; ok || len(got.Task.Warnings()) == 0 || tb.Details["status"] != "ACTIVE" {
		t.Errorf("want pitr_enabled absent, the rest present and a warning, got %v / %v", tb.Details, got.Task.Warnings())
	}
}
