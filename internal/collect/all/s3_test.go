package all_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	tagging "github.com/aws/aws-sdk-go-v2/service/resourcegroupstaggingapi"
	taggingtypes "github.com/aws/aws-sdk-go-v2/service/resourcegroupstaggingapi/types"
	awss3 "github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/smithy-go"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/s3"
	"github.com/awsmap/awsmap/internal/model"
)

const s3KeyARN = "arn:aws:kms:eu-west-1:" + collecttest.MotoAccount + ":key/1234abcd-12ab-34cd-56ef-1234567890ab"

func s3api(t *testing.T, region string) *awss3.Client {
	return awss3.NewFromConfig(collecttest.Config(t, region, nil), func(o *awss3.Options) { o.UsePathStyle = true })
}

func createBucket(t *testing.T, region, name string) {
	t.Helper()
	in := &awss3.CreateBucketInput{Bucket: aws.String(name)}
	if region != "us-east-1" {
		in.CreateBucketConfiguration = &s3types.CreateBucketConfiguration{LocationConstraint: s3types.BucketLocationConstraint(region)}
	}
	_, err := s3api(t, region).CreateBucket(context.Background(), in)
	check(t, err)
}

// pagedListing is a config whose ListBuckets pages moto's bucket list as AWS
// does with MaxBuckets (see listBuckets). Moto lacks GetBucketPolicyStatus
// (it answers without IsPublic): here it answers as AWS does for the test's
// buckets.
func pagedListing(t *testing.T) aws.Config {
	return collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListBuckets": listBuckets(t),
		"GetBucketPolicyStatus": func(input any) (any, error) {
			switch aws.ToString(input.(*awss3.GetBucketPolicyStatusInput).Bucket) {
			case "pub-policy":
				return &awss3.GetBucketPolicyStatusOutput{PolicyStatus: &s3types.PolicyStatus{IsPublic: aws.Bool(true)}}, nil
			case "logs":
				return &awss3.GetBucketPolicyStatusOutput{PolicyStatus: &s3types.PolicyStatus{IsPublic: aws.Bool(false)}}, nil
			}
			return nil, &smithy.GenericAPIError{Code: "NoSuchBucketPolicy", Message: "The bucket policy does not exist"}
		},
	})})
}

// listBuckets answers ListBuckets from moto's bucket list, paged as AWS does
// with MaxBuckets (moto truncates without a continuation token), and gives
// the region of "elsewhere" as a paginated AWS listing would.
func listBuckets(t *testing.T) func(input any) (any, error) {
	all, err := s3api(t, "us-east-1").ListBuckets(context.Background(), &awss3.ListBucketsInput{})
	check(t, err)
	return func(input any) (any, error) {
		in := input.(*awss3.ListBucketsInput)
		start := 0
		fmt.Sscan(aws.ToString(in.ContinuationToken), &start)
		end := min(start+int(aws.ToInt32(in.MaxBuckets)), len(all.Buckets))
		out := &awss3.ListBucketsOutput{Buckets: slices.Clone(all.Buckets[start:end])}
		for i, b := range out.Buckets {
			if aws.ToString(b.Name) == "elsewhere" {
				out.Buckets[i].BucketRegion = aws.String("ap-south-1")
			}
		}
		if end < len(all.Buckets) {
			out.ContinuationToken = aws.String(fmt.Sprint(end))
		}
		return out, nil
	}
}

// runPlanned runs the bucket type as the engine does for an AccountWide
// service: one task for all planned regions, with no region of its own.
func runPlanned(t *testing.T, cfg aws.Config, regions ...string) (*collecttest.Recorder, *collect.Task, error) {
	t.Helper()
	slices.Sort(regions)
	rec := &collecttest.Recorder{}
	task := &collect.Task{
		Account: collecttest.MotoAccount, Region: model.AllRegions, Regions: regions,
		Service: "s3", Type: "bucket", Config: cfg, Local: true, Out: rec, PageCap: collecttest.PageCap,
	}
	err := collector.Service.Types[0].Collect(context.Background(), task)
	documented := map[string]bool{}
	for _, f := range collector.Service.Types[0].Fields {
		documented[f.Name] = true
	}
	for _, r := range rec.Resources {
		for k := range r.Details {
			if !documented[k] {
				t.Errorf("%s: details field %q is not documented", r.ID, k)
			}
		}
	}
	return rec, task, err
}

func TestS3Buckets(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	us, eu := s3api(t, "us-east-1"), s3api(t, "eu-west-1")

	for i := range 5 { // more than one page
		createBucket(t, "us-east-1", fmt.Sprintf("plain-%d", i))
	}
	createBucket(t, "ap-south-1", "elsewhere")

	createBucket(t, "us-east-1", "pub-acl")
	_, err := us.PutBucketAcl(ctx, &awss3.PutBucketAclInput{Bucket: aws.String("pub-acl"), ACL: s3types.BucketCannedACLPublicRead})
	check(t, err)

	createBucket(t, "us-east-1", "blocked")
	_, err = us.PutBucketAcl(ctx, &awss3.PutBucketAclInput{Bucket: aws.String("blocked"), ACL: s3types.BucketCannedACLPublicRead})
	check(t, err)
	on := aws.Bool(true)
	_, err = us.PutPublicAccessBlock(ctx, &awss3.PutPublicAccessBlockInput{Bucket: aws.String("blocked"),
		PublicAccessBlockConfiguration: &s3types.PublicAccessBlockConfiguration{BlockPublicAcls: on, IgnorePublicAcls: on, BlockPublicPolicy: on, RestrictPublicBuckets: on}})
	check(t, err)

	createBucket(t, "eu-west-1", "pub-policy")
	policy := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::pub-policy/*"}]}`
	_, err = eu.PutBucketPolicy(ctx, &awss3.PutBucketPolicyInput{Bucket: aws.String("pub-policy"), Policy: aws.String(policy)})
	check(t, err)

	createBucket(t, "eu-west-1", "secure")
	_, err = eu.PutBucketEncryption(ctx, &awss3.PutBucketEncryptionInput{Bucket: aws.String("secure"),
		ServerSideEncryptionConfiguration: &s3types.ServerSideEncryptionConfiguration{Rules: []s3types.ServerSideEncryptionRule{{
			ApplyServerSideEncryptionByDefault: &s3types.ServerSideEncryptionByDefault{SSEAlgorithm: s3types.ServerSideEncryptionAwsKms, KMSMasterKeyID: aws.String(s3KeyARN)},
			BucketKeyEnabled:                   on,
		}}}})
	check(t, err)
	_, err = eu.PutBucketVersioning(ctx, &awss3.PutBucketVersioningInput{Bucket: aws.String("secure"),
		VersioningConfiguration: &s3types.VersioningConfiguration{Status: s3types.BucketVersioningStatusEnabled}})
	check(t, err)
	_, err = eu.PutBucketTagging(ctx, &awss3.PutBucketTaggingInput{Bucket: aws.String("secure"),
		Tagging: &s3types.Tagging{TagSet: []s3types.Tag{{Key: aws.String("Owner"), Value: aws.String("team-a")}}}})
	check(t, err)
	createBucket(t, "eu-west-1", "logs")
	logPolicy := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"logging.s3.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::logs/*"}]}`
	_, err = eu.PutBucketPolicy(ctx, &awss3.PutBucketPolicyInput{Bucket: aws.String("logs"), Policy: aws.String(logPolicy)})
	check(t, err)
	_, err = eu.PutBucketLogging(ctx, &awss3.PutBucketLoggingInput{Bucket: aws.String("secure"),
		BucketLoggingStatus: &s3types.BucketLoggingStatus{LoggingEnabled: &s3types.LoggingEnabled{TargetBucket: aws.String("logs"), TargetPrefix: aws.String("logs/")}}})
	check(t, err)
	_, err = eu.PutBucketLifecycleConfiguration(ctx, &awss3.PutBucketLifecycleConfigurationInput{Bucket: aws.String("secure"),
		LifecycleConfiguration: &s3types.BucketLifecycleConfiguration{Rules: []s3types.LifecycleRule{{
			ID: aws.String("expire"), Status: s3types.ExpirationStatusEnabled, Filter: &s3types.LifecycleRuleFilter{Prefix: aws.String("tmp/")},
			Expiration: &s3types.LifecycleExpiration{Days: aws.Int32(7)},
		}}}})
	check(t, err)
	_, err = eu.PutBucketOwnershipControls(ctx, &awss3.PutBucketOwnershipControlsInput{Bucket: aws.String("secure"),
		OwnershipControls: &s3types.OwnershipControls{Rules: []s3types.OwnershipControlsRule{{ObjectOwnership: s3types.ObjectOwnershipBucketOwnerEnforced}}}})
	check(t, err)

	rec, task, err := runPlanned(t, pagedListing(t), "us-east-1", "eu-west-1")
	if err != nil {
		t.Fatal(err)
	}
	if w := task.Warnings(); len(w) != 0 {
		t.Errorf("unexpected warnings: %v", w)
	}
	byID := rec.ByID()
	if len(byID) != 10 {
		t.Fatalf("want 10 buckets (ap-south-1 dropped), got %d: %v", len(byID), byID)
	}
	if _, ok := byID["elsewhere"]; ok {
		t.Error("bucket outside the planned regions was kept")
	}

	want := map[string]map[string]any{
		"plain-0": {"versioning": "Disabled", "encryption_algorithm": "none", "acl_public": false, "is_public": false,
			"has_policy": false, "public_access_block_configured": false, "logging_enabled": false, "lifecycle_rules": 0, "object_lock_enabled": false},
		"pub-acl":    {"acl_public": true, "policy_is_public": false, "is_public": true},
		"blocked":    {"acl_public": true, "public_access_block_enabled": true, "public_access_block_configured": true, "is_public": false},
		"pub-policy": {"has_policy": true, "policy_is_public": true, "acl_public": false, "is_public": true},
		"secure": {"versioning": "Enabled", "mfa_delete": false, "encryption_algorithm": "aws:kms", "kms_key_id": s3KeyARN, "bucket_key_enabled": true,
			"logging_enabled": true, "logging_target_bucket": "logs", "lifecycle_rules": 1, "object_ownership": "BucketOwnerEnforced", "is_public": false},
	}
	for id, fields := range want {
		b := byID[id]
		if b == nil {
			t.Errorf("bucket %s missing", id)
			continue
		}
		for k, v := range fields {
			if b.Details[k] != v {
				t.Errorf("%s details[%s] = %v, want %v", id, k, b.Details[k], v)
			}
		}
	}
	if p, ok := byID["pub-policy"].Details["policy"].(map[string]any); !ok || p["Version"] != "2012-10-17" {
		t.Errorf("policy document not stored as JSON: %#v", byID["pub-policy"].Details["policy"])
	}
	sec := byID["secure"]
	if sec.Region != "eu-west-1" || byID["pub-acl"].Region != "us-east-1" || sec.Account != collecttest.MotoAccount {
		t.Errorf("regions: secure %q pub-acl %q", sec.Region, byID["pub-acl"].Region)
	}
	if sec.ARN != "arn:aws:s3:::secure" || sec.Name != "secure" || sec.CreatedAt == "" || sec.Tags["Owner"] != "team-a" {
		t.Errorf("identity fields wrong: %+v", sec)
	}
	if len(rec.Relationships) != 1 {
		t.Fatalf("want one relationship, got %v", rec.Edges())
	}
	rel := rec.Relationships[0]
	wantTo := model.Key{Account: collecttest.MotoAccount, Region: "eu-west-1", Service: "kms", Type: "key", ID: "1234abcd-12ab-34cd-56ef-1234567890ab"}
	if rel.Kind != "encrypted-with" || rel.To != wantTo || rel.From != sec.Key {
		t.Errorf("relationship %+v", rel)
	}
}

func TestS3BucketsDetailDenied(t *testing.T) {
	collecttest.Setup(t)
	createBucket(t, "eu-west-1", "data")
	cfg := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Deny("GetBucketEncryption")})
	rec, task, err := runPlanned(t, cfg, "eu-west-1")
	if err != nil {
		t.Fatal(err)
	}
	b := rec.ByID()["data"]
	if b == nil {
		t.Fatal("bucket not emitted when a detail call is denied")
	}
	if _, ok := b.Details["encryption_algorithm"]; ok {
		t.Errorf("encryption_algorithm set despite the denied call: %v", b.Details)
	}
	if b.Details["versioning"] != "Disabled" {
		t.Errorf("other details missing: %v", b.Details)
	}
	w := task.Warnings()
	if len(w) != 1 || w[0].Operation != "GetBucketEncryption" {
		t.Errorf("warnings = %v", w)
	}
}

func TestS3BucketsDenied(t *testing.T) {
	collecttest.Setup(t)
	createBucket(t, "us-east-1", "data")
	cfg := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Deny("ListBuckets")})
	got := collecttest.Run(t, cfg, collector.Service, "bucket", "us-east-1")
	collecttest.AssertDenied(t, got)
}

// Bucket tags come in bulk from GetResources in the bucket's region, else
// from GetBucketTagging; only when both are denied is the bucket emitted
// without them (and a warning).
func TestS3BucketTagsInBulk(t *testing.T) {
	collecttest.Setup(t)
	createBucket(t, "eu-west-1", "tagged")
	_, err := s3api(t, "eu-west-1").PutBucketTagging(context.Background(), &awss3.PutBucketTaggingInput{Bucket: aws.String("tagged"),
		Tagging: &s3types.Tagging{TagSet: []s3types.Tag{{Key: aws.String("Owner"), Value: aws.String("team-b")}}}})
	check(t, err)
	createBucket(t, "eu-west-1", "untagged")
	for _, c := range collecttest.TagDenials("GetBucketTagging") {
		cfg := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Deny(c.Deny...)})
		rec, task, err := runPlanned(t, cfg, "eu-west-1")
		if err != nil {
			t.Fatal(err)
		}
		byID := rec.ByID()
		if byID["tagged"] == nil || byID["untagged"] == nil {
			t.Fatalf("denied %v: buckets missing: %v", c.Deny, byID)
		}
		if got := byID["tagged"].Tags["Owner"] == "team-b"; got != c.Tagged {
			t.Errorf("denied %v: tagged bucket has tags %v", c.Deny, byID["tagged"].Tags)
		}
		if len(byID["untagged"].Tags) != 0 {
			t.Errorf("denied %v: untagged bucket has tags %v", c.Deny, byID["untagged"].Tags)
		}
		if warned := len(task.Warnings()) > 0; warned != c.Warned {
			t.Errorf("denied %v: warnings %v", c.Deny, task.Warnings())
		}
	}
}

// TestBucketsInChina scans a bucket of the aws-cn partition: its ARN, and
// the ARN its bulk tags are looked up by, say aws-cn (an "arn:aws:" lookup
// would miss GetResources' answer and silently store the bucket untagged).
// Moto fails GetResources outside "aws", so it is answered here as AWS
// would, and GetBucketTagging is denied so that only the bulk read can
// find the tags.
func TestS3BucketsInChina(t *testing.T) {
	collecttest.Setup(t)
	const region = "cn-north-1"
	createBucket(t, region, "china")
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"GetResources": func(any) (any, error) {
			return &tagging.GetResourcesOutput{ResourceTagMappingList: []taggingtypes.ResourceTagMapping{{
				ResourceARN: aws.String("arn:aws-cn:s3:::china"),
				Tags:        []taggingtypes.Tag{{Key: aws.String("Owner"), Value: aws.String("team-cn")}},
			}}}, nil
		},
		"GetBucketTagging": collecttest.Denied("GetBucketTagging"),
	})})
	rec, task, err := runPlanned(t, cfg, region)
	if err != nil {
		t.Fatal(err)
	}
	b := rec.ByID()["china"]
	if b == nil {
		t.Fatalf("bucket missing: %v", rec.ByID())
	}
	if b.ARN != "arn:aws-cn:s3:::china" || b.Region != region || b.Tags["Owner"] != "team-cn" {
		t.Errorf("bucket in China: ARN %q, region %q, tags %v", b.ARN, b.Region, b.Tags)
	}
	if w := task.Warnings(); len(w) > 0 {
		t.Errorf("warnings: %v", w)
	}
}

// moto answers GetBucketPolicyStatus without IsPublic: the policy document
// decides, and without one either policy_is_public is unknown, never false.
func TestS3PolicyJudgedFromTheDocument(t *testing.T) {
	collecttest.Setup(t)
	const tls = `"Condition":{"Bool":{"aws:SecureTransport":"true"}}`
	policies := map[string]struct {
		statement string
		public    bool
	}{
		"pol-star":      {`"Principal":"*"`, true},
		"pol-aws-star":  {`"Principal":{"AWS":["*"]},` + tls, true},
		"pol-vpc":       {`"Principal":{"AWS":"*"},"Condition":{"StringEquals":{"aws:SourceVpc":"vpc-1"}}`, false},
		"pol-org":       {`"Principal":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-1"}}`, false},
		"pol-account":   {`"Principal":{"AWS":"arn:aws:iam::` + collecttest.MotoAccount + `:root"}`, false},
		"pol-service":   {`"Principal":{"Service":"logging.s3.amazonaws.com"}`, false},
		"pol-not-allow": {`"Principal":"*","Effect":"Deny"`, false},
	}
	us := s3api(t, "us-east-1")
	for name, p := range policies {
		createBucket(t, "us-east-1", name)
		stmt := `{"Effect":"Allow",` + p.statement + `,"Action":"s3:GetObject","Resource":"arn:aws:s3:::` + name + `/*"}`
		if strings.Contains(p.statement, `"Effect"`) {
			stmt = `{` + p.statement + `,"Action":"s3:GetObject","Resource":"arn:aws:s3:::` + name + `/*"}`
		}
		_, err := us.PutBucketPolicy(context.Background(), &awss3.PutBucketPolicyInput{Bucket: aws.String(name),
			Policy: aws.String(`{"Version":"2012-10-17","Statement":[` + stmt + `]}`)})
		check(t, err)
	}
	createBucket(t, "us-east-1", "no-policy")

	paged := map[string]func(any) (any, error){"ListBuckets": listBuckets(t)}
	rec, task, err := runPlanned(t, collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Canned(paged)}), "us-east-1")
	if err != nil || len(task.Warnings()) != 0 {
		t.Fatalf("err %v, warnings %v", err, task.Warnings())
	}
	byID := rec.ByID()
	for name, p := range policies {
		if got := byID[name].Details["policy_is_public"]; got != p.public || byID[name].Details["is_public"] != p.public {
			t.Errorf("%s: policy_is_public %v, is_public %v, want %v", name, got, byID[name].Details["is_public"], p.public)
		}
	}
	if d := byID["no-policy"].Details; d["policy_is_public"] != false || d["is_public"] != false {
		t.Errorf("no-policy: %v", d)
	}

	// Neither the status nor the document: unknown, and the collection says so.
	paged["GetBucketPolicy"] = collecttest.Denied("GetBucketPolicy")
	rec, task, err = runPlanned(t, collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Canned(paged)}), "us-east-1")
	if err != nil || len(task.Warnings()) == 0 {
		t.Fatalf("err %v, warnings %v", err, task.Warnings())
	}
	for _, name := range []string{"pol-star", "pol-vpc"} {
		d := rec.ByID()[name].Details
		if v, ok := d["policy_is_public"]; ok {
			t.Errorf("%s: policy_is_public = %v without status or document, want unknown", name, v)
		}
		if v, ok := d["is_public"]; ok && v != true {
			t.Errorf("%s: is_public = %v, want unknown", name, v)
		}
	}
}
