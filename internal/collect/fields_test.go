package collect

import (
	"reflect"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/awsmap/awsmap/internal/model"
)

type state string

func (state) Values() []state { return []state{"up", "down"} }

type item struct {
	Name    *string
	State   state
	Created *time.Time
	Size    *int32
	On      *bool
	Ports   []int
}

var itemFields = Fields[item]{
	Text("name", "the name", func(i item) *string { return i.Name }),
	Enum("state", "the state", func(i item) state { return i.State }),
	Timestamp("created", "creation time", func(i item) *time.Time { return i.Created }),
	Int("size", "the size", func(i item) *int32 { return i.Size }),
	Bool("on", "whether on", func(i item) *bool { return i.On }),
	Computed("ports", model.JSON, "open ports", func(i item) any {
		if len(i.Ports) == 1 && i.Ports[0] < 0 {
			return nil // not known
		}
		return i.Ports
	}),
	When(func(i item) bool { return i.On != nil }, Bool("on_said", "whether on, when AWS said", func(i item) *bool { return i.On })),
	Computed("owner", model.Text, "the owner; null when none", func(i item) any {
		if i.Name == nil {
			return Null
		}
		return "someone"
	}),
}

func TestFields(t *testing.T) {
	created := time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("x", 3600))
	for _, tc := range []struct {
		name string
		in   item
		want map[string]any
	}{
		{"set", item{Name: aws.String("a"), State: "up", Created: &created, Size: aws.Int32(8), On: aws.Bool(true), Ports: []int{22}},
			map[string]any{"name": "a", "state": "up", "created": "2026-01-02T02:04:05Z", "size": int64(8), "on": true, "ports": []int{22}, "on_said": true, "owner": "someone"}},
		{"unset", item{},
			map[string]any{"name": "", "state": "", "created": "", "size": int64(0), "on": false, "ports": []int(nil), "owner": nil}},
		{"unknown", item{Ports: []int{-1}},
			map[string]any{"name": "", "state": "", "created": "", "size": int64(0), "on": false, "owner": nil}},
	} {
		if got := itemFields.Details(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: Details = %#v, want %#v", tc.name, got, tc.want)
		}
	}
	want := []model.Field{
		{Name: "name", Type: model.Text, Description: "the name"},
		{Name: "state", Type: model.Text, Description: "the state", Values: []string{"up", "down"}},
		{Name: "created", Type: model.Timestamp, Description: "creation time"},
		{Name: "size", Type: model.Integer, Description: "the size"},
		{Name: "on", Type: model.Boolean, Description: "whether on"},
		{Name: "ports", Type: model.JSON, Description: "open ports"},
		{Name: "on_said", Type: model.Boolean, Description: "whether on, when AWS said"},
		{Name: "owner", Type: model.Text, Description: "the owner; null when none"},
	}
	if got := itemFields.Declared(); !reflect.DeepEqual(got, want) {
		t.Errorf("Declared = %+v", got)
	}
}
