package route53

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/route53"
	"github.com/aws/aws-sdk-go-v2/service/route53/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// config reads a field of a health check's configuration, absent when AWS gave none.
func config[V any](get func(c *types.HealthCheckConfig) V) func(h types.HealthCheck) V {
	return func(h types.HealthCheck) V {
		if h.HealthCheckConfig == nil {
			var zero V
			return zero
		}
		return get(h.HealthCheckConfig)
	}
}

var healthCheckFields = collect.Fields[types.HealthCheck]{
	collect.Enum("type", "HTTP, HTTPS, HTTP_STR_MATCH, HTTPS_STR_MATCH, TCP, CALCULATED, CLOUDWATCH_METRIC or RECOVERY_CONTROL",
		config(func(c *types.HealthCheckConfig) types.HealthCheckType { return c.Type })),
	collect.Text("fqdn", "domain name checked", config(func(c *types.HealthCheckConfig) *string { return c.FullyQualifiedDomainName })),
	collect.Text("ip_address", "IP address checked", config(func(c *types.HealthCheckConfig) *string { return c.IPAddress })),
	collect.Int("port", "port checked", config(func(c *types.HealthCheckConfig) *int32 { return c.Port })),
	collect.Text("resource_path", "path requested by HTTP(S) checks", config(func(c *types.HealthCheckConfig) *string { return c.ResourcePath })),
	collect.Int("request_interval", "seconds between checks (10 or 30)", config(func(c *types.HealthCheckConfig) *int32 { return c.RequestInterval })),
	collect.Int("failure_threshold", "consecutive failures that make the endpoint unhealthy", config(func(c *types.HealthCheckConfig) *int32 { return c.FailureThreshold })),
	collect.Bool("disabled", "checks stopped; the endpoint is considered healthy", config(func(c *types.HealthCheckConfig) *bool { return c.Disabled })),
	collect.Bool("inverted", "healthy and unhealthy swapped", config(func(c *types.HealthCheckConfig) *bool { return c.Inverted })),
	collect.Bool("measure_latency", "latency measured and graphed (cannot be changed later)", config(func(c *types.HealthCheckConfig) *bool { return c.MeasureLatency })),
	collect.Computed("regions", model.JSON, "regions checking from (empty: Route 53's default set)", config(func(c *types.HealthCheckConfig) any { return collect.Values(c.Regions) })),
	collect.Computed("child_health_checks", model.JSON, "health checks a CALCULATED check combines", config(func(c *types.HealthCheckConfig) any { return append([]string{}, c.ChildHealthChecks...) })),
	collect.Computed("cloudwatch_alarm", model.Text, "alarm a CLOUDWATCH_METRIC check follows", config(func(c *types.HealthCheckConfig) any {
		if c.AlarmIdentifier == nil {
			return ""
		}
		return aws.ToString(c.AlarmIdentifier.Name)
	})),
	collect.Computed("linked_service", model.Text, "service principal managing the check, if any", func(h types.HealthCheck) any {
		if h.LinkedService == nil {
			return ""
		}
		return aws.ToString(h.LinkedService.ServicePrincipal)
	}),
}

func healthChecks(ctx context.Context, t *collect.Task) error {
	api := route53.NewFromConfig(t.Config)
	p := route53.NewListHealthChecksPaginator(api, &route53.ListHealthChecksInput{MaxItems: t.PageSize(1000)})
	return collect.EachPage(ctx, p, func(page *route53.ListHealthChecksOutput) error {
		rs := make(map[string]*model.Resource, len(page.HealthChecks))
		var ids []string
		for _, h := range page.HealthChecks {
			id := aws.ToString(h.Id)
			key := t.Key("health-check", id)
			rs[id] = &model.Resource{Key: key, ARN: collect.AccountlessARN(t, "route53", "", "healthcheck/"+id), Name: healthCheckName(h),
				Details: healthCheckFields.Details(h)}
			ids = append(ids, id)
			if h.HealthCheckConfig != nil {
				for _, child := range h.HealthCheckConfig.ChildHealthChecks {
					t.Relate(key, "combines", t.Key("health-check", child))
				}
				if a := h.HealthCheckConfig.AlarmIdentifier; a != nil {
					t.Relate(key, "follows", model.Key{Account: t.Account, Region: string(a.Region), Service: "cloudwatch", Type: "alarm", ID: aws.ToString(a.Name)})
				}
			}
		}
		addTags(ctx, t, api, types.TagResourceTypeHealthcheck, rs, ids)
		for _, id := range ids {
			r := rs[id]
			// The console shows a health check by its Name tag, else by what it checks.
			if n := r.Tags["Name"]; n != "" {
				r.Name = n
			}
			t.Emit(r)
		}
		return nil
	})
}

// healthCheckName is what a health check checks: its domain name or address
// and path, or its type for checks of other checks or alarms.
func healthCheckName(h types.HealthCheck) string {
	c := h.HealthCheckConfig
	if c == nil {
		return ""
	}
	host := aws.ToString(c.FullyQualifiedDomainName)
	if host == "" {
		host = aws.ToString(c.IPAddress)
	}
	if host != "" {
		return host + aws.ToString(c.ResourcePath)
	}
	return string(c.Type)
}
