package awsx

import "strings"

// partitions are the AWS partitions other than "aws", by region name prefix
// (the regionRegex of the SDK's partitions.json), each with the region
// awsmap calls global services in.
var partitions = []struct{ prefix, name, home string }{
	{"cn-", "aws-cn", "cn-north-1"},
	{"us-gov-", "aws-us-gov", "us-gov-west-1"},
	{"us-iso-", "aws-iso", "us-iso-east-1"},
	{"us-isob-", "aws-iso-b", "us-isob-east-1"},
	{"us-isof-", "aws-iso-f", "us-isof-south-1"},
	{"eu-isoe-", "aws-iso-e", "eu-isoe-west-1"},
	{"eusc-", "aws-eusc", "eusc-de-east-1"},
}

// Partition is the partition region belongs to, as ARNs spell it: "aws",
// or "aws-cn", "aws-us-gov"... An empty region is in "aws".
func Partition(region string) string {
	name, _ := partitionOf(region)
	return name
}

// HomeRegion is the region of region's partition that global services (IAM,
// Route 53, Organizations, CloudFront) and the S3 bucket listing are called
// in: us-east-1 in "aws". Global services are one per partition: a China
// account's IAM answers in cn-north-1 only.
func HomeRegion(region string) string {
	_, home := partitionOf(region)
	return home
}

func partitionOf(region string) (name, home string) {
	for _, p := range partitions {
		if strings.HasPrefix(region, p.prefix) {
			return p.name, p.home
		}
	}
	return "aws", DefaultRegion
}
