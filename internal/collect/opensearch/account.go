package opensearch

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/opensearch"
	"github.com/aws/aws-sdk-go-v2/service/opensearch/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var packageFields = collect.Fields[types.PackageDetails]{
	collect.Enum("package_type", "TXT-DICTIONARY, ZIP-PLUGIN, PACKAGE-LICENSE or PACKAGE-CONFIG", func(p types.PackageDetails) types.PackageType { return p.PackageType }),
	collect.Enum("status", "AVAILABLE, VALIDATING, COPY_FAILED, VALIDATION_FAILED, ...", func(p types.PackageDetails) types.PackageStatus { return p.PackageStatus }),
	collect.Text("description", "description of the package", func(p types.PackageDetails) *string { return p.PackageDescription }),
	collect.Text("version", "latest version of the package", func(p types.PackageDetails) *string { return p.AvailablePackageVersion }),
	collect.Text("engine_version", "engine version a plugin is built for", func(p types.PackageDetails) *string { return p.EngineVersion }),
	collect.Text("owner", "account or vendor owning the package", func(p types.PackageDetails) *string { return p.PackageOwner }),
	collect.Timestamp("last_updated", "last update of the package", func(p types.PackageDetails) *time.Time { return p.LastUpdatedAt }),
}

// packages lists the packages (dictionaries, plugins) uploaded to the
// region, for association with domains.
func packages(ctx context.Context, t *collect.Task) error {
	p := opensearch.NewDescribePackagesPaginator(opensearch.NewFromConfig(t.Config), &opensearch.DescribePackagesInput{MaxResults: *t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *opensearch.DescribePackagesOutput) error {
		for _, pk := range page.PackageDetailsList {
			id := aws.ToString(pk.PackageID)
			t.Emit(&model.Resource{Key: t.Key("package", id), ARN: collect.ARN(t, "es", "", "package/"+id), Name: aws.ToString(pk.PackageName),
				CreatedAt: model.Time(pk.CreatedAt), Details: packageFields.Details(pk)})
		}
		return nil
	})
}

var reservedInstanceFields = collect.Fields[types.ReservedInstance]{
	collect.Enum("instance_type", "instance type reserved", func(r types.ReservedInstance) types.OpenSearchPartitionInstanceType { return r.InstanceType }),
	collect.Computed("instance_count", model.Integer, "instances reserved", func(r types.ReservedInstance) any { return int64(r.InstanceCount) }),
	collect.Text("state", "payment-pending, active, payment-failed or retired", func(r types.ReservedInstance) *string { return r.State }),
	collect.Computed("duration_seconds", model.Integer, "term of the reservation", func(r types.ReservedInstance) any { return int64(r.Duration) }),
	collect.Enum("payment_option", "ALL_UPFRONT, PARTIAL_UPFRONT or NO_UPFRONT", func(r types.ReservedInstance) types.ReservedInstancePaymentOption { return r.PaymentOption }),
	collect.Computed("fixed_price", model.Real, "upfront price paid", func(r types.ReservedInstance) any { return aws.ToFloat64(r.FixedPrice) }),
	collect.Computed("usage_price", model.Real, "hourly price charged", func(r types.ReservedInstance) any { return aws.ToFloat64(r.UsagePrice) }),
}

// reservedInstances lists the reserved instance purchases (id = reservation
// id; AWS gives them no ARN).
func reservedInstances(ctx context.Context, t *collect.Task) error {
	p := opensearch.NewDescribeReservedInstancesPaginator(opensearch.NewFromConfig(t.Config), &opensearch.DescribeReservedInstancesInput{MaxResults: *t.PageSize(100)})
	return collect.EachPage(ctx, p, func(page *opensearch.DescribeReservedInstancesOutput) error {
		for _, r := range page.ReservedInstances {
			t.Emit(&model.Resource{Key: t.Key("reserved-instance", aws.ToString(r.ReservedInstanceId)), Name: aws.ToString(r.ReservationName),
				CreatedAt: model.Time(r.StartTime), Details: reservedInstanceFields.Details(r)})
		}
		return nil
	})
}
