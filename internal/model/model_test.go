package model

import (
	"encoding/json"
	"slices"
	"testing"
)

func TestCatalog(t *testing.T) {
	c := Catalog{
		{Service: "ec2", Type: "instance"},
		{Service: "iam", Type: "user", Scope: Global},
		{Service: "s3", Type: "bucket", Scope: AccountWide},
		{Service: "ec2", Type: "volume"},
	}
	for service, want := range map[string]Scope{"ec2": Regional, "iam": Global, "s3": AccountWide, "nosuch": Regional} {
		if got := c.ScopeOf(service); got != want {
			t.Errorf("ScopeOf(%s) = %v, want %v", service, got, want)
		}
	}
	if got := c.Services(); !slices.Equal(got, []string{"ec2", "iam", "s3"}) {
		t.Errorf("Services() = %v", got)
	}
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	var back Catalog
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back[1].Scope != Global || back[2].Scope != AccountWide {
		t.Errorf("scopes lost in JSON: %s", b)
	}
	if err := json.Unmarshal([]byte(`[{"Scope":"planetary"}]`), &back); err == nil {
		t.Error("an unknown scope was accepted")
	}
}
