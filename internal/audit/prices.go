package audit

// PricesAsOf is the date of the bundled price table. Prices are public
// on-demand list prices in USD, rounded, without discounts, free tiers or
// savings plans: every cost awsmap shows is an estimate.
const PricesAsOf = "2025-01-01"

// Prices are the unit prices of one region.
type Prices struct {
	EBSGBMonth      map[string]float64 // volume type → USD per GB-month
	SnapshotGBMonth float64            // EBS snapshot, standard tier
	PublicIPv4Hour  float64            // Elastic IP or public IPv4 address, per hour
	NATGatewayHour  float64
	ALBHour         float64
	NLBHour         float64
	CLBHour         float64
	RDSStorageGB    float64 // gp2 storage of a DB instance, single-AZ, GB-month
	RDSSnapshotGB   float64 // backup storage beyond the free allowance, GB-month
	KMSKeyMonth     float64
	LogsGBMonth     float64 // CloudWatch Logs archived storage
	EFSGBMonth      float64 // EFS standard storage
	DynamoWCUHour   float64 // provisioned write capacity unit
	DynamoRCUHour   float64 // provisioned read capacity unit
	// TGWAttachmentHour is a transit gateway attachment, per hour; 0 where
	// the table does not know it (Asia Pacific, South America and Canada
	// charge more than the US and Europe): findings there are unpriced.
	TGWAttachmentHour float64
}

// Prices that are the same in every commercial region.
const (
	SecretMonth              = 0.40 // a Secrets Manager secret (each replica is another)
	PrivateCAMonth           = 400  // an AWS Private CA in general-purpose mode
	PrivateCAShortLivedMonth = 50   // an AWS Private CA in short-lived certificate mode
)

// HoursPerMonth is AWS's billing month.
const HoursPerMonth = 730

// DefaultPriceRegion is used for regions the table does not list.
const DefaultPriceRegion = "us-east-1"

func ebs(gp2, gp3, io1, st1, sc1, standard float64) map[string]float64 {
	return map[string]float64{"gp2": gp2, "gp3": gp3, "io1": io1, "io2": io1, "st1": st1, "sc1": sc1, "standard": standard}
}

// PriceTable holds the prices per region.
var PriceTable = map[string]Prices{
	"us-east-1": {EBSGBMonth: ebs(0.10, 0.08, 0.125, 0.045, 0.015, 0.05), SnapshotGBMonth: 0.05, PublicIPv4Hour: 0.005,
		NATGatewayHour: 0.045, ALBHour: 0.0225, NLBHour: 0.0225, CLBHour: 0.025, RDSStorageGB: 0.115, RDSSnapshotGB: 0.095,
		KMSKeyMonth: 1, LogsGBMonth: 0.03, EFSGBMonth: 0.30, DynamoWCUHour: 0.00065, DynamoRCUHour: 0.00013, TGWAttachmentHour: 0.05},
	"us-east-2": {EBSGBMonth: ebs(0.10, 0.08, 0.125, 0.045, 0.015, 0.05), SnapshotGBMonth: 0.05, PublicIPv4Hour: 0.005,
		NATGatewayHour: 0.045, ALBHour: 0.0225, NLBHour: 0.0225, CLBHour: 0.025, RDSStorageGB: 0.115, RDSSnapshotGB: 0.095,
		KMSKeyMonth: 1, LogsGBMonth: 0.03, EFSGBMonth: 0.30, DynamoWCUHour: 0.00065, DynamoRCUHour: 0.00013, TGWAttachmentHour: 0.05},
	"us-west-1": {EBSGBMonth: ebs(0.12, 0.096, 0.138, 0.054, 0.018, 0.08), SnapshotGBMonth: 0.055, PublicIPv4Hour: 0.005,
		NATGatewayHour: 0.048, ALBHour: 0.0252, NLBHour: 0.0252, CLBHour: 0.028, RDSStorageGB: 0.138, RDSSnapshotGB: 0.095,
		KMSKeyMonth: 1, LogsGBMonth: 0.03, EFSGBMonth: 0.33, DynamoWCUHour: 0.000725, DynamoRCUHour: 0.000145, TGWAttachmentHour: 0.05},
	"us-west-2": {EBSGBMonth: ebs(0.10, 0.08, 0.125, 0.045, 0.015, 0.05), SnapshotGBMonth: 0.05, PublicIPv4Hour: 0.005,
		NATGatewayHour: 0.045, ALBHour: 0.0225, NLBHour: 0.0225, CLBHour: 0.025, RDSStorageGB: 0.115, RDSSnapshotGB: 0.095,
		KMSKeyMonth: 1, LogsGBMonth: 0.03, EFSGBMonth: 0.30, DynamoWCUHour: 0.00065, DynamoRCUHour: 0.00013, TGWAttachmentHour: 0.05},
	"ca-central-1": {EBSGBMonth: ebs(0.11, 0.088, 0.138, 0.05, 0.0165, 0.055), SnapshotGBMonth: 0.055, PublicIPv4Hour: 0.005,
		NATGatewayHour: 0.05, ALBHour: 0.02475, NLBHour: 0.02475, CLBHour: 0.0275, RDSStorageGB: 0.127, RDSSnapshotGB: 0.095,
		KMSKeyMonth: 1, LogsGBMonth: 0.033, EFSGBMonth: 0.33, DynamoWCUHour: 0.000715, DynamoRCUHour: 0.000143},
	"eu-west-1": {EBSGBMonth: ebs(0.11, 0.088, 0.138, 0.05, 0.0168, 0.055), SnapshotGBMonth: 0.05, PublicIPv4Hour: 0.005,
		NATGatewayHour: 0.048, ALBHour: 0.0252, NLBHour: 0.0252, CLBHour: 0.028, RDSStorageGB: 0.127, RDSSnapshotGB: 0.095,
		KMSKeyMonth: 1, LogsGBMonth: 0.03, EFSGBMonth: 0.33, DynamoWCUHour: 0.000735, DynamoRCUHour: 0.000147, TGWAttachmentHour: 0.05},
	"eu-west-2": {EBSGBMonth: ebs(0.116, 0.0928, 0.145, 0.053, 0.0174, 0.058), SnapshotGBMonth: 0.053, PublicIPv4Hour: 0.005,
		NATGatewayHour: 0.05, ALBHour: 0.0264, NLBHour: 0.0264, CLBHour: 0.0294, RDSStorageGB: 0.133, RDSSnapshotGB: 0.095,
		KMSKeyMonth: 1, LogsGBMonth: 0.0315, EFSGBMonth: 0.33, DynamoWCUHour: 0.000772, DynamoRCUHour: 0.000154, TGWAttachmentHour: 0.05},
	"eu-central-1": {EBSGBMonth: ebs(0.119, 0.0952, 0.149, 0.054, 0.018, 0.059), SnapshotGBMonth: 0.054, PublicIPv4Hour: 0.005,
		NATGatewayHour: 0.052, ALBHour: 0.027, NLBHour: 0.027, CLBHour: 0.03, RDSStorageGB: 0.133, RDSSnapshotGB: 0.095,
		KMSKeyMonth: 1, LogsGBMonth: 0.0324, EFSGBMonth: 0.36, DynamoWCUHour: 0.000793, DynamoRCUHour: 0.0001586, TGWAttachmentHour: 0.05},
	"ap-southeast-1": {EBSGBMonth: ebs(0.12, 0.096, 0.138, 0.054, 0.018, 0.08), SnapshotGBMonth: 0.05, PublicIPv4Hour: 0.005,
		NATGatewayHour: 0.059, ALBHour: 0.0252, NLBHour: 0.0252, CLBHour: 0.028, RDSStorageGB: 0.138, RDSSnapshotGB: 0.095,
		KMSKeyMonth: 1, LogsGBMonth: 0.033, EFSGBMonth: 0.36, DynamoWCUHour: 0.00074, DynamoRCUHour: 0.000148},
	"ap-southeast-2": {EBSGBMonth: ebs(0.12, 0.096, 0.138, 0.054, 0.018, 0.08), SnapshotGBMonth: 0.055, PublicIPv4Hour: 0.005,
		NATGatewayHour: 0.059, ALBHour: 0.0252, NLBHour: 0.0252, CLBHour: 0.028, RDSStorageGB: 0.138, RDSSnapshotGB: 0.095,
		KMSKeyMonth: 1, LogsGBMonth: 0.033, EFSGBMonth: 0.36, DynamoWCUHour: 0.00074, DynamoRCUHour: 0.000148},
	"ap-northeast-1": {EBSGBMonth: ebs(0.12, 0.096, 0.142, 0.054, 0.018, 0.08), SnapshotGBMonth: 0.05, PublicIPv4Hour: 0.005,
		NATGatewayHour: 0.062, ALBHour: 0.0243, NLBHour: 0.0243, CLBHour: 0.027, RDSStorageGB: 0.138, RDSSnapshotGB: 0.095,
		KMSKeyMonth: 1, LogsGBMonth: 0.033, EFSGBMonth: 0.36, DynamoWCUHour: 0.000742, DynamoRCUHour: 0.0001484},
	"ap-south-1": {EBSGBMonth: ebs(0.114, 0.0912, 0.131, 0.051, 0.0174, 0.08), SnapshotGBMonth: 0.05, PublicIPv4Hour: 0.005,
		NATGatewayHour: 0.056, ALBHour: 0.0239, NLBHour: 0.0239, CLBHour: 0.0266, RDSStorageGB: 0.131, RDSSnapshotGB: 0.095,
		KMSKeyMonth: 1, LogsGBMonth: 0.0288, EFSGBMonth: 0.33, DynamoWCUHour: 0.00074, DynamoRCUHour: 0.000148},
	"sa-east-1": {EBSGBMonth: ebs(0.19, 0.152, 0.238, 0.086, 0.0285, 0.12), SnapshotGBMonth: 0.068, PublicIPv4Hour: 0.005,
		NATGatewayHour: 0.093, ALBHour: 0.034, NLBHour: 0.034, CLBHour: 0.034, RDSStorageGB: 0.219, RDSSnapshotGB: 0.095,
		KMSKeyMonth: 1, LogsGBMonth: 0.0408, EFSGBMonth: 0.51, DynamoWCUHour: 0.000975, DynamoRCUHour: 0.000195},
}

// PricesFor returns the prices of region, or of DefaultPriceRegion for a
// region the table does not list (global resources included). exact is
// false in that case.
func PricesFor(region string) (p Prices, exact bool) {
	if p, ok := PriceTable[region]; ok {
		return p, true
	}
	return PriceTable[DefaultPriceRegion], false
}

// ebsPrice is the GB-month price of a volume type (gp2 when unknown).
func (p Prices) ebsPrice(volumeType string) float64 {
	if v, ok := p.EBSGBMonth[volumeType]; ok {
		return v
	}
	return p.EBSGBMonth["gp2"]
}
