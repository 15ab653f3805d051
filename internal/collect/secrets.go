package collect

import "strings"

// SecretName is the name of the Secrets Manager secret an ARN names
// (arn:...:secret:NAME-AbCdEf: AWS appends six random characters); "" for
// anything else. The secret's value is never read.
func SecretName(arn string) string {
	_, name, ok := strings.Cut(arn, ":secret:")
	if !ok || len(name) < 8 || name[len(name)-7] != '-' {
		return ""
	}
	return name[:len(name)-7]
}
