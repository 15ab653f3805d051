package elbv2

import (
	"context"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	elb "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	"github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// childID is the id of a listener or rule: its load balancer's name (the
// load-balancer type's id) and its own ids, from an ARN whose resource is
// listener/app/NAME/LBID/LISTENERID[/RULEID].
func childID(arn string) string {
	parts := strings.Split(arn, "/")
	if len(parts) < 5 {
		return ""
	}
	return strings.Join(append([]string{parts[2]}, parts[4:]...), "/")
}

// actionTypes lists the actions' types: forward, redirect, fixed-response, authenticate-oidc, ...
func actionTypes(as []types.Action) []string {
	out := []string{}
	for _, a := range as {
		out = append(out, string(a.Type))
	}
	return out
}

// relateActions relates key to the target groups the actions forward to.
func relateActions(t *collect.Task, key model.Key, as []types.Action) {
	for _, a := range as {
		t.Relate(key, "routes-to", t.Key("target-group", nameFromARN(aws.ToString(a.TargetGroupArn))))
		if a.ForwardConfig != nil {
			for _, tg := range a.ForwardConfig.TargetGroups {
				t.Relate(key, "routes-to", t.Key("target-group", nameFromARN(aws.ToString(tg.TargetGroupArn))))
			}
		}
	}
}

func certificateARNs(cs []types.Certificate) []string {
	return collect.IDs(cs, func(c types.Certificate) *string { return c.CertificateArn })
}

// relateCertificates relates key to its ACM certificates; listeners may also
// use IAM server certificates, which are not ACM resources.
func relateCertificates(t *collect.Task, key model.Key, cs []types.Certificate) {
	for _, c := range certificateARNs(cs) {
		if strings.Contains(c, ":acm:") {
			t.Relate(key, "uses-certificate", t.Ref("acm", "certificate", collect.ARNResourceName(c)))
		}
	}
}

// eachListener calls fn with the listeners of every load balancer, one
// load balancer's listeners at a time, load balancers concurrently. A
// failed listing of the load balancers fails the collection after the
// listeners of those it did read.
func eachListener(ctx context.Context, t *collect.Task, api *elb.Client, fn func(ctx context.Context, ls []types.Listener)) error {
	lbs, err := listedLoadBalancers(ctx, t, api)
	collect.ForEach(ctx, lbs, func(ctx context.Context, lb types.LoadBalancer) {
		ls, err := describeListeners(ctx, t, api, lb.LoadBalancerArn)
		if err != nil {
			t.Warn("DescribeListeners", err)
			return
		}
		fn(ctx, ls)
	})
	return err
}

var listenerFields = collect.Fields[types.Listener]{
	collect.Int("port", "port the load balancer listens on", func(l types.Listener) *int32 { return l.Port }),
	collect.Enum("protocol", "HTTP, HTTPS, TCP, TLS, UDP, TCP_UDP or GENEVE", func(l types.Listener) types.ProtocolEnum { return l.Protocol }),
	collect.Text("ssl_policy", "security policy of HTTPS and TLS listeners (ciphers and TLS versions)", func(l types.Listener) *string { return l.SslPolicy }),
	collect.Computed("certificate_arns", model.JSON, "certificates (ACM or IAM) of HTTPS and TLS listeners", func(l types.Listener) any {
		return certificateARNs(l.Certificates)
	}),
	collect.Computed("alpn_policy", model.JSON, "ALPN policy of TLS listeners", func(l types.Listener) any { return append([]string{}, l.AlpnPolicy...) }),
	collect.Computed("mutual_authentication", model.Text, "mTLS mode of HTTPS listeners: off, passthrough or verify", func(l types.Listener) any {
		if l.MutualAuthentication == nil {
			return ""
		}
		return aws.ToString(l.MutualAuthentication.Mode)
	}),
	collect.Computed("trust_store_arn", model.Text, "trust store verifying client certificates (mTLS verify mode)", func(l types.Listener) any {
		if l.MutualAuthentication == nil {
			return ""
		}
		return aws.ToString(l.MutualAuthentication.TrustStoreArn)
	}),
	collect.Computed("default_actions", model.JSON, "types of the default actions: forward, redirect, fixed-response, authenticate-oidc, ...", func(l types.Listener) any { return actionTypes(l.DefaultActions) }),
	collect.Text("load_balancer_arn", "load balancer of the listener", func(l types.Listener) *string { return l.LoadBalancerArn }),
}

// listenerName is what a listener is known by: its protocol and port (HTTPS:443).
func listenerName(l types.Listener) string {
	return fmt.Sprintf("%s:%d", l.Protocol, aws.ToInt32(l.Port))
}

func listeners(ctx context.Context, t *collect.Task) error {
	api := client(t)
	return eachListener(ctx, t, api, func(ctx context.Context, ls []types.Listener) {
		arns := collect.IDs(ls, func(l types.Listener) *string { return l.ListenerArn })
		tags := tagsByARN(ctx, t, api, arns)
		for _, l := range ls {
			arn := aws.ToString(l.ListenerArn)
			key := t.Key("listener", childID(arn))
			t.Emit(&model.Resource{Key: key, ARN: arn, Name: listenerName(l), Tags: tags[arn], Details: listenerFields.Details(l)})
			relateActions(t, key, l.DefaultActions)
			t.Relate(key, "in", t.Key("load-balancer", nameFromARN(aws.ToString(l.LoadBalancerArn))))
			relateCertificates(t, key, l.Certificates)
			if l.MutualAuthentication != nil {
				t.Relate(key, "uses-trust-store", t.Key("trust-store", nameFromARN(aws.ToString(l.MutualAuthentication.TrustStoreArn))))
			}
		}
	})
}

// condition is one condition of a listener rule.
type condition struct {
	Field  string   `json:"field"`
	Values []string `json:"values"`
}

// conditionValues are the values a condition matches, from whichever of
// its per-field configurations AWS filled (Values is the legacy form).
func conditionValues(c types.RuleCondition) []string {
	vs := append([]string{}, c.Values...)
	switch {
	case c.HostHeaderConfig != nil:
		vs = append(vs, c.HostHeaderConfig.Values...)
	case c.PathPatternConfig != nil:
		vs = append(vs, c.PathPatternConfig.Values...)
	case c.HttpRequestMethodConfig != nil:
		vs = append(vs, c.HttpRequestMethodConfig.Values...)
	case c.SourceIpConfig != nil:
		vs = append(vs, c.SourceIpConfig.Values...)
	case c.HttpHeaderConfig != nil:
		for _, v := range c.HttpHeaderConfig.Values {
			vs = append(vs, aws.ToString(c.HttpHeaderConfig.HttpHeaderName)+": "+v)
		}
	case c.QueryStringConfig != nil:
		for _, kv := range c.QueryStringConfig.Values {
			vs = append(vs, aws.ToString(kv.Key)+"="+aws.ToString(kv.Value))
		}
	}
	return vs
}

var ruleFields = collect.Fields[types.Rule]{
	collect.Text("priority", "evaluation order (1 first), or default for the listener's default rule", func(r types.Rule) *string { return r.Priority }),
	collect.Bool("is_default", "the listener's default rule, applied when no other rule matches", func(r types.Rule) *bool { return r.IsDefault }),
	collect.Computed("conditions", model.JSON, "conditions: [{field (host-header, path-pattern, source-ip, ...), values}]", func(r types.Rule) any {
		out := []condition{}
		for _, c := range r.Conditions {
			out = append(out, condition{Field: aws.ToString(c.Field), Values: conditionValues(c)})
		}
		return out
	}),
	collect.Computed("actions", model.JSON, "types of the actions: forward, redirect, fixed-response, authenticate-cognito, ...", func(r types.Rule) any { return actionTypes(r.Actions) }),
}

func listenerRules(ctx context.Context, t *collect.Task) error {
	api := client(t)
	return eachListener(ctx, t, api, func(ctx context.Context, ls []types.Listener) {
		collect.ForEach(ctx, ls, func(ctx context.Context, l types.Listener) {
			p := elb.NewDescribeRulesPaginator(api, &elb.DescribeRulesInput{ListenerArn: l.ListenerArn, PageSize: t.PageSize(400)})
			rules, err := collect.AllItems(ctx, p, func(page *elb.DescribeRulesOutput) []types.Rule { return page.Rules })
			if err != nil {
				t.Warn("DescribeRules", err)
				return
			}
			tags := tagsByARN(ctx, t, api, collect.IDs(rules, func(r types.Rule) *string { return r.RuleArn }))
			listener := t.Key("listener", childID(aws.ToString(l.ListenerArn)))
			for _, r := range rules {
				arn := aws.ToString(r.RuleArn)
				key := t.Key("listener-rule", childID(arn))
				t.Emit(&model.Resource{Key: key, ARN: arn, Name: listenerName(l) + " " + aws.ToString(r.Priority), Tags: tags[arn], Details: ruleFields.Details(r)})
				t.Relate(key, "in", listener)
				relateActions(t, key, r.Actions)
			}
		})
	})
}
