package awsx

import "testing"

func TestPartition(t *testing.T) {
	tests := []struct{ region, partition, home string }{
		{"us-east-1", "aws", "us-east-1"},
		{"eu-west-1", "aws", "us-east-1"},
		{"", "aws", "us-east-1"},
		{"cn-northwest-1", "aws-cn", "cn-north-1"},
		{"us-gov-east-1", "aws-us-gov", "us-gov-west-1"},
		{"us-iso-west-1", "aws-iso", "us-iso-east-1"},
		{"us-isob-east-1", "aws-iso-b", "us-isob-east-1"},
		{"us-isof-east-1", "aws-iso-f", "us-isof-south-1"},
		{"eu-isoe-west-1", "aws-iso-e", "eu-isoe-west-1"},
		{"eusc-de-east-1", "aws-eusc", "eusc-de-east-1"},
	}
	for _, tt := range tests {
		if got := Partition(tt.region); got != tt.partition {
			t.Errorf("Partition(%q) = %q, want %q", tt.region, got, tt.partition)
		}
		if got := HomeRegion(tt.region); got != tt.home {
			t.Errorf("HomeRegion(%q) = %q, want %q", tt.region, got, tt.home)
		}
	}
}
