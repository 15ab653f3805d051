package iam

import "testing"

func TestIsCustomerPolicy(t *testing.T) {
	tests := map[string]bool{
		"arn:aws:iam::123456789012:policy/app":          true,
		"arn:aws-cn:iam::123456789012:policy/app":       true,
		"arn:aws:iam::aws:policy/AdministratorAccess":   false,
		"arn:aws-cn:iam::aws:policy/ReadOnlyAccess":     false,
		"arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess": false,
		"": false,
	}
	for arn, want := range tests {
		if got := isCustomerPolicy(arn); got != want {
			t.Errorf("isCustomerPolicy(%q) = %v, want %v", arn, got, want)
		}
	}
}
