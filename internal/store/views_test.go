package store

import (
	"testing"

	"github.com/awsmap/awsmap/internal/model"
)

func TestViewColumnRenamesBaseColumns(t *testing.T) {
	param := model.TypeInfo{Service: "ssm", Type: "parameter", Fields: []model.Field{{Name: "type"}, {Name: "tier"}}}
	lb := model.TypeInfo{Service: "elbv2", Type: "load-balancer", Fields: []model.Field{{Name: "type"}}}
	tests := []struct {
		t    model.TypeInfo
		f    model.Field
		want string
	}{
		{param, param.Fields[0], "parameter_type"},
		{param, param.Fields[1], "tier"},
		{lb, lb.Fields[0], "load_balancer_type"},
	}
	for _, tt := range tests {
		if got := ViewColumn(tt.t, tt.f); got != tt.want {
			t.Errorf("ViewColumn(%s, %s) = %q, want %q", tt.t.Type, tt.f.Name, got, tt.want)
		}
	}
	if err := CheckTypes([]model.TypeInfo{param, lb}); err != nil {
		t.Errorf("renamed fields still rejected: %v", err)
	}
	dup := model.TypeInfo{Service: "x", Type: "y", Fields: []model.Field{{Name: "a"}, {Name: "a"}}}
	if err := CheckTypes([]model.TypeInfo{dup}); err == nil {
		t.Error("duplicate field accepted")
	}
}
