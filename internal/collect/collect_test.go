package collect

import "testing"

func TestKMSKeyIn(t *testing.T) {
	const id = "1234abcd-12ab-34cd-56ef-1234567890ab"
	cases := map[string]string{
		"arn:aws:kms:us-west-2:111122223333:key/" + id: "111122223333/us-west-2/kms/key/" + id,
		id:                                  "123456789012/eu-west-1/kms/key/" + id,
		"alias/app":                         "////",
		"arn:aws:kms:eu-west-1:1:alias/app": "////",
		"":                                  "////",
	}
	for in, want := range cases {
		if got := KMSKeyIn("123456789012", "eu-west-1", in).String(); got != want {
			t.Errorf("KMSKeyIn(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestARNHelpers(t *testing.T) {
	if got := ARNResourceName("arn:aws:iam::1:instance-profile/path/web"); got != "web" {
		t.Errorf("ARNResourceName = %q", got)
	}
	if got := ARN(&Task{Account: "1", Region: "global"}, "iam", "", "role/x"); got != "arn:aws:iam::1:role/x" {
		t.Errorf("global ARN = %q", got)
	}
	if got := FunctionName("arn:aws:lambda:us-east-1:1:function:fn:prod"); got != "fn" {
		t.Errorf("FunctionName = %q", got)
	}
}
