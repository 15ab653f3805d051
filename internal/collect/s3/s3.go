// Package s3 collects S3 buckets and their security-relevant settings.
package s3

import (
	"context"
	"encoding/json"
	"errors"
	"maps"
	"slices"
	"strings"
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
		{Name: "bucket", Description: "S3 bucket (id = bucket name)", Fields: bucketFields, Tags: collect.TagsBulk, Collect: buckets, DetailCalls: 10},
	},
	Calls: "bucket: 1 ListBuckets (paged) + per bucket 10 Get* calls in the bucket's region (+1 GetBucketLocation when ListBuckets does not say); bulk tags per bucket region (else per bucket GetBucketTagging)",
	Relations: []collect.Relation{
		{From: "bucket", Kind: "encrypted-with", To: "kms/key"},
	},
}

var bucketFields = []model.Field{
	{Name: "versioning", Type: "text", Description: "Enabled, Suspended or Disabled (never enabled)", Values: []string{"Enabled", "Suspended", "Disabled"}},
	{Name: "mfa_delete", Type: "boolean", Description: "MFA delete is enabled on versioning"},
	{Name: "encryption_algorithm", Type: "text", Description: "default encryption: AES256, aws:kms, aws:kms:dsse, or none", Values: append([]string{"none"}, collect.Values(s3types.ServerSideEncryption("").Values())...)},
	{Name: "kms_key_id", Type: "text", Description: "KMS key of the default encryption (SSE-KMS), as configured"},
	{Name: "bucket_key_enabled", Type: "boolean", Description: "S3 Bucket Key is enabled for SSE-KMS"},
	{Name: "block_public_acls", Type: "boolean", Description: "bucket public access block: BlockPublicAcls"},
	{Name: "ignore_public_acls", Type: "boolean", Description: "bucket public access block: IgnorePublicAcls"},
	{Name: "block_public_policy", Type: "boolean", Description: "bucket public access block: BlockPublicPolicy"},
	{Name: "restrict_public_buckets", Type: "boolean", Description: "bucket public access block: RestrictPublicBuckets"},
	{Name: "public_access_block_enabled", Type: "boolean", Description: "all four bucket public access block settings are on"},
	{Name: "public_access_block_configured", Type: "boolean", Description: "the bucket has a public access block configuration"},
	{Name: "policy_is_public", Type: "boolean", Description: "the bucket policy is public: as S3 evaluates it (GetBucketPolicyStatus), else judged from the document (Principal * allowed without a restricting condition); null when neither is known"},
	{Name: "has_policy", Type: "boolean", Description: "the bucket has a bucket policy"},
	{Name: "policy", Type: "json", Description: "bucket policy document"},
	{Name: "acl_public", Type: "boolean", Description: "the ACL grants access to AllUsers or AuthenticatedUsers"},
	{Name: "is_public", Type: "boolean", Description: "public through its ACL or policy and not blocked by the bucket public access block"},
	{Name: "logging_enabled", Type: "boolean", Description: "server access logging is enabled"},
	{Name: "logging_target_bucket", Type: "text", Description: "bucket receiving the access logs"},
	{Name: "lifecycle_rules", Type: "integer", Description: "number of lifecycle rules"},
	{Name: "object_lock_enabled", Type: "boolean", Description: "Object Lock is enabled"},
	{Name: "object_ownership", Type: "text", Description: "BucketOwnerEnforced, BucketOwnerPreferred or ObjectWriter (also when no ownership controls are set)"},
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
// own region. A failed call leaves its fields out (and warns).
type bucketScan struct {
	t      *collect.Task
	api    *awss3.Client
	bulk   *collect.BulkTags // the bucket region's tags
	name   *string
	region string
	d      map[string]any
	tags   map[string]string
	kmsKey model.Key
}

func (s *bucketScan) inRegion(o *awss3.Options) { o.Region = s.region }

// failed reports whether err is a real failure (warned) rather than success
// or a not-found answer, which means the setting is absent.
func (s *bucketScan) failed(op string, err error) bool {
	s.t.Warn(op, err)
	return err != nil && !awsx.IsNotFound(err)
}

// settings are the per-bucket calls. They are independent, so they run at
// once: a bucket costs one round trip of latency, not eleven.
var settings = []func(*bucketScan, context.Context){
	(*bucketScan).tagging, (*bucketScan).versioning, (*bucketScan).encryption,
	(*bucketScan).publicAccessBlock, (*bucketScan).policyStatus, (*bucketScan).policy,
	(*bucketScan).acl, (*bucketScan).logging, (*bucketScan).lifecycle,
	(*bucketScan).objectLock, (*bucketScan).ownership,
}

func describe(ctx context.Context, t *collect.Task, api *awss3.Client, bulk *collect.BulkTags, b s3types.Bucket, region string) {
	type call struct {
		part *bucketScan
		get  func(*bucketScan, context.Context)
	}
	calls := make([]call, len(settings))
	parts := make([]*bucketScan, len(settings))
	for i, get := range settings {
		parts[i] = &bucketScan{t: t, api: api, bulk: bulk, name: b.Name, region: region, d: map[string]any{}}
		calls[i] = call{parts[i], get}
	}
	collect.ForEach(ctx, calls, func(ctx context.Context, c call) { c.get(c.part, ctx) })
	s := &bucketScan{d: map[string]any{}}
	for _, p := range parts { // each part wrote only its own fields
		maps.Copy(s.d, p.d)
		if p.tags != nil {
			s.tags = p.tags
		}
		if p.kmsKey.ID != "" {
			s.kmsKey = p.kmsKey
		}
	}
	judgePolicy(t, s.d)
	if public, known := isPublic(s.d); known {
		s.d["is_public"] = public
	}
	name := aws.ToString(b.Name)
	key := model.Key{Account: t.Account, Region: region, Service: t.Service, Type: "bucket", ID: name}
	t.Emit(&model.Resource{
		Key:       key,
		ARN:       collect.AccountlessARN(t, "s3", "", name),
		Name:      name,
		CreatedAt: model.Time(b.CreationDate),
		Tags:      s.tags,
		Details:   s.d,
	})
	t.Relate(key, "encrypted-with", s.kmsKey)
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
	if s.failed("GetBucketVersioning", err) || err != nil {
		return
	}
	status := string(out.Status)
	if status == "" {
		status = "Disabled"
	}
	s.d["versioning"] = status
	s.d["mfa_delete"] = out.MFADelete == s3types.MFADeleteStatusEnabled
}

func (s *bucketScan) encryption(ctx context.Context) {
	out, err := s.api.GetBucketEncryption(ctx, &awss3.GetBucketEncryptionInput{Bucket: s.name}, s.inRegion)
	if s.failed("GetBucketEncryption", err) {
		return
	}
	s.d["encryption_algorithm"] = "none"
	if err != nil || out.ServerSideEncryptionConfiguration == nil {
		return
	}
	for _, rule := range out.ServerSideEncryptionConfiguration.Rules {
		if rule.ApplyServerSideEncryptionByDefault == nil {
			continue
		}
		keyID := aws.ToString(rule.ApplyServerSideEncryptionByDefault.KMSMasterKeyID)
		s.d["encryption_algorithm"] = string(rule.ApplyServerSideEncryptionByDefault.SSEAlgorithm)
		s.d["kms_key_id"] = keyID
		s.d["bucket_key_enabled"] = aws.ToBool(rule.BucketKeyEnabled)
		s.kmsKey = collect.KMSKeyIn(s.t.Account, s.region, keyID)
		return
	}
}

func (s *bucketScan) publicAccessBlock(ctx context.Context) {
	out, err := s.api.GetPublicAccessBlock(ctx, &awss3.GetPublicAccessBlockInput{Bucket: s.name}, s.inRegion)
	if s.failed("GetPublicAccessBlock", err) {
		return
	}
	c := &s3types.PublicAccessBlockConfiguration{}
	if err == nil && out.PublicAccessBlockConfiguration != nil {
		c = out.PublicAccessBlockConfiguration
	}
	s.d["public_access_block_configured"] = err == nil && out.PublicAccessBlockConfiguration != nil
	s.d["block_public_acls"] = aws.ToBool(c.BlockPublicAcls)
	s.d["ignore_public_acls"] = aws.ToBool(c.IgnorePublicAcls)
	s.d["block_public_policy"] = aws.ToBool(c.BlockPublicPolicy)
	s.d["restrict_public_buckets"] = aws.ToBool(c.RestrictPublicBuckets)
	s.d["public_access_block_enabled"] = aws.ToBool(c.BlockPublicAcls) && aws.ToBool(c.IgnorePublicAcls) &&
		aws.ToBool(c.BlockPublicPolicy) && aws.ToBool(c.RestrictPublicBuckets)
}

func (s *bucketScan) policyStatus(ctx context.Context) {
	out, err := s.api.GetBucketPolicyStatus(ctx, &awss3.GetBucketPolicyStatusInput{Bucket: s.name}, s.inRegion)
	if s.failed("GetBucketPolicyStatus", err) {
		return
	}
	switch {
	case err != nil: // no bucket policy
		s.d["policy_is_public"] = false
	case out.PolicyStatus != nil && out.PolicyStatus.IsPublic != nil:
		s.d["policy_is_public"] = *out.PolicyStatus.IsPublic
	}
	// An answer without IsPublic (moto's) is judged from the document: see
	// judgePolicy.
}

func (s *bucketScan) policy(ctx context.Context) {
	out, err := s.api.GetBucketPolicy(ctx, &awss3.GetBucketPolicyInput{Bucket: s.name}, s.inRegion)
	if s.failed("GetBucketPolicy", err) {
		return
	}
	doc := ""
	if err == nil {
		doc = aws.ToString(out.Policy)
	}
	s.d["has_policy"] = doc != ""
	if doc == "" {
		return
	}
	// Stored as a JSON value so queries can look inside it.
	var v any
	if json.Unmarshal([]byte(doc), &v) == nil {
		s.d["policy"] = v
	} else {
		s.d["policy"] = doc
	}
}

func (s *bucketScan) acl(ctx context.Context) {
	out, err := s.api.GetBucketAcl(ctx, &awss3.GetBucketAclInput{Bucket: s.name}, s.inRegion)
	if s.failed("GetBucketAcl", err) || err != nil {
		return
	}
	public := false
	for _, g := range out.Grants {
		if g.Grantee != nil && publicGroups[aws.ToString(g.Grantee.URI)] {
			public = true
		}
	}
	s.d["acl_public"] = public
}

func (s *bucketScan) logging(ctx context.Context) {
	out, err := s.api.GetBucketLogging(ctx, &awss3.GetBucketLoggingInput{Bucket: s.name}, s.inRegion)
	if s.failed("GetBucketLogging", err) || err != nil {
		return
	}
	s.d["logging_enabled"] = out.LoggingEnabled != nil
	if out.LoggingEnabled != nil {
		s.d["logging_target_bucket"] = aws.ToString(out.LoggingEnabled.TargetBucket)
	}
}

func (s *bucketScan) lifecycle(ctx context.Context) {
	out, err := s.api.GetBucketLifecycleConfiguration(ctx, &awss3.GetBucketLifecycleConfigurationInput{Bucket: s.name}, s.inRegion)
	if s.failed("GetBucketLifecycleConfiguration", err) {
		return
	}
	n := 0
	if err == nil {
		n = len(out.Rules)
	}
	s.d["lifecycle_rules"] = n
}

func (s *bucketScan) objectLock(ctx context.Context) {
	out, err := s.api.GetObjectLockConfiguration(ctx, &awss3.GetObjectLockConfigurationInput{Bucket: s.name}, s.inRegion)
	if s.failed("GetObjectLockConfiguration", err) {
		return
	}
	s.d["object_lock_enabled"] = err == nil && out.ObjectLockConfiguration != nil &&
		out.ObjectLockConfiguration.ObjectLockEnabled == s3types.ObjectLockEnabledEnabled
}

func (s *bucketScan) ownership(ctx context.Context) {
	out, err := s.api.GetBucketOwnershipControls(ctx, &awss3.GetBucketOwnershipControlsInput{Bucket: s.name}, s.inRegion)
	if s.failed("GetBucketOwnershipControls", err) {
		return
	}
	// Without ownership controls, ACLs decide: the object writer owns objects.
	ownership := string(s3types.ObjectOwnershipObjectWriter)
	if err == nil && out.OwnershipControls != nil {
		for _, r := range out.OwnershipControls.Rules {
			ownership = string(r.ObjectOwnership)
		}
	}
	s.d["object_ownership"] = ownership
}

// judgePolicy fills policy_is_public from the policy document when
// GetBucketPolicyStatus gave no answer. With neither, it stays unset
// (unknown), never false; a status call that succeeded without saying is
// then a warning, so the collection is partial.
func judgePolicy(t *collect.Task, d map[string]any) {
	if _, known := d["policy_is_public"].(bool); known {
		return
	}
	hasPolicy, known := d["has_policy"].(bool)
	switch {
	case !known: // GetBucketPolicy failed and warned
	case !hasPolicy:
		d["policy_is_public"] = false
	default:
		if public, judged := policyAllowsPublic(d["policy"]); judged {
			d["policy_is_public"] = public
		} else {
			t.Warn("GetBucketPolicyStatus", errPolicyUnjudged)
		}
	}
}

var errPolicyUnjudged = errors.New("no IsPublic in the answer and a policy document that is not valid JSON: policy_is_public unknown")

// restrictingKeys are condition keys that limit a statement to known
// sources or principals: a statement conditioned on one is not public, as
// S3 judges it (values are not inspected: a wildcard value would still be
// public, a rare case left to GetBucketPolicyStatus).
var restrictingKeys = []string{"aws:sourcearn", "aws:sourceaccount", "aws:sourceowner", "aws:sourcevpc", "aws:sourcevpce",
	"aws:sourceip", "aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:principalarn", "aws:userid"}

// policyAllowsPublic judges a policy document: public when a statement
// allows everyone (Principal "*", {"AWS": "*"}, or NotPrincipal) without a
// restricting condition. judged is false for a document that is not JSON.
func policyAllowsPublic(doc any) (public, judged bool) {
	m, ok := doc.(map[string]any)
	if !ok {
		return false, false
	}
	stmts, ok := m["Statement"].([]any)
	if !ok {
		stmts = []any{m["Statement"]}
	}
	for _, st := range stmts {
		st, _ := st.(map[string]any)
		if st["Effect"] == "Allow" && (everyone(st["Principal"]) || st["NotPrincipal"] != nil) && !restricted(st["Condition"]) {
			return true, true
		}
	}
	return false, true
}

func everyone(p any) bool {
	switch p := p.(type) {
	case string:
		return p == "*"
	case map[string]any:
		switch ps := p["AWS"].(type) {
		case string:
			return ps == "*"
		case []any:
			return slices.Contains(ps, any("*"))
		}
	}
	return false
}

func restricted(cond any) bool {
	ops, _ := cond.(map[string]any)
	for _, keys := range ops {
		keys, _ := keys.(map[string]any)
		for k := range keys {
			if slices.Contains(restrictingKeys, strings.ToLower(k)) {
				return true
			}
		}
	}
	return false
}

// isPublic combines the ACL, the policy status and the bucket public access
// block. known is false when a failed call leaves the answer open.
func isPublic(d map[string]any) (public, known bool) {
	_, pabKnown := d["public_access_block_configured"].(bool)
	acl := exposure(d, "acl_public", "ignore_public_acls", pabKnown)
	pol := exposure(d, "policy_is_public", "restrict_public_buckets", pabKnown)
	switch {
	case acl == exposed || pol == exposed:
		return true, true
	case acl == closed && pol == closed:
		return false, true
	}
	return false, false
}

type verdict int

const (
	unknown verdict = iota
	closed
	exposed
)

// exposure is whether the grant in d[field] makes the bucket public, given
// the public access block setting d[blockedBy] that neutralises it.
func exposure(d map[string]any, field, blockedBy string, pabKnown bool) verdict {
	open, ok := d[field].(bool)
	switch {
	case !ok:
		return unknown
	case !open:
		return closed
	case !pabKnown:
		return unknown
	case d[blockedBy] == true:
		return closed
	}
	return exposed
}
