// Package regions knows the names of the AWS regions, so that a mistyped
// region is caught, with a suggestion, before any AWS call.
package regions

import (
	"slices"

	"github.com/awsmap/awsmap/internal/suggest"
)

// known are the regions of every partition, as the AWS SDK's partitions.json
// lists them (TestKnownMatchesTheSDK fails when the SDK knows more).
var known = []string{
	"af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
	"ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
	"ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-central-1", "ca-west-1",
	"eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3",
	"il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1",
	"us-east-1", "us-east-2", "us-west-1", "us-west-2",
	"cn-north-1", "cn-northwest-1",
	"eusc-de-east-1",
	"us-iso-east-1", "us-iso-west-1", "us-isob-east-1", "us-isob-west-1", "eu-isoe-west-1",
	"us-isof-east-1", "us-isof-south-1",
	"us-gov-east-1", "us-gov-west-1",
}

// Known returns the known region names, sorted.
func Known() []string { return slices.Sorted(slices.Values(known)) }

// Check returns an error with the closest names when name is not a region.
func Check(name string) error {
	if slices.Contains(known, name) {
		return nil
	}
	return suggest.Unknown("region", name, known)
}
