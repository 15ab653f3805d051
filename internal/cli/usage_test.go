package cli

import (
	"strings"
	"testing"
)

// TestUsageMistakesSuggestAndNameTheHelp: a mistyped command or flag gets
// the closest name and the help of the command it was given to (exit 2).
func TestUsageMistakesSuggestAndNameTheHelp(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want []string
	}{
		{[]string{"qurey"}, []string{`unknown command "qurey" (did you mean query?)`, "Run 'awsmap --help'"}},
		{[]string{"config", "sett", "x"}, []string{`unknown command "sett" (did you mean set`, "Run 'awsmap config --help'"}},
		{[]string{"--regon", "eu-west-1"}, []string{"unknown flag: --regon (did you mean --region?)", "Run 'awsmap --help'"}},
		{[]string{"query", "--bogus"}, []string{"unknown flag: --bogus", "Run 'awsmap query --help'"}},
		{[]string{"waste", "-n"}, []string{"unknown shorthand flag: 'n'", "Run 'awsmap waste --help'"}},
		{[]string{"query", "-n"}, []string{"flag needs an argument", "Run 'awsmap query --help'"}},
		{[]string{"schema", "a", "b"}, []string{"Run 'awsmap schema --help'"}},
	} {
		code, _, errs := awsmap(t, tt.args...)
		if code != ExitUsage {
			t.Errorf("%v: exit %d, want 2", tt.args, code)
		}
		for _, w := range tt.want {
			if !strings.Contains(errs, w) {
				t.Errorf("%v: stderr %q lacks %q", tt.args, errs, w)
			}
		}
	}
}
