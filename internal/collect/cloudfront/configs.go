package cloudfront

import (
	"context"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/arn"
	"github.com/aws/aws-sdk-go-v2/service/cloudfront"
	"github.com/aws/aws-sdk-go-v2/service/cloudfront/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// The configurations distributions use: functions, policies, origin
// access, signing keys and real-time logs. None of them takes tags.

// eachMarker pages a CloudFront list call by its Marker (most have no SDK
// paginator), running fn on each page's items.
func eachMarker[I any](ctx context.Context, t *collect.Task, list func(ctx context.Context, marker *string, max *int32) ([]I, *string, error), fn func(I)) error {
	if err := offered(t); err != nil {
		return err
	}
	var marker *string
	for {
		items, next, err := list(ctx, marker, t.PageSize(100))
		if err != nil {
			return err
		}
		for _, it := range items {
			fn(it)
		}
		if aws.ToString(next) == "" || len(items) == 0 {
			return nil
		}
		marker = next
	}
}

// emitConfig emits a configuration of type typ.
func emitConfig(t *collect.Task, typ, id, name string, created *time.Time, details map[string]any) model.Key {
	key := t.Key(typ, id)
	t.Emit(&model.Resource{Key: key, Name: name, ARN: collect.ARN(t, "cloudfront", "", typ+"/"+id), CreatedAt: model.Time(created), Details: details})
	return key
}

func functionConfig(f types.FunctionSummary) types.FunctionConfig {
	if f.FunctionConfig == nil {
		return types.FunctionConfig{}
	}
	return *f.FunctionConfig
}

func functionMetadata(f types.FunctionSummary) types.FunctionMetadata {
	if f.FunctionMetadata == nil {
		return types.FunctionMetadata{}
	}
	return *f.FunctionMetadata
}

var functionFields = collect.Fields[types.FunctionSummary]{
	collect.Text("status", "UNPUBLISHED, UNASSOCIATED (published, used by no distribution) or DEPLOYED", func(f types.FunctionSummary) *string { return f.Status }),
	collect.Enum("runtime", "cloudfront-js-1.0 or cloudfront-js-2.0", func(f types.FunctionSummary) types.FunctionRuntime { return functionConfig(f).Runtime }),
	collect.Computed("comment", model.Text, "function comment", func(f types.FunctionSummary) any { return aws.ToString(functionConfig(f).Comment) }),
	collect.Computed("last_modified", model.Timestamp, "last change of the function", func(f types.FunctionSummary) any { return model.Time(functionMetadata(f).LastModifiedTime) }),
}

func functions(ctx context.Context, t *collect.Task) error {
	api := cloudfront.NewFromConfig(t.Config)
	return eachMarker(ctx, t, func(ctx context.Context, marker *string, max *int32) ([]types.FunctionSummary, *string, error) {
		out, err := api.ListFunctions(ctx, &cloudfront.ListFunctionsInput{Marker: marker, MaxItems: max, Stage: types.FunctionStageDevelopment})
		if err != nil || out.FunctionList == nil {
			return nil, nil, err
		}
		return out.FunctionList.Items, out.FunctionList.NextMarker, nil
	}, func(f types.FunctionSummary) {
		name := aws.ToString(f.Name)
		m := functionMetadata(f)
		t.Emit(&model.Resource{Key: t.Key("function", name), Name: name, ARN: aws.ToString(m.FunctionARN), CreatedAt: model.Time(m.CreatedTime),
			Details: functionFields.Details(f)})
	})
}

func cacheConfig(p types.CachePolicySummary) types.CachePolicyConfig {
	if p.CachePolicy == nil || p.CachePolicy.CachePolicyConfig == nil {
		return types.CachePolicyConfig{}
	}
	return *p.CachePolicy.CachePolicyConfig
}

var cachePolicyFields = collect.Fields[types.CachePolicySummary]{
	collect.Computed("comment", model.Text, "policy comment", func(p types.CachePolicySummary) any { return aws.ToString(cacheConfig(p).Comment) }),
	collect.Computed("min_ttl", model.Integer, "minimum time objects stay cached, seconds", func(p types.CachePolicySummary) any { return aws.ToInt64(cacheConfig(p).MinTTL) }),
	collect.Computed("default_ttl", model.Integer, "time objects stay cached when the origin does not say, seconds", func(p types.CachePolicySummary) any {
		return aws.ToInt64(cacheConfig(p).DefaultTTL)
	}),
	collect.Computed("max_ttl", model.Integer, "maximum time objects stay cached, seconds", func(p types.CachePolicySummary) any { return aws.ToInt64(cacheConfig(p).MaxTTL) }),
}

func cachePolicies(ctx context.Context, t *collect.Task) error {
	api := cloudfront.NewFromConfig(t.Config)
	return eachMarker(ctx, t, func(ctx context.Context, marker *string, max *int32) ([]types.CachePolicySummary, *string, error) {
		out, err := api.ListCachePolicies(ctx, &cloudfront.ListCachePoliciesInput{Marker: marker, MaxItems: max, Type: types.CachePolicyTypeCustom})
		if err != nil || out.CachePolicyList == nil {
			return nil, nil, err
		}
		return out.CachePolicyList.Items, out.CachePolicyList.NextMarker, nil
	}, func(p types.CachePolicySummary) {
		if p.CachePolicy != nil {
			emitConfig(t, "cache-policy", aws.ToString(p.CachePolicy.Id), aws.ToString(cacheConfig(p).Name), nil, cachePolicyFields.Details(p))
		}
	})
}

func originRequestConfig(p types.OriginRequestPolicySummary) types.OriginRequestPolicyConfig {
	if p.OriginRequestPolicy == nil || p.OriginRequestPolicy.OriginRequestPolicyConfig == nil {
		return types.OriginRequestPolicyConfig{}
	}
	return *p.OriginRequestPolicy.OriginRequestPolicyConfig
}

var originRequestPolicyFields = collect.Fields[types.OriginRequestPolicySummary]{
	collect.Computed("comment", model.Text, "policy comment", func(p types.OriginRequestPolicySummary) any { return aws.ToString(originRequestConfig(p).Comment) }),
	collect.Computed("header_behavior", model.Text, "headers sent to the origin: none, whitelist, allViewer, allViewerAndWhitelistCloudFront, allExcept",
		func(p types.OriginRequestPolicySummary) any {
			if h := originRequestConfig(p).HeadersConfig; h != nil {
				return string(h.HeaderBehavior)
			}
			return ""
		}),
	collect.Computed("cookie_behavior", model.Text, "cookies sent to the origin: none, whitelist, all, allExcept", func(p types.OriginRequestPolicySummary) any {
		if c := originRequestConfig(p).CookiesConfig; c != nil {
			return string(c.CookieBehavior)
		}
		return ""
	}),
	collect.Computed("query_string_behavior", model.Text, "query strings sent to the origin: none, whitelist, all, allExcept", func(p types.OriginRequestPolicySummary) any {
		if q := originRequestConfig(p).QueryStringsConfig; q != nil {
			return string(q.QueryStringBehavior)
		}
		return ""
	}),
}

func originRequestPolicies(ctx context.Context, t *collect.Task) error {
	api := cloudfront.NewFromConfig(t.Config)
	return eachMarker(ctx, t, func(ctx context.Context, marker *string, max *int32) ([]types.OriginRequestPolicySummary, *string, error) {
		out, err := api.ListOriginRequestPolicies(ctx, &cloudfront.ListOriginRequestPoliciesInput{Marker: marker, MaxItems: max, Type: types.OriginRequestPolicyTypeCustom})
		if err != nil || out.OriginRequestPolicyList == nil {
			return nil, nil, err
		}
		return out.OriginRequestPolicyList.Items, out.OriginRequestPolicyList.NextMarker, nil
	}, func(p types.OriginRequestPolicySummary) {
		if p.OriginRequestPolicy != nil {
			emitConfig(t, "origin-request-policy", aws.ToString(p.OriginRequestPolicy.Id), aws.ToString(originRequestConfig(p).Name), nil, originRequestPolicyFields.Details(p))
		}
	})
}

func headersConfig(p types.ResponseHeadersPolicySummary) types.ResponseHeadersPolicyConfig {
	if p.ResponseHeadersPolicy == nil || p.ResponseHeadersPolicy.ResponseHeadersPolicyConfig == nil {
		return types.ResponseHeadersPolicyConfig{}
	}
	return *p.ResponseHeadersPolicy.ResponseHeadersPolicyConfig
}

func security(p types.ResponseHeadersPolicySummary) types.ResponseHeadersPolicySecurityHeadersConfig {
	if s := headersConfig(p).SecurityHeadersConfig; s != nil {
		return *s
	}
	return types.ResponseHeadersPolicySecurityHeadersConfig{}
}

var responseHeadersPolicyFields = collect.Fields[types.ResponseHeadersPolicySummary]{
	collect.Computed("comment", model.Text, "policy comment", func(p types.ResponseHeadersPolicySummary) any { return aws.ToString(headersConfig(p).Comment) }),
	collect.Computed("hsts", model.Boolean, "adds Strict-Transport-Security", func(p types.ResponseHeadersPolicySummary) any { return security(p).StrictTransportSecurity != nil }),
	collect.Computed("content_security_policy", model.Boolean, "adds Content-Security-Policy", func(p types.ResponseHeadersPolicySummary) any {
		return security(p).ContentSecurityPolicy != nil
	}),
	collect.Computed("frame_options", model.Boolean, "adds X-Frame-Options", func(p types.ResponseHeadersPolicySummary) any { return security(p).FrameOptions != nil }),
	collect.Computed("cors", model.Boolean, "answers CORS requests", func(p types.ResponseHeadersPolicySummary) any { return headersConfig(p).CorsConfig != nil }),
}

func responseHeadersPolicies(ctx context.Context, t *collect.Task) error {
	api := cloudfront.NewFromConfig(t.Config)
	return eachMarker(ctx, t, func(ctx context.Context, marker *string, max *int32) ([]types.ResponseHeadersPolicySummary, *string, error) {
		out, err := api.ListResponseHeadersPolicies(ctx, &cloudfront.ListResponseHeadersPoliciesInput{Marker: marker, MaxItems: max, Type: types.ResponseHeadersPolicyTypeCustom})
		if err != nil || out.ResponseHeadersPolicyList == nil {
			return nil, nil, err
		}
		return out.ResponseHeadersPolicyList.Items, out.ResponseHeadersPolicyList.NextMarker, nil
	}, func(p types.ResponseHeadersPolicySummary) {
		if p.ResponseHeadersPolicy != nil {
			emitConfig(t, "response-headers-policy", aws.ToString(p.ResponseHeadersPolicy.Id), aws.ToString(headersConfig(p).Name), nil,
				responseHeadersPolicyFields.Details(p))
		}
	})
}

var originAccessControlFields = collect.Fields[types.OriginAccessControlSummary]{
	collect.Enum("origin_type", "s3, mediastore, lambda or mediapackagev2", func(o types.OriginAccessControlSummary) types.OriginAccessControlOriginTypes {
		return o.OriginAccessControlOriginType
	}),
	collect.Enum("signing_behavior", "always, never or no-override (sign unless the viewer sent Authorization)",
		func(o types.OriginAccessControlSummary) types.OriginAccessControlSigningBehaviors {
			return o.SigningBehavior
		}),
	collect.Enum("signing_protocol", "sigv4", func(o types.OriginAccessControlSummary) types.OriginAccessControlSigningProtocols {
		return o.SigningProtocol
	}),
	collect.Text("description", "description", func(o types.OriginAccessControlSummary) *string { return o.Description }),
}

func originAccessControls(ctx context.Context, t *collect.Task) error {
	api := cloudfront.NewFromConfig(t.Config)
	return eachMarker(ctx, t, func(ctx context.Context, marker *string, max *int32) ([]types.OriginAccessControlSummary, *string, error) {
		out, err := api.ListOriginAccessControls(ctx, &cloudfront.ListOriginAccessControlsInput{Marker: marker, MaxItems: max})
		if err != nil || out.OriginAccessControlList == nil {
			return nil, nil, err
		}
		return out.OriginAccessControlList.Items, out.OriginAccessControlList.NextMarker, nil
	}, func(o types.OriginAccessControlSummary) {
		emitConfig(t, "origin-access-control", aws.ToString(o.Id), aws.ToString(o.Name), nil, originAccessControlFields.Details(o))
	})
}

var originAccessIdentityFields = collect.Fields[types.CloudFrontOriginAccessIdentitySummary]{
	collect.Text("comment", "comment", func(o types.CloudFrontOriginAccessIdentitySummary) *string { return o.Comment }),
	collect.Text("s3_canonical_user_id", "canonical user id bucket policies grant", func(o types.CloudFrontOriginAccessIdentitySummary) *string { return o.S3CanonicalUserId }),
}

func originAccessIdentities(ctx context.Context, t *collect.Task) error {
	api := cloudfront.NewFromConfig(t.Config)
	return eachMarker(ctx, t, func(ctx context.Context, marker *string, max *int32) ([]types.CloudFrontOriginAccessIdentitySummary, *string, error) {
		out, err := api.ListCloudFrontOriginAccessIdentities(ctx, &cloudfront.ListCloudFrontOriginAccessIdentitiesInput{Marker: marker, MaxItems: max})
		if err != nil || out.CloudFrontOriginAccessIdentityList == nil {
			return nil, nil, err
		}
		return out.CloudFrontOriginAccessIdentityList.Items, out.CloudFrontOriginAccessIdentityList.NextMarker, nil
	}, func(o types.CloudFrontOriginAccessIdentitySummary) {
		emitConfig(t, "origin-access-identity", aws.ToString(o.Id), aws.ToString(o.Comment), nil, originAccessIdentityFields.Details(o))
	})
}

func keyGroupConfig(g types.KeyGroupSummary) types.KeyGroupConfig {
	if g.KeyGroup == nil || g.KeyGroup.KeyGroupConfig == nil {
		return types.KeyGroupConfig{}
	}
	return *g.KeyGroup.KeyGroupConfig
}

var keyGroupFields = collect.Fields[types.KeyGroupSummary]{
	collect.Computed("comment", model.Text, "comment", func(g types.KeyGroupSummary) any { return aws.ToString(keyGroupConfig(g).Comment) }),
	collect.Computed("public_keys", model.JSON, "ids of the public keys that verify signed URLs and cookies", func(g types.KeyGroupSummary) any {
		return append([]string{}, keyGroupConfig(g).Items...)
	}),
}

func keyGroups(ctx context.Context, t *collect.Task) error {
	api := cloudfront.NewFromConfig(t.Config)
	return eachMarker(ctx, t, func(ctx context.Context, marker *string, max *int32) ([]types.KeyGroupSummary, *string, error) {
		out, err := api.ListKeyGroups(ctx, &cloudfront.ListKeyGroupsInput{Marker: marker, MaxItems: max})
		if err != nil || out.KeyGroupList == nil {
			return nil, nil, err
		}
		return out.KeyGroupList.Items, out.KeyGroupList.NextMarker, nil
	}, func(g types.KeyGroupSummary) {
		if g.KeyGroup == nil {
			return
		}
		key := emitConfig(t, "key-group", aws.ToString(g.KeyGroup.Id), aws.ToString(keyGroupConfig(g).Name), nil, keyGroupFields.Details(g))
		for _, k := range keyGroupConfig(g).Items {
			t.Relate(key, "uses", t.Key("public-key", k))
		}
	})
}

var publicKeyFields = collect.Fields[types.PublicKeySummary]{
	collect.Text("comment", "comment", func(k types.PublicKeySummary) *string { return k.Comment }),
}

func publicKeys(ctx context.Context, t *collect.Task) error {
	api := cloudfront.NewFromConfig(t.Config)
	return eachMarker(ctx, t, func(ctx context.Context, marker *string, max *int32) ([]types.PublicKeySummary, *string, error) {
		out, err := api.ListPublicKeys(ctx, &cloudfront.ListPublicKeysInput{Marker: marker, MaxItems: max})
		if err != nil || out.PublicKeyList == nil {
			return nil, nil, err
		}
		return out.PublicKeyList.Items, out.PublicKeyList.NextMarker, nil
	}, func(k types.PublicKeySummary) {
		emitConfig(t, "public-key", aws.ToString(k.Id), aws.ToString(k.Name), k.CreatedTime, publicKeyFields.Details(k))
	})
}

var realtimeLogFields = collect.Fields[types.RealtimeLogConfig]{
	collect.Int("sampling_rate", "percentage of requests logged, 1-100", func(c types.RealtimeLogConfig) *int64 { return c.SamplingRate }),
	collect.Computed("fields", model.JSON, "request fields logged", func(c types.RealtimeLogConfig) any { return append([]string{}, c.Fields...) }),
	collect.Computed("streams", model.JSON, "ARNs of the Kinesis data streams logs go to", func(c types.RealtimeLogConfig) any {
		out := []string{}
		for _, e := range c.EndPoints {
			if e.KinesisStreamConfig != nil {
				out = append(out, aws.ToString(e.KinesisStreamConfig.StreamARN))
			}
		}
		return out
	}),
}

func realtimeLogConfigs(ctx context.Context, t *collect.Task) error {
	api := cloudfront.NewFromConfig(t.Config)
	return eachMarker(ctx, t, func(ctx context.Context, marker *string, max *int32) ([]types.RealtimeLogConfig, *string, error) {
		out, err := api.ListRealtimeLogConfigs(ctx, &cloudfront.ListRealtimeLogConfigsInput{Marker: marker, MaxItems: max})
		if err != nil || out.RealtimeLogConfigs == nil {
			return nil, nil, err
		}
		return out.RealtimeLogConfigs.Items, out.RealtimeLogConfigs.NextMarker, nil
	}, func(c types.RealtimeLogConfig) {
		name := aws.ToString(c.Name)
		key := t.Key("realtime-log-config", name)
		t.Emit(&model.Resource{Key: key, Name: name, ARN: aws.ToString(c.ARN), Details: realtimeLogFields.Details(c)})
		for _, e := range c.EndPoints {
			if k := e.KinesisStreamConfig; k != nil {
				if stream, err := arn.Parse(aws.ToString(k.StreamARN)); err == nil {
					t.Relate(key, "streams-to", model.Key{Account: stream.AccountID, Region: stream.Region, Service: "kinesis", Type: "stream",
						ID: strings.TrimPrefix(stream.Resource, "stream/")})
				}
				if role := aws.ToString(k.RoleARN); role != "" {
					t.Relate(key, "assumes-role", t.Role(role))
				}
			}
		}
	})
}
