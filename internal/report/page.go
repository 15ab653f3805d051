package report

import (
	"bufio"
	"compress/gzip"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"os"
	"strings"
)

// The shell's stylesheet and script, inlined into every page. Their
// SHA-256 hashes go into the page's Content-Security-Policy, so that no
// other script or style (an injected one included) can run.
var (
	//go:embed shell.css
	shellCSS string
	//go:embed shell.js
	shellJS string
)

// Page kinds: which view the shell opens with which data.
const (
	KindInventory = "inventory" // Data: *Data
	KindWaste     = "waste"     // Data: an audit.WasteReport
	KindTags      = "tags"      // Data: an audit.TagReport
	KindDiff      = "diff"      // Data: a *diff.Result
)

// Page is one HTML page: the shell, a kind and its data. Lazy, if not
// nil, is data the page decodes after its first paint.
type Page struct {
	Kind  string
	Title string
	Data  any
	Lazy  any
}

// Page returns the inventory page of d; the resources' details, most of
// the data, come after the first paint.
func (d *Data) Page() Page {
	return Page{Kind: KindInventory, Title: d.Meta.Title, Data: d, Lazy: d.Res.Details}
}

// csp forbids every network access (default-src 'none': no fetch, image,
// font, frame or form target), and runs only the shell's own script and
// style, by hash: not 'unsafe-inline', which would also allow injected
// inline scripts and event handler attributes.
func csp() string {
	return fmt.Sprintf("default-src 'none'; script-src '%s'; style-src '%s'; img-src data:; base-uri 'none'; form-action 'none'",
		hash(shellJS), hash(shellCSS))
}

func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// Write writes the page. The data travels as gzipped JSON in base64 (an
// alphabet that cannot close its <script> element); the small header (kind
// and title) as JSON with <, >, &, U+2028 and U+2029 escaped.
func Write(w io.Writer, p Page) error {
	header, err := scriptJSON(map[string]string{"kind": p.Kind, "title": p.Title})
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	fmt.Fprintf(bw, `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="%s">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="awsmap">
<title>%s</title>
<style>%s</style>
</head>
<body>
<noscript>This awsmap report needs JavaScript (it runs locally; nothing is fetched).</noscript>
<script type="application/json" id="awsmap-page">%s</script>
`, csp(), titleText(p.Title), shellCSS, header)
	if err := writeData(bw, "awsmap-data", p.Data); err != nil {
		return err
	}
	if p.Lazy != nil {
		if err := writeData(bw, "awsmap-lazy", p.Lazy); err != nil {
			return err
		}
	}
	fmt.Fprintf(bw, "<script>%s</script>\n</body>\n</html>\n", shellJS)
	return bw.Flush()
}

// writeData writes v as a data element: gzipped JSON in base64.
func writeData(w io.Writer, id string, v any) error {
	fmt.Fprintf(w, `<script type="application/octet-stream" id="%s">`, id)
	b64 := base64.NewEncoder(base64.StdEncoding, w)
	gz, err := gzip.NewWriterLevel(b64, gzip.DefaultCompression)
	if err != nil {
		return err
	}
	if err := json.NewEncoder(gz).Encode(v); err != nil {
		return fmt.Errorf("report: encode data: %w", err)
	}
	if err := errors.Join(gz.Close(), b64.Close()); err != nil {
		return err
	}
	_, err = io.WriteString(w, "</script>\n")
	return err
}

// titleText escapes the title for the <title> element, line separators
// included (harmless in HTML text, but nothing else in the page has them).
func titleText(s string) string {
	return strings.NewReplacer("\u2028", "&#8232;", "\u2029", "&#8233;").Replace(html.EscapeString(s))
}

// scriptJSON encodes v for a <script> element: encoding/json escapes <, >
// and & (so neither </script nor <!-- can appear) and U+2028/U+2029.
func scriptJSON(v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("report: encode page header: %w", err)
	}
	return string(b), nil
}

// WriteFile writes the page to path, created or truncated with mode 0600
// (a report is as sensitive as the inventory).
func WriteFile(path string, p Page) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return fmt.Errorf("report: %w", err)
	}
	if err := Write(f, p); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
