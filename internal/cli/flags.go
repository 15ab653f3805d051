package cli

import (
	"strings"

	"github.com/spf13/pflag"
)

// viewFlags are the flags the offline commands share: which state of the
// inventory (--scan), which account (-a) and the output format (-f).
// Commands embed it and register the ones they take.
type viewFlags struct {
	scan, format string
	accounts     accountFlags // -a and --ou
}

// addScan registers --scan; verb says what the command does with the state.
func (v *viewFlags) addScan(fl *pflag.FlagSet, verb string) {
	fl.StringVar(&v.scan, "scan", "latest", "state to "+verb+": "+selectorHelp)
}

// addAccount registers -a/--account and --ou (see accountFlags).
func (v *viewFlags) addAccount(fl *pflag.FlagSet) {
	v.accounts.register(fl)
}

// addFormat registers -f/--format with the formats the command writes, the
// first being the default.
func (v *viewFlags) addFormat(fl *pflag.FlagSet, formats ...string) {
	fl.StringVarP(&v.format, "format", "f", formats[0], "output format: "+strings.Join(formats, ", "))
}
