package all_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudfront"
	"github.com/aws/aws-sdk-go-v2/service/cloudfront/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/cloudfront"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/model"
)

const cloudfrontAccount = collecttest.MotoAccount

var cloudfrontModified = time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)

// marked answers a Marker-paged list: first for no marker, second for "2".
func marked[In any](marker func(In) *string, first, second any) func(any) (any, error) {
	return func(in any) (any, error) {
		if aws.ToString(marker(in.(In))) == "" {
			return first, nil
		}
		return second, nil
	}
}

// configs cans the lists moto 5.2.1's CloudFront lacks, each over two pages.
var configs = map[string]func(any) (any, error){
	"ListFunctions": func(in any) (any, error) {
		i := in.(*cloudfront.ListFunctionsInput)
		if i.Stage != types.FunctionStageDevelopment {
			return nil, fmt.Errorf("want the development stage")
		}
		fn := func(name, status string) types.FunctionSummary {
			return types.FunctionSummary{Name: aws.String(name), Status: aws.String(status),
				FunctionConfig:   &types.FunctionConfig{Runtime: types.FunctionRuntimeCloudfrontJs20, Comment: aws.String("rewrite")},
				FunctionMetadata: &types.FunctionMetadata{FunctionARN: aws.String("arn:aws:cloudfront::" + cloudfrontAccount + ":function/" + name), CreatedTime: &cloudfrontModified, LastModifiedTime: &cloudfrontModified}}
		}
		if aws.ToString(i.Marker) == "" {
			return &cloudfront.ListFunctionsOutput{FunctionList: &types.FunctionList{Items: []types.FunctionSummary{fn("rewrite", "DEPLOYED")}, NextMarker: aws.String("2")}}, nil
		}
		return &cloudfront.ListFunctionsOutput{FunctionList: &types.FunctionList{Items: []types.FunctionSummary{fn("redirect", "UNPUBLISHED")}}}, nil
	},
	"ListCachePolicies": marked(func(in *cloudfront.ListCachePoliciesInput) *string { return in.Marker },
		&cloudfront.ListCachePoliciesOutput{CachePolicyList: &types.CachePolicyList{NextMarker: aws.String("2"), Items: []types.CachePolicySummary{{Type: types.CachePolicyTypeCustom,
			CachePolicy: &types.CachePolicy{Id: aws.String("cp-1"), CachePolicyConfig: &types.CachePolicyConfig{Name: aws.String("short"), MinTTL: aws.Int64(0),
				DefaultTTL: aws.Int64(60), MaxTTL: aws.Int64(300)}}}}}},
		&cloudfront.ListCachePoliciesOutput{CachePolicyList: &types.CachePolicyList{Items: []types.CachePolicySummary{{Type: types.CachePolicyTypeCustom,
			CachePolicy: &types.CachePolicy{Id: aws.String("cp-2"), CachePolicyConfig: &types.CachePolicyConfig{Name: aws.String("long"), MinTTL: aws.Int64(3600)}}}}}}),
	"ListOriginRequestPolicies": marked(func(in *cloudfront.ListOriginRequestPoliciesInput) *string { return in.Marker },
		&cloudfront.ListOriginRequestPoliciesOutput{OriginRequestPolicyList: &types.OriginRequestPolicyList{Items: []types.OriginRequestPolicySummary{{
			OriginRequestPolicy: &types.OriginRequestPolicy{Id: aws.String("orp-1"), OriginRequestPolicyConfig: &types.OriginRequestPolicyConfig{Name: aws.String("all-viewer"),
				HeadersConfig: &types.OriginRequestPolicyHeadersConfig{HeaderBehavior: types.OriginRequestPolicyHeaderBehaviorAllViewer},
				CookiesConfig: &types.OriginRequestPolicyCookiesConfig{CookieBehavior: types.OriginRequestPolicyCookieBehaviorAll}}}}}}}, nil),
	"ListResponseHeadersPolicies": marked(func(in *cloudfront.ListResponseHeadersPoliciesInput) *string { return in.Marker },
		&cloudfront.ListResponseHeadersPoliciesOutput{ResponseHeadersPolicyList: &types.ResponseHeadersPolicyList{Items: []types.ResponseHeadersPolicySummary{{
			ResponseHeadersPolicy: &types.ResponseHeadersPolicy{Id: aws.String("rhp-1"), ResponseHeadersPolicyConfig: &types.ResponseHeadersPolicyConfig{Name: aws.String("secure"),
				SecurityHeadersConfig: &types.ResponseHeadersPolicySecurityHeadersConfig{StrictTransportSecurity: &types.ResponseHeadersPolicyStrictTransportSecurity{}}}}}}}}, nil),
	"ListCloudFrontOriginAccessIdentities": marked(func(in *cloudfront.ListCloudFrontOriginAccessIdentitiesInput) *string { return in.Marker },
		&cloudfront.ListCloudFrontOriginAccessIdentitiesOutput{CloudFrontOriginAccessIdentityList: &types.CloudFrontOriginAccessIdentityList{IsTruncated: aws.Bool(true),
			NextMarker: aws.String("2"), Items: []types.CloudFrontOriginAccessIdentitySummary{{Id: aws.String("E1"), Comment: aws.String("assets"), S3CanonicalUserId: aws.String("abc")}}}},
		&cloudfront.ListCloudFrontOriginAccessIdentitiesOutput{CloudFrontOriginAccessIdentityList: &types.CloudFrontOriginAccessIdentityList{IsTruncated: aws.Bool(false),
			Items: []types.CloudFrontOriginAccessIdentitySummary{{Id: aws.String("E2"), Comment: aws.String("media")}}}}),
	"ListRealtimeLogConfigs": marked(func(in *cloudfront.ListRealtimeLogConfigsInput) *string { return in.Marker },
		&cloudfront.ListRealtimeLogConfigsOutput{RealtimeLogConfigs: &types.RealtimeLogConfigs{Items: []types.RealtimeLogConfig{{Name: aws.String("edge-logs"),
			ARN: aws.String("arn:aws:cloudfront::" + cloudfrontAccount + ":realtime-log-config/edge-logs"), SamplingRate: aws.Int64(5), Fields: []string{"timestamp", "c-ip"},
			EndPoints: []types.EndPoint{{StreamType: aws.String("Kinesis"), KinesisStreamConfig: &types.KinesisStreamConfig{
				StreamARN: aws.String("arn:aws:kinesis:eu-west-1:" + cloudfrontAccount + ":stream/edge"), RoleARN: aws.String("arn:aws:iam::" + cloudfrontAccount + ":role/cf-logs")}}}}}}}, nil),
}

func runConfig(t *testing.T, typ string, want int) collecttest.Result {
	t.Helper()
	cfg := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Canned(configs)})
	got := collecttest.Run(t, cfg, collector.Service, typ, model.GlobalRegion)
	if got.Err != nil || len(got.Resources) != want {
		t.Fatalf("%s: %v, %d resources, want %d", typ, got.Err, len(got.Resources), want)
	}
	collecttest.AssertNoWarnings(t, got)
	return got
}

func TestCloudfrontFunctionsAndPolicies(t *testing.T) {
	collecttest.Setup(t)
	f := runConfig(t, "function", 2).ByID()["rewrite"]
	if f.ARN != "arn:aws:cloudfront::"+cloudfrontAccount+":function/rewrite" || f.Details["status"] != "DEPLOYED" || f.Details["runtime"] != "cloudfront-js-2.0" ||
		f.CreatedAt != "2026-05-01T12:00:00Z" || f.Region != model.GlobalRegion {
		t.Errorf("function: %+v", f)
	}
	c := runConfig(t, "cache-policy", 2).ByID()["cp-1"]
	if c.Name != "short" || c.Details["default_ttl"] != int64(60) || c.Details["max_ttl"] != int64(300) || c.ARN != "arn:aws:cloudfront::"+cloudfrontAccount+":cache-policy/cp-1" {
		t.Errorf("cache policy: %+v", c)
	}
	o := runConfig(t, "origin-request-policy", 1).ByID()["orp-1"]
	if o.Details["header_behavior"] != "allViewer" || o.Details["cookie_behavior"] != "all" || o.Details["query_string_behavior"] != "" {
		t.Errorf("origin request policy: %+v", o)
	}
	r := runConfig(t, "response-headers-policy", 1).ByID()["rhp-1"]
	if r.Details["hsts"] != true || r.Details["content_security_policy"] != false || r.Details["cors"] != false {
		t.Errorf("response headers policy: %+v", r)
	}
}

func TestCloudfrontOriginAccessAndLogs(t *testing.T) {
	collecttest.Setup(t)
	api := cloudfront.NewFromConfig(collecttest.Config(t, "us-east-1", nil))
	for i := range 6 {
		if _, err := api.CreateOriginAccessControl(context.Background(), &cloudfront.CreateOriginAccessControlInput{OriginAccessControlConfig: &types.OriginAccessControlConfig{
			Name: aws.String(fmt.Sprint("oac-", i)), OriginAccessControlOriginType: types.OriginAccessControlOriginTypesS3,
			SigningBehavior: types.OriginAccessControlSigningBehaviorsAlways, SigningProtocol: types.OriginAccessControlSigningProtocolsSigv4}}); err != nil {
			t.Fatal(err)
		}
	}
	got := runConfig(t, "origin-access-control", 6)
	for _, o := range got.Resources {
		if o.Details["origin_type"] != "s3" || o.Details["signing_behavior"] != "always" || o.Name == "" {
			t.Errorf("OAC: %+v", o)
		}
	}
	if oai := runConfig(t, "origin-access-identity", 2).ByID()["E1"]; oai.Details["s3_canonical_user_id"] != "abc" || oai.Name != "assets" {
		t.Errorf("OAI: %+v", oai)
	}
	got = runConfig(t, "realtime-log-config", 1)
	if l := got.ByID()["edge-logs"]; l.Details["sampling_rate"] != int64(5) || fmt.Sprint(l.Details["streams"]) != "[arn:aws:kinesis:eu-west-1:"+cloudfrontAccount+":stream/edge]" {
		t.Errorf("log config: %+v", l)
	}
	collecttest.HasEdges(t, got, "edge-logs -streams-to-> kinesis/stream:edge", "edge-logs -assumes-role-> iam/role:cf-logs")
}

func TestCloudfrontKeys(t *testing.T) {
	collecttest.Setup(t)
	api := cloudfront.NewFromConfig(collecttest.Config(t, "us-east-1", nil))
	const pem = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----"
	var keys []string
	for i := range 6 {
		out, err := api.CreatePublicKey(context.Background(), &cloudfront.CreatePublicKeyInput{PublicKeyConfig: &types.PublicKeyConfig{
			CallerReference: aws.String(fmt.Sprint(i)), Name: aws.String(fmt.Sprint("key-", i)), EncodedKey: aws.String(pem), Comment: aws.String("signing")}})
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, aws.ToString(out.PublicKey.Id))
	}
	group, err := api.CreateKeyGroup(context.Background(), &cloudfront.CreateKeyGroupInput{KeyGroupConfig: &types.KeyGroupConfig{Name: aws.String("signers"), Items: keys[:2]}})
	if err != nil {
		t.Fatal(err)
	}
	got := runConfig(t, "public-key", 6)
	if k := got.ByID()[keys[3]]; k.Name != "key-3" || k.CreatedAt == "" || len(k.Details) != 1 { // moto lists keys without their comment
		t.Errorf("public key: %s %s %v", k.Name, k.CreatedAt, k.Details)
	}
	got = runConfig(t, "key-group", 1)
	id := aws.ToString(group.KeyGroup.Id)
	if g := got.ByID()[id]; g.Name != "signers" || fmt.Sprint(g.Details["public_keys"]) != fmt.Sprint(keys[:2]) {
		t.Errorf("key group: %+v", g)
	}
	collecttest.HasEdges(t, got, id+" -uses-> cloudfront/public-key:"+keys[0], id+" -uses-> cloudfront/public-key:"+keys[1])
}

func TestCloudfrontConfigsDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"function": "ListFunctions", "cache-policy": "ListCachePolicies", "origin-request-policy": "ListOriginRequestPolicies",
		"response-headers-policy": "ListResponseHeadersPolicies", "origin-access-control": "ListOriginAccessControls",
		"origin-access-identity": "ListCloudFrontOriginAccessIdentities", "key-group": "ListKeyGroups", "public-key": "ListPublicKeys",
		"realtime-log-config": "ListRealtimeLogConfigs"} {
		cfg := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, model.GlobalRegion))
	}
}
