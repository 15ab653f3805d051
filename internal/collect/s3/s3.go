// Package s3 collects S3 buckets and their security-relevant settings.
package s3

import (
	"context"
	"encoding/json"
	"errors"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	awss3 "github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the S3 collector. Buckets are listed once for the account and
// placed in their own region.
var Service = &collect.Service{
	Name:        "s3",
	Description: "S3 buckets with versioning, encryption, public access, logging and lifecycle settings",
	Scope:       collect.AccountWide,
	Types: []collect.Type{
		{Name: "bucket", Description: "S3 bucket (id = bucket name)", Fields: bucketFields.Declared(), Tags: collect.TagsBulk, Collect: buckets, DetailCalls: 10},
	},
	Calls: "bucket: 1 ListBuckets (paged) + per bucket 10 Get* calls in the bucket's region (+1 GetBucketLocation when ListBuckets does not say); bulk tags per bucket region (else per bucket GetBucketTagging)",
	Relations: []collect.Relation{
		{From: "bucket", Kind: "encrypted-with", To: "kms/key"},
	},
}

// bucket is what a bucket's settings calls answered. An answer is nil when
// its call failed (and warned), which leaves its fields out; a setting S3
// says is not set (a not-found error) is an empty answer.
type bucket struct {
	versioning   *awss3.GetBucketVersioningOutput
	encryption   *awss3.GetBucketEncryptionOutput
	block        *awss3.GetPublicAccessBlockOutput
	policyStatus *awss3.GetBucketPolicyStatusOutput
	policy       *awss3.GetBucketPolicyOutput
	acl          *awss3.GetBucketAclOutput
	logging      *awss3.GetBucketLoggingOutput
	lifecycle    *awss3.GetBucketLifecycleConfigurationOutput
	objectLock   *awss3.GetObjectLockConfigurationOutput
	ownership    *awss3.GetBucketOwnershipControlsOutput
	document     any   // the policy, parsed when it is JSON; nil without one
	policyPublic *bool // nil when unknown: see judgePolicy
}

func hasVersioning(b bucket) bool { return b.versioning != nil }
func hasEncryption(b bucket) bool { return b.encryption != nil }
func hasBlock(b bucket) bool      { return b.block != nil }
func hasPolicy(b bucket) bool     { return b.policy != nil }
func hasLogging(b bucket) bool    { return b.logging != nil }
func hasLifecycle(b bucket) bool  { return b.lifecycle != nil }
func hasObjectLock(b bucket) bool { return b.objectLock != nil }
func hasOwnership(b bucket) bool  { return b.ownership != nil }

var bucketFields = collect.Fields[bucket]{
	collect.When(hasVersioning, withValues(collect.Computed("versioning", model.Text, "Enabled, Suspended or Disabled (never enabled)", func(b bucket) any {
		if b.versioning.Status == "" {
			return "Disabled"
		}
		return string(b.versioning.Status)
	}), "Enabled", "Suspended", "Disabled")),
	collect.When(hasVersioning, collect.Computed("mfa_delete", model.Boolean, "MFA delete is enabled on versioning", func(b bucket) any {
		return b.versioning.MFADelete == s3types.MFADeleteStatusEnabled
	})),
	collect.When(hasEncryption, withValues(collect.Computed("encryption_algorithm", model.Text, "default encryption: AES256, aws:kms, aws:kms:dsse, or none", func(b bucket) any {
		if r := b.defaultEncryption(); r != nil {
			return string(r.ApplyServerSideEncryptionByDefault.SSEAlgorithm)
		}
		return "none"
	}), append([]string{"none"}, collect.Values(s3types.ServerSideEncryption("").Values())...)...)),
	collect.Computed("kms_key_id", model.Text, "KMS key of the default encryption (SSE-KMS), as configured", func(b bucket) any {
		if r := b.defaultEncryption(); r != nil {
			return aws.ToString(r.ApplyServerSideEncryptionByDefault.KMSMasterKeyID)
		}
		return nil
	}),
	collect.Computed("bucket_key_enabled", model.Boolean, "S3 Bucket Key is enabled for SSE-KMS", func(b bucket) any {
		if r := b.defaultEncryption(); r != nil {
			return aws.ToBool(r.BucketKeyEnabled)
		}
		return nil
	}),
	blockSetting("block_public_acls", "BlockPublicAcls", func(c *s3types.PublicAccessBlockConfiguration) *bool { return c.BlockPublicAcls }),
	blockSetting("ignore_public_acls", "IgnorePublicAcls", func(c *s3types.PublicAccessBlockConfiguration) *bool { return c.IgnorePublicAcls }),
	blockSetting("block_public_policy", "BlockPublicPolicy", func(c *s3types.PublicAccessBlockConfiguration) *bool { return c.BlockPublicPolicy }),
	blockSetting("restrict_public_buckets", "RestrictPublicBuckets", func(c *s3types.PublicAccessBlockConfiguration) *bool { return c.RestrictPublicBuckets }),
	collect.When(hasBlock, collect.Computed("public_access_block_enabled", model.Boolean, "all four bucket public access block settings are on", func(b bucket) any {
		c := b.blockConfig()
		return aws.ToBool(c.BlockPublicAcls) && aws.ToBool(c.IgnorePublicAcls) && aws.ToBool(c.BlockPublicPolicy) && aws.ToBool(c.RestrictPublicBuckets)
	})),
	collect.When(hasBlock, collect.Computed("public_access_block_configured", model.Boolean, "the bucket has a public access block configuration", func(b bucket) any {
		return b.block.PublicAccessBlockConfiguration != nil
	})),
	collect.Computed("policy_is_public", model.Boolean, "the bucket policy is public: as S3 evaluates it (GetBucketPolicyStatus), else judged from the document (Principal * allowed without a restricting condition); null when neither is known",
		func(b bucket) any { return known(b.policyPublic) }),
	collect.When(hasPolicy, collect.Computed("has_policy", model.Boolean, "the bucket has a bucket policy", func(b bucket) any { return aws.ToString(b.policy.Policy) != "" })),
	collect.Computed("policy", model.JSON, "bucket policy document", func(b bucket) any { return b.document }),
	collect.Computed("acl_public", model.Boolean, "the ACL grants access to AllUsers or AuthenticatedUsers", func(b bucket) any { return known(b.aclPublic()) }),
	collect.Computed("is_public", model.Boolean, "public through its ACL or policy and not blocked by the bucket public access block", func(b bucket) any { return b.isPublic() }),
	collect.When(hasLogging, collect.Computed("logging_enabled", model.Boolean, "server access logging is enabled", func(b bucket) any { return b.logging.LoggingEnabled != nil })),
	collect.When(func(b bucket) bool { return hasLogging(b) && b.logging.LoggingEnabled != nil },
		collect.Text("logging_target_bucket", "bucket receiving the access logs", func(b bucket) *string { return b.logging.LoggingEnabled.TargetBucket })),
	collect.When(hasLifecycle, collect.Computed("lifecycle_rules", model.Integer, "number of lifecycle rules", func(b bucket) any { return len(b.lifecycle.Rules) })),
	collect.When(hasObjectLock, collect.Computed("object_lock_enabled", model.Boolean, "Object Lock is enabled", func(b bucket) any {
		c := b.objectLock.ObjectLockConfiguration
		return c != nil && c.ObjectLockEnabled == s3types.ObjectLockEnabledEnabled
	})),
	collect.When(hasOwnership, collect.Enum("object_ownership", "BucketOwnerEnforced, BucketOwnerPreferred or ObjectWriter (also when no ownership controls are set)",
		func(b bucket) s3types.ObjectOwnership {
			// Without ownership controls, ACLs decide: the object writer owns objects.
			ownership := s3types.ObjectOwnershipObjectWriter
			if c := b.ownership.OwnershipControls; c != nil {
				for _, r := range c.Rules {
					ownership = r.ObjectOwnership
				}
			}
			return ownership
		})),
}

// withValues declares the values of a text field that are not (all) an SDK enum's.
func withValues(f collect.Field[bucket], values ...string) collect.Field[bucket] {
	f.Values = values
	return f
}

// blockSetting is one setting of the bucket public access block.
func blockSetting(name, setting string, get func(*s3types.PublicAccessBlockConfiguration) *bool) collect.Field[bucket] {
	return collect.When(hasBlock, collect.Bool(name, "bucket public access block: "+setting, func(b bucket) *bool { return get(b.blockConfig()) }))
}

// known is a field's value, left out (unknown) when nil.
func known(v *bool) any {
	if v == nil {
		return nil
	}
	return *v
}

// defaultEncryption is the first rule that sets a default encryption; nil
// without one (or when GetBucketEncryption failed).
func (b bucket) defaultEncryption() *s3types.ServerSideEncryptionRule {
	if b.encryption == nil || b.encryption.ServerSideEncryptionConfiguration == nil {
		return nil
	}
	rules := b.encryption.ServerSideEncryptionConfiguration.Rules
	for i := range rules {
		if rules[i].ApplyServerSideEncryptionByDefault != nil {
			return &rules[i]
		}
	}
	return nil
}

// blockConfig is the bucket public access block, all off when none is set.
func (b bucket) blockConfig() *s3types.PublicAccessBlockConfiguration {
	if b.block.PublicAccessBlockConfiguration == nil {
		return &s3types.PublicAccessBlockConfiguration{}
	}
	return b.block.PublicAccessBlockConfiguration
}

// blocks is a setting of the bucket public access block; nil when
// GetPublicAccessBlock failed.
func (b bucket) blocks(get func(*s3types.PublicAccessBlockConfiguration) *bool) *bool {
	if b.block == nil {
		return nil
	}
	return aws.Bool(aws.ToBool(get(b.blockConfig())))
}

// aclPublic is whether the ACL grants access to everyone; nil when
// GetBucketAcl failed.
func (b bucket) aclPublic() *bool {
	if b.acl == nil {
		return nil
	}
	for _, g := range b.acl.Grants {
		if g.Grantee != nil && publicGroups[aws.ToString(g.Grantee.URI)] {
			return aws.Bool(true)
		}
	}
	return aws.Bool(false)
}

// publicGroups are the grantee URIs that make an ACL grant public.
var publicGroups = map[string]bool{
	"http://acs.amazonaws.com/groups/global/AllUsers":           true,
	"http://acs.amazonaws.com/groups/global/AuthenticatedUsers": true,
}

func client(t *collect.Task) *awss3.Client {
	return awss3.NewFromConfig(t.Config, func(o *awss3.Options) { o.UsePathStyle = t.Local })
}

func buckets(ctx context.Context, t *collect.Task) error {
	api := client(t)
	tags := &bucketTags{t: t, in: map[string]*collect.BulkTags{}}
	p := awss3.NewListBucketsPaginator(api, &awss3.ListBucketsInput{MaxBuckets: t.PageSize(10000)})
	return collect.EachPage(ctx, p, func(page *awss3.ListBucketsOutput) error {
		collect.ForEach(ctx, page.Buckets, func(ctx context.Context, b s3types.Bucket) {
			region, ok := bucketRegion(ctx, t, api, b)
			if !ok || !t.InPlan(region) {
				return
			}
			describe(ctx, t, api, tags.of(region), b, region)
		})
		return nil
	})
}

// bucketTags reads bucket tags in bulk, per bucket region: GetResources
// answers for the buckets of the region called.
type bucketTags struct {
	t  *collect.Task
	mu sync.Mutex
	in map[string]*collect.BulkTags
}

func (b *bucketTags) of(region string) *collect.BulkTags {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.in[region] == nil {
		b.in[region] = collect.NewBulkTagsIn(b.t, region, "s3")
	}
	return b.in[region]
}

// bucketRegion is where b lives: ListBuckets says so when paginated, else
// GetBucketLocation (which answers from any region). ok is false when the
// region cannot be known, and the bucket cannot be placed.
func bucketRegion(ctx context.Context, t *collect.Task, api *awss3.Client, b s3types.Bucket) (string, bool) {
	if r := aws.ToString(b.BucketRegion); r != "" {
		return r, true
	}
	out, err := api.GetBucketLocation(ctx, &awss3.GetBucketLocationInput{Bucket: b.Name})
	if err != nil {
		t.Warn("GetBucketLocation", err)
		return "", false
	}
	switch out.LocationConstraint {
	case "":
		return "us-east-1", true
	case "EU":
		return "eu-west-1", true
	}
	return string(out.LocationConstraint), true
}

// bucketScan gathers one bucket's settings; every call goes to the bucket's
// own region.
type bucketScan struct {
	t      *collect.Task
	api    *awss3.Client
	bulk   *collect.BulkTags // the bucket region's tags
	name   *string
	region string
	b      bucket
	tags   map[string]string
}

func (s *bucketScan) inRegion(o *awss3.Options) { o.Region = s.region }

// answer is out when the call succeeded, unset (the answer for a setting
// that is not set) on a not-found error, and nil on a real failure, which
// is warned.
func answer[O any](t *collect.Task, op string, out *O, err error, unset *O) *O {
	t.Warn(op, err)
	switch {
	case err == nil:
		return out
	case awsx.IsNotFound(err):
		return unset
	}
	return nil
}

// settings are the per-bucket calls. They are independent, so they run at
// once: a bucket costs one round trip of latency, not eleven. Each writes
// only its own part of the scan.
var settings = []func(*bucketScan, context.Context){
	(*bucketScan).tagging, (*bucketScan).versioning, (*bucketScan).encryption,
	(*bucketScan).publicAccessBlock, (*bucketScan).policyStatus, (*bucketScan).policy,
	(*bucketScan).acl, (*bucketScan).logging, (*bucketScan).lifecycle,
	(*bucketScan).objectLock, (*bucketScan).ownership,
}

func describe(ctx context.Context, t *collect.Task, api *awss3.Client, bulk *collect.BulkTags, b s3types.Bucket, region string) {
	s := &bucketScan{t: t, api: api, bulk: bulk, name: b.Name, region: region}
	collect.ForEach(ctx, settings, func(ctx context.Context, get func(*bucketScan, context.Context)) { get(s, ctx) })
	s.judgePolicy()
	name := aws.ToString(b.Name)
	key := model.Key{Account: t.Account, Region: region, Service: t.Service, Type: "bucket", ID: name}
	t.Emit(&model.Resource{
		Key:       key,
		ARN:       collect.AccountlessARN(t, "s3", "", name),
		Name:      name,
		CreatedAt: model.Time(b.CreationDate),
		Tags:      s.tags,
		Details:   bucketFields.Details(s.b),
	})
	var keyID string
	if r := s.b.defaultEncryption(); r != nil {
		keyID = aws.ToString(r.ApplyServerSideEncryptionByDefault.KMSMasterKeyID)
	}
	t.Relate(key, "encrypted-with", collect.KMSKeyIn(t.Account, region, keyID))
}

func (s *bucketScan) tagging(ctx context.Context) {
	s.tags = s.bulk.Of(ctx, collect.AccountlessARN(s.t, "s3", "", aws.ToString(s.name)), "GetBucketTagging", func(ctx context.Context) (map[string]string, error) {
		out, err := s.api.GetBucketTagging(ctx, &awss3.GetBucketTaggingInput{Bucket: s.name}, s.inRegion)
		if err != nil {
			return nil, err
		}
		return collect.TagMap(out.TagSet, func(t s3types.Tag) (*string, *string) { return t.Key, t.Value }), nil
	})
}

func (s *bucketScan) versioning(ctx context.Context) {
	out, err := s.api.GetBucketVersioning(ctx, &awss3.GetBucketVersioningInput{Bucket: s.name}, s.inRegion)
	s.b.versioning = answer(s.t, "GetBucketVersioning", out, err, nil)
}

func (s *bucketScan) encryption(ctx context.Context) {
	out, err := s.api.GetBucketEncryption(ctx, &awss3.GetBucketEncryptionInput{Bucket: s.name}, s.inRegion)
	s.b.encryption = answer(s.t, "GetBucketEncryption", out, err, &awss3.GetBucketEncryptionOutput{})
}

func (s *bucketScan) publicAccessBlock(ctx context.Context) {
	out, err := s.api.GetPublicAccessBlock(ctx, &awss3.GetPublicAccessBlockInput{Bucket: s.name}, s.inRegion)
	s.b.block = answer(s.t, "GetPublicAccessBlock", out, err, &awss3.GetPublicAccessBlockOutput{})
}

func (s *bucketScan) policyStatus(ctx context.Context) {
	out, err := s.api.GetBucketPolicyStatus(ctx, &awss3.GetBucketPolicyStatusInput{Bucket: s.name}, s.inRegion)
	// Not found: there is no bucket policy, so none that is public.
	none := &awss3.GetBucketPolicyStatusOutput{PolicyStatus: &s3types.PolicyStatus{IsPublic: aws.Bool(false)}}
	s.b.policyStatus = answer(s.t, "GetBucketPolicyStatus", out, err, none)
}

func (s *bucketScan) policy(ctx context.Context) {
	out, err := s.api.GetBucketPolicy(ctx, &awss3.GetBucketPolicyInput{Bucket: s.name}, s.inRegion)
	s.b.policy = answer(s.t, "GetBucketPolicy", out, err, &awss3.GetBucketPolicyOutput{})
	if s.b.policy == nil || aws.ToString(s.b.policy.Policy) == "" {
		return
	}
	// Stored as a JSON value so queries can look inside it.
	doc := *s.b.policy.Policy
	var v any
	if json.Unmarshal([]byte(doc), &v) == nil {
		s.b.document = v
	} else {
		s.b.document = doc
	}
}

func (s *bucketScan) acl(ctx context.Context) {
	out, err := s.api.GetBucketAcl(ctx, &awss3.GetBucketAclInput{Bucket: s.name}, s.inRegion)
	s.b.acl = answer(s.t, "GetBucketAcl", out, err, nil)
}

func (s *bucketScan) logging(ctx context.Context) {
	out, err := s.api.GetBucketLogging(ctx, &awss3.GetBucketLoggingInput{Bucket: s.name}, s.inRegion)
	s.b.logging = answer(s.t, "GetBucketLogging", out, err, nil)
}

func (s *bucketScan) lifecycle(ctx context.Context) {
	out, err := s.api.GetBucketLifecycleConfiguration(ctx, &awss3.GetBucketLifecycleConfigurationInput{Bucket: s.name}, s.inRegion)
	s.b.lifecycle = answer(s.t, "GetBucketLifecycleConfiguration", out, err, &awss3.GetBucketLifecycleConfigurationOutput{})
}

func (s *bucketScan) objectLock(ctx context.Context) {
	out, err := s.api.GetObjectLockConfiguration(ctx, &awss3.GetObjectLockConfigurationInput{Bucket: s.name}, s.inRegion)
	s.b.objectLock = answer(s.t, "GetObjectLockConfiguration", out, err, &awss3.GetObjectLockConfigurationOutput{})
}

func (s *bucketScan) ownership(ctx context.Context) {
	out, err := s.api.GetBucketOwnershipControls(ctx, &awss3.GetBucketOwnershipControlsInput{Bucket: s.name}, s.inRegion)
	s.b.ownership = answer(s.t, "GetBucketOwnershipControls", out, err, &awss3.GetBucketOwnershipControlsOutput{})
}

// judgePolicy settles policy_is_public: GetBucketPolicyStatus's answer, else
// judged from the policy document. With neither it stays unknown, never
// false; a status call that succeeded without saying is then a warning, so
// the collection is partial.
func (s *bucketScan) judgePolicy() {
	if st := s.b.policyStatus; st != nil && st.PolicyStatus != nil && st.PolicyStatus.IsPublic != nil {
		s.b.policyPublic = st.PolicyStatus.IsPublic
		return
	}
	// An answer without IsPublic (moto's) is judged from the document.
	switch {
	case s.b.policy == nil: // GetBucketPolicy failed and warned
	case aws.ToString(s.b.policy.Policy) == "":
		s.b.policyPublic = aws.Bool(false)
	default:
		if public, judged := collect.PolicyAllowsPublic(s.b.document); judged {
			s.b.policyPublic = &public
		} else {
			s.t.Warn("GetBucketPolicyStatus", errPolicyUnjudged)
		}
	}
}

var errPolicyUnjudged = errors.New("no IsPublic in the answer and a policy document that is not valid JSON: policy_is_public unknown")

// isPublic combines the ACL, the policy status and the bucket public access
// block; nil (unknown) when a failed call leaves the answer open.
func (b bucket) isPublic() any {
	acl := exposure(b.aclPublic(), b.blocks(func(c *s3types.PublicAccessBlockConfiguration) *bool { return c.IgnorePublicAcls }))
	pol := exposure(b.policyPublic, b.blocks(func(c *s3types.PublicAccessBlockConfiguration) *bool { return c.RestrictPublicBuckets }))
	switch {
	case acl == exposed || pol == exposed:
		return true
	case acl == closed && pol == closed:
		return false
	}
	return nil
}

type verdict int

const (
	unknown verdict = iota
	closed
	exposed
)

// exposure is whether a grant (open) makes the bucket public, given the
// public access block setting that neutralises it (nil when unknown).
func exposure(open, blocked *bool) verdict {
	switch {
	case open == nil:
		return unknown
	case !*open:
		return closed
	case blocked == nil:
		return unknown
	case *blocked:
		return closed
	}
	return exposed
}
