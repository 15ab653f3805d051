package cli

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestSchemaIsAligned: field types and descriptions start in the same
// column for every field, however long its name; with --width the
// descriptions wrap under their column.
func TestSchemaIsAligned(t *testing.T) {
	t.Parallel()
	field := regexp.MustCompile(`^    (\S+)(\s+)(\S+)(\s+)`)
	_, out, _ := awsmap(t, "schema")
	typeCol, descCol := -1, -1
	for _, l := range strings.Split(out, "\n") {
		m := field.FindStringSubmatchIndex(l)
		if m == nil {
			continue
		}
		if typeCol < 0 {
			typeCol, descCol = m[6], m[9]
		}
		if m[6] != typeCol || m[9] != descCol {
			t.Fatalf("misaligned (type at %d, description at %d; want %d, %d): %q", m[6], m[9], typeCol, descCol, l)
		}
	}
	if typeCol < 0 {
		t.Fatal("no field lines")
	}
	_, out, _ = awsmap(t, "schema", "--width", "80", "s3/bucket")
	for _, l := range strings.Split(out, "\n") {
		if utf8.RuneCountInString(l) > 80 && !strings.HasPrefix(l, "s3/bucket") {
			t.Errorf("line of %d at --width 80: %q", utf8.RuneCountInString(l), l)
		}
	}
}
