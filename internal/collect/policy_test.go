package collect

import "testing"

func TestPolicyIsPublic(t *testing.T) {
	stmt := func(s string) string { return `{"Version":"2012-10-17","Statement":` + s + `}` }
	for _, c := range []struct {
		name, policy string
		want         any
	}{
		{"no policy", "", false},
		{"not JSON", "{", nil},
		{"Principal *", stmt(`[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject"}]`), true},
		{"one statement, not a list", stmt(`{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"x"}`), true},
		{"AWS list with *", stmt(`[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::1:root","*"]},"Action":"x"}]`), true},
		{"NotPrincipal", stmt(`[{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::1:root"},"Action":"x"}]`), true},
		{"Deny *", stmt(`[{"Effect":"Deny","Principal":"*","Action":"x"}]`), false},
		{"an account", stmt(`[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::1:root"},"Action":"x"}]`), false},
		{"restricted to an organization", stmt(`[{"Effect":"Allow","Principal":"*","Action":"x","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-1"}}}]`), false},
		{"a condition that restricts no one", stmt(`[{"Effect":"Allow","Principal":"*","Action":"x","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]`), true},
	} {
		if got := PolicyIsPublic(c.policy); got != c.want {
			t.Errorf("%s: PolicyIsPublic = %v, want %v", c.name, got, c.want)
		}
	}
}
