package demo

import (
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
)

func init() {
	register("S3", map[string]handler{
		"ListBuckets":                     s3ListBuckets,
		"GetBucketLocation":               s3Location,
		"GetBucketTagging":                s3Tagging,
		"GetBucketVersioning":             s3Versioning,
		"GetBucketEncryption":             s3Encryption,
		"GetPublicAccessBlock":            s3PAB,
		"GetBucketPolicyStatus":           s3PolicyStatus,
		"GetBucketPolicy":                 s3Policy,
		"GetBucketAcl":                    s3ACL,
		"GetBucketLogging":                s3Logging,
		"GetBucketLifecycleConfiguration": s3Lifecycle,
		"GetObjectLockConfiguration":      s3ObjectLock,
		"GetBucketOwnershipControls":      s3Ownership,
	})
}

var bucketPurposes = []string{"cloudtrail-logs", "access-logs", "assets", "backups", "data-lake", "artifacts", "uploads", "exports", "static-site", "tfstate", "reports", "ml-models"}

type bucketFacts struct {
	name, region                            string
	public, publicPolicy, versioned, logged bool
	kms, lifecycle, objectLock, noPAB       bool
}

func (c *call) bucket(i int) bucketFacts {
	r := c.v.rng(c.acct, global, "s3.bucket", i, 0)
	m := c.v.rng(c.acct, global, "s3.bucket", i, 1+uint64(c.v.version(c.acct, global, "s3.bucket", i)))
	purpose := bucketPurposes[i%len(bucketPurposes)]
	if i >= len(bucketPurposes) {
		purpose = bucketPurposes[2+r.intn(len(bucketPurposes)-2)]
	}
	f := bucketFacts{name: fmt.Sprintf("acme-%s-%s-%04d", Accounts[c.acct].Env, purpose, i)}
	// Region by the estate's weights.
	u, acc := float64(r.next()>>11)/(1<<53), 0.0
	f.region = Regions[0]
	for ri, w := range regionWeight {
		acc += w
		if u < acc {
			f.region = Regions[ri]
			break
		}
	}
	if i < 2 {
		f.region = "us-east-1"
	}
	f.noPAB = r.chance(0.25)
	f.public = f.noPAB && (purpose == "static-site" || m.chance(0.15))
	f.publicPolicy = f.public && r.chance(0.5)
	f.versioned = i < 2 || m.chance(0.55)
	f.logged = i > 1 && r.chance(0.3)
	f.kms = r.chance(0.35)
	f.lifecycle = i < 2 || r.chance(0.4)
	f.objectLock = i == 0 || r.chance(0.03)
	return f
}

func s3ListBuckets(c *call) (any, error) {
	in := c.in.(*s3.ListBucketsInput)
	items, next := c.v.page(c.acct, global, "s3.bucket", deref(in.ContinuationToken), c.pageSize(1000, in.MaxBuckets))
	out := &s3.ListBucketsOutput{ContinuationToken: tok(next), Owner: &types.Owner{ID: aws.String(c.v.rng(c.acct, global, "owner", 0, 0).hex(64)), DisplayName: aws.String(Accounts[c.acct].Alias)}}
	for _, i := range items {
		f := c.bucket(i)
		out.Buckets = append(out.Buckets, types.Bucket{Name: aws.String(f.name), CreationDate: c.gcreated("s3.bucket", i), BucketRegion: aws.String(f.region)})
	}
	return out, nil
}

// bucketOf finds the bucket a detail call is about.
func (c *call) bucketOf(name *string) (bucketFacts, int, error) {
	i, ok := trailingIndex(aws.ToString(name))
	if ok && c.v.exists(c.acct, global, "s3.bucket", i) {
		if f := c.bucket(i); f.name == aws.ToString(name) {
			return f, i, nil
		}
	}
	return bucketFacts{}, 0, notFound("NoSuchBucket", "The specified bucket does not exist")
}

func s3Location(c *call) (any, error) {
	f, _, err := c.bucketOf(c.in.(*s3.GetBucketLocationInput).Bucket)
	if err != nil {
		return nil, err
	}
	loc := types.BucketLocationConstraint(f.region)
	if f.region == "us-east-1" {
		loc = ""
	}
	return &s3.GetBucketLocationOutput{LocationConstraint: loc}, nil
}

func s3Tagging(c *call) (any, error) {
	f, i, err := c.bucketOf(c.in.(*s3.GetBucketTaggingInput).Bucket)
	if err != nil {
		return nil, err
	}
	tags := c.v.tagsOf(c.acct, global, "s3.bucket", i, "")
	if len(tags) == 0 {
		return nil, notFound("NoSuchTagSet", "The TagSet does not exist")
	}
	out := &s3.GetBucketTaggingOutput{}
	for _, t := range tags {
		out.TagSet = append(out.TagSet, types.Tag{Key: aws.String(t.k), Value: aws.String(t.v)})
	}
	_ = f
	return out, nil
}

func s3Versioning(c *call) (any, error) {
	f, _, err := c.bucketOf(c.in.(*s3.GetBucketVersioningInput).Bucket)
	if err != nil {
		return nil, err
	}
	out := &s3.GetBucketVersioningOutput{}
	if f.versioned {
		out.Status = types.BucketVersioningStatusEnabled
		out.MFADelete = types.MFADeleteStatusDisabled
	}
	return out, nil
}

func s3Encryption(c *call) (any, error) {
	f, _, err := c.bucketOf(c.in.(*s3.GetBucketEncryptionInput).Bucket)
	if err != nil {
		return nil, err
	}
	def := &types.ServerSideEncryptionByDefault{SSEAlgorithm: types.ServerSideEncryptionAes256}
	if f.kms {
		def = &types.ServerSideEncryptionByDefault{SSEAlgorithm: types.ServerSideEncryptionAwsKms,
			KMSMasterKeyID: aws.String(fmt.Sprintf("arn:aws:kms:%s:%s:key/%s", f.region, Accounts[c.acct].ID, (&call{r: c.r, v: c.v, acct: c.acct, region: f.region}).uuid("kms", 0)))}
	}
	return &s3.GetBucketEncryptionOutput{ServerSideEncryptionConfiguration: &types.ServerSideEncryptionConfiguration{
		Rules: []types.ServerSideEncryptionRule{{ApplyServerSideEncryptionByDefault: def, BucketKeyEnabled: aws.Bool(f.kms)}}}}, nil
}

func s3PAB(c *call) (any, error) {
	f, _, err := c.bucketOf(c.in.(*s3.GetPublicAccessBlockInput).Bucket)
	if err != nil {
		return nil, err
	}
	if f.noPAB {
		return nil, notFound("NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found")
	}
	t := aws.Bool(true)
	return &s3.GetPublicAccessBlockOutput{PublicAccessBlockConfiguration: &types.PublicAccessBlockConfiguration{BlockPublicAcls: t, IgnorePublicAcls: t, BlockPublicPolicy: t, RestrictPublicBuckets: t}}, nil
}

func s3PolicyStatus(c *call) (any, error) {
	f, _, err := c.bucketOf(c.in.(*s3.GetBucketPolicyStatusInput).Bucket)
	if err != nil {
		return nil, err
	}
	if !f.publicPolicy && !f.logged {
		return nil, notFound("NoSuchBucketPolicy", "The bucket policy does not exist")
	}
	return &s3.GetBucketPolicyStatusOutput{PolicyStatus: &types.PolicyStatus{IsPublic: aws.Bool(f.publicPolicy)}}, nil
}

func s3Policy(c *call) (any, error) {
	f, _, err := c.bucketOf(c.in.(*s3.GetBucketPolicyInput).Bucket)
	if err != nil {
		return nil, err
	}
	switch {
	case f.publicPolicy:
		return &s3.GetBucketPolicyOutput{Policy: aws.String(fmt.Sprintf(`{"Version":"2012-10-17","Statement":[{"Sid":"PublicRead","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::%s/*"}]}`, f.name))}, nil
	case f.logged:
		return &s3.GetBucketPolicyOutput{Policy: aws.String(fmt.Sprintf(`{"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecure","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::%s/*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}`, f.name))}, nil
	}
	return nil, notFound("NoSuchBucketPolicy", "The bucket policy does not exist")
}

func s3ACL(c *call) (any, error) {
	f, _, err := c.bucketOf(c.in.(*s3.GetBucketAclInput).Bucket)
	if err != nil {
		return nil, err
	}
	owner := &types.Owner{ID: aws.String(c.v.rng(c.acct, global, "owner", 0, 0).hex(64))}
	out := &s3.GetBucketAclOutput{Owner: owner, Grants: []types.Grant{{Grantee: &types.Grantee{Type: types.TypeCanonicalUser, ID: owner.ID}, Permission: types.PermissionFullControl}}}
	if f.public && !f.publicPolicy {
		out.Grants = append(out.Grants, types.Grant{Grantee: &types.Grantee{Type: types.TypeGroup, URI: aws.String("http://acs.amazonaws.com/groups/global/AllUsers")}, Permission: types.PermissionRead})
	}
	return out, nil
}

func s3Logging(c *call) (any, error) {
	f, _, err := c.bucketOf(c.in.(*s3.GetBucketLoggingInput).Bucket)
	if err != nil {
		return nil, err
	}
	out := &s3.GetBucketLoggingOutput{}
	if f.logged {
		out.LoggingEnabled = &types.LoggingEnabled{TargetBucket: aws.String(c.bucket(1).name), TargetPrefix: aws.String(f.name + "/")}
	}
	return out, nil
}

func s3Lifecycle(c *call) (any, error) {
	f, _, err := c.bucketOf(c.in.(*s3.GetBucketLifecycleConfigurationInput).Bucket)
	if err != nil {
		return nil, err
	}
	if !f.lifecycle {
		return nil, notFound("NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist")
	}
	return &s3.GetBucketLifecycleConfigurationOutput{Rules: []types.LifecycleRule{{ID: aws.String("expire-old"), Status: types.ExpirationStatusEnabled,
		Filter: &types.LifecycleRuleFilter{Prefix: aws.String("")}, Expiration: &types.LifecycleExpiration{Days: aws.Int32(365)}}}}, nil
}

func s3ObjectLock(c *call) (any, error) {
	f, _, err := c.bucketOf(c.in.(*s3.GetObjectLockConfigurationInput).Bucket)
	if err != nil {
		return nil, err
	}
	if !f.objectLock {
		return nil, notFound("ObjectLockConfigurationNotFoundError", "Object Lock configuration does not exist for this bucket")
	}
	return &s3.GetObjectLockConfigurationOutput{ObjectLockConfiguration: &types.ObjectLockConfiguration{ObjectLockEnabled: types.ObjectLockEnabledEnabled}}, nil
}

func s3Ownership(c *call) (any, error) {
	f, _, err := c.bucketOf(c.in.(*s3.GetBucketOwnershipControlsInput).Bucket)
	if err != nil {
		return nil, err
	}
	own := types.ObjectOwnershipBucketOwnerEnforced
	if f.public && !f.publicPolicy {
		own = types.ObjectOwnershipObjectWriter
	}
	return &s3.GetBucketOwnershipControlsOutput{OwnershipControls: &types.OwnershipControls{Rules: []types.OwnershipControlsRule{{ObjectOwnership: own}}}}, nil
}
