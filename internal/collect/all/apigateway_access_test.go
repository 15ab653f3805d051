package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/apigateway"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

func TestApigatewayAccessResources(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "eu-west-1", nil)
	api := apigateway.NewFromConfig(cfg)
	cert := "arn:aws:acm:eu-west-1:" + collecttest.MotoAccount + ":certificate/c-1"
	for i := range 6 {
		if _, err := api.CreateDomainName(ctx, &apigateway.CreateDomainNameInput{DomainName: aws.String(fmt.Sprintf("api%d.example.com", i)),
			RegionalCertificateArn: aws.String(cert), SecurityPolicy: types.SecurityPolicyTls12, Tags: map[string]string{"n": fmt.Sprint(i)},
			EndpointConfiguration: &types.EndpointConfiguration{Types: []types.EndpointType{types.EndpointTypeRegional}}}); err != nil {
			t.Fatal(err)
		}
	}
	nlb := "arn:aws:elasticloadbalancing:eu-west-1:" + collecttest.MotoAccount + ":loadbalancer/net/internal-nlb/50dc6c495c0c9188"
	link, err := api.CreateVpcLink(ctx, &apigateway.CreateVpcLinkInput{Name: aws.String("private"), TargetArns: []string{nlb}, Tags: map[string]string{"team": "api"}})
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]string{}
	for i := range 6 {
		k, err := api.CreateApiKey(ctx, &apigateway.CreateApiKeyInput{Name: aws.String(fmt.Sprintf("partner%d", i)), Enabled: i != 0,
			Value: aws.String(fmt.Sprintf("secret-value-%030d", i)), Tags: map[string]string{"n": fmt.Sprint(i)}})
		if err != nil {
			t.Fatal(err)
		}
		keys[fmt.Sprintf("partner%d", i)] = aws.ToString(k.Id)
	}
	plan, err := api.CreateUsagePlan(ctx, &apigateway.CreateUsagePlanInput{Name: aws.String("gold"), Throttle: &types.ThrottleSettings{RateLimit: 100, BurstLimit: 200},
		Quota: &types.QuotaSettings{Limit: 10000, Period: types.QuotaPeriodTypeMonth}, ApiStages: []types.ApiStage{{ApiId: aws.String("a1"), Stage: aws.String("prod")}}})
	if err != nil {
		t.Fatal(err)
	}

	run := func(typ string, n int) collecttest.Result {
		t.Helper()
		got := collecttest.Run(t, cfg, collector.Service, typ, "eu-west-1")
		if got.Err != nil || len(got.Resources) != n {
			t.Fatalf("%s: %v, %d resources, want %d", typ, got.Err, len(got.Resources), n)
		}
		return got
	}
	dn := run("domain-name", 6)
	d := dn.ByID()["api3.example.com"]
	if d.ARN != "arn:aws:apigateway:eu-west-1::/domainnames/api3.example.com" || d.Tags["n"] != "3" || d.Details["security_policy"] != "TLS_1_2" ||
		d.Details["certificate_arn"] != cert {
		t.Errorf("api3: %s %v %v", d.ARN, d.Tags, d.Details)
	}
	if e, _ := d.Details["endpoint_types"].([]string); len(e) != 1 || e[0] != "REGIONAL" {
		t.Errorf("endpoint_types %v", d.Details["endpoint_types"])
	}
	collecttest.HasEdges(t, dn, "api3.example.com -uses-certificate-> acm/certificate:c-1")

	vl := run("vpc-link", 1)
	l := vl.ByID()[aws.ToString(link.Id)]
	if l.Name != "private" || l.Tags["team"] != "api" {
		t.Errorf("vpc link: %+v", l)
	}
	collecttest.HasEdges(t, vl, aws.ToString(link.Id)+" -targets-> elbv2/load-balancer:internal-nlb")

	ks := run("api-key", 6)
	k := ks.ByID()[keys["partner0"]]
	if k.Name != "partner0" || k.Details["enabled"] != false || k.Tags["n"] != "0" || k.CreatedAt == "" {
		t.Errorf("partner0: %+v", k)
	}
	for _, r := range ks.Resources {
		for f, v := range r.Details {
			if s, ok := v.(string); ok && len(s) > 12 && s[:13] == "secret-value-" {
				t.Errorf("%s stores the key value in %s", r.ID, f)
			}
		}
	}

	ps := run("usage-plan", 1)
	p := ps.ByID()[aws.ToString(plan.Id)]
	if p.Details["rate_limit"] != float64(100) || p.Details["burst_limit"] != int64(200) || p.Details["quota"] != "10000/MONTH" {
		t.Errorf("gold: %v", p.Details)
	}
	collecttest.HasEdges(t, ps, aws.ToString(plan.Id)+" -covers-> apigateway/stage:a1/prod")

	for typ, op := range map[string]string{"domain-name": "GetDomainNames", "vpc-link": "GetVpcLinks", "api-key": "GetApiKeys", "usage-plan": "GetUsagePlans"} {
		cfg := collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, "eu-west-1"))
	}
}
