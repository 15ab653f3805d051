package ec2

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var capacityReservationFields = collect.Fields[types.CapacityReservation]{
	collect.Text("instance_type", "instance type reserved", func(c types.CapacityReservation) *string { return c.InstanceType }),
	collect.Enum("platform", "operating system of the reserved instances", func(c types.CapacityReservation) types.CapacityReservationInstancePlatform { return c.InstancePlatform }),
	collect.Text("availability_zone", "zone of the reservation", func(c types.CapacityReservation) *string { return c.AvailabilityZone }),
	collect.Enum("state", "active, expired, cancelled, pending, failed, scheduled, ...", func(c types.CapacityReservation) types.CapacityReservationState { return c.State }),
	collect.Int("total_instance_count", "instances reserved (paid for whether used or not)", func(c types.CapacityReservation) *int32 { return c.TotalInstanceCount }),
	collect.Int("available_instance_count", "reserved instances not in use", func(c types.CapacityReservation) *int32 { return c.AvailableInstanceCount }),
	collect.Enum("tenancy", "default or dedicated", func(c types.CapacityReservation) types.CapacityReservationTenancy { return c.Tenancy }),
	collect.Enum("instance_match_criteria", "open (any matching instance uses it) or targeted", func(c types.CapacityReservation) types.InstanceMatchCriteria { return c.InstanceMatchCriteria }),
	collect.Enum("end_date_type", "unlimited or limited (ends at end_date)", func(c types.CapacityReservation) types.EndDateType { return c.EndDateType }),
	collect.Timestamp("end_date", "when a limited reservation ends", func(c types.CapacityReservation) *time.Time { return c.EndDate }),
	collect.Enum("reservation_type", "default or capacity-block", func(c types.CapacityReservation) types.CapacityReservationType { return c.ReservationType }),
	collect.Text("owner_id", "owning account (reservations can be shared)", func(c types.CapacityReservation) *string { return c.OwnerId }),
}

func capacityReservations(ctx context.Context, t *collect.Task) error {
	p := ec2.NewDescribeCapacityReservationsPaginator(client(t), &ec2.DescribeCapacityReservationsInput{MaxResults: t.PageSize(1000)})
	return eachPage(ctx, p, func(page *ec2.DescribeCapacityReservationsOutput) {
		for _, c := range page.CapacityReservations {
			id := aws.ToString(c.CapacityReservationId)
			key := t.Key("capacity-reservation", id)
			t.Emit(&model.Resource{Key: key, ARN: firstOf(c.CapacityReservationArn, aws.String(arn(t, c.OwnerId, "capacity-reservation/"+id))), Name: nameTag(c.Tags),
				CreatedAt: model.Time(c.CreateDate), Tags: tags(c.Tags), Details: capacityReservationFields.Details(c)})
			t.Relate(key, "in-placement-group", t.Key("placement-group", collect.ARNResourceName(aws.ToString(c.PlacementGroupArn))))
		}
	})
}
