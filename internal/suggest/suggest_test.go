package suggest

import (
	"reflect"
	"testing"
)

func TestClosest(t *testing.T) {
	regions := []string{"us-east-1", "us-east-2", "us-west-1", "eu-west-1", "eu-central-1"}
	services := []string{"ec2", "ecs", "eks", "s3", "iam", "lambda", "elbv2"}
	tests := []struct {
		in      string
		options []string
		want    []string
	}{
		{"us-east-3", regions, []string{"us-east-1", "us-east-2", "us-west-1"}},
		{"eu-wst-1", regions, []string{"eu-west-1", "us-west-1", "us-east-1"}},
		{"lamda", services, []string{"lambda"}},
		{"ec3", services, []string{"ec2", "ecs", "eks"}},
		{"zzzzzzzz", services, []string{}},
	}
	for _, tt := range tests {
		got := Closest(tt.in, tt.options, 3)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Closest(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestUnknown(t *testing.T) {
	err := Unknown("service", "lamda", []string{"lambda", "s3"})
	if err.Error() != `unknown service "lamda" (did you mean lambda?)` {
		t.Fatal(err)
	}
}
