package diff

import (
	"html/template"
	"io"
)

// page is a self-contained diff page: no script, no external resource;
// html/template escapes every value.
var page = template.Must(template.New("diff").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>awsmap diff: scan {{.From.ID}} to scan {{.To.ID}}</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}
.added{color:#176f2c}.removed{color:#b3261e}.modified{color:#8a5a00}.unknown{color:#555;font-style:italic}
code{font-size:13px;word-break:break-all}
</style></head><body>
<h1>Changes from scan {{.From.ID}} ({{.From.StartedAt}}) to scan {{.To.ID}} ({{.To.StartedAt}})</h1>
{{with .Totals}}<p>{{.Added}} added, {{.Removed}} removed, {{.Modified}} modified, {{.Unknown}} unknown.</p>{{end}}
{{if .Incomplete}}<h2>Unknown</h2><ul>{{range .Incomplete}}<li class="unknown">{{.String}}</li>{{end}}</ul>{{end}}
<h2>By type</h2>
<table><tr><th>service</th><th>type</th><th>added</th><th>removed</th><th>modified</th><th>unknown</th></tr>
{{range .Summary}}<tr><td>{{.Service}}</td><td>{{.Type}}</td><td>{{.Added}}</td><td>{{.Removed}}</td><td>{{.Modified}}</td><td>{{.Unknown}}</td></tr>
{{end}}</table>
{{if and .Detailed .Entries}}<h2>Resources</h2>
<table><tr><th>change</th><th>account</th><th>region</th><th>service</th><th>type</th><th>id</th><th>name</th><th>scan</th><th>what changed</th></tr>
{{range .Entries}}<tr class="{{.Change}}"><td>{{.Change}}</td><td>{{.Account}}</td><td>{{.Region}}</td><td>{{.Service}}</td><td>{{.Type}}</td><td><code>{{.ID}}</code></td><td>{{.Name}}</td><td>{{.Scan}}</td><td>
{{- if .Reason}}{{.Reason}}{{end}}
{{- range .Fields}}<div><code>{{.Path}}</code>: <code>{{printf "%s" .Before}}</code> &rarr; <code>{{printf "%s" .After}}</code></div>{{end}}
{{- range .Tags}}<div>tag <code>{{.Path}}</code>: <code>{{printf "%s" .Before}}</code> &rarr; <code>{{printf "%s" .After}}</code></div>{{end}}
{{- range .Edges}}<div>{{.Change}} edge <code>{{.Kind}}</code> &rarr; <code>{{.To.String}}</code></div>{{end}}
</td></tr>
{{end}}</table>{{end}}
</body></html>
`))

// WriteHTML renders r as a self-contained HTML page: the counts per type,
// the unknown collections and, when detailed, every entry.
func WriteHTML(w io.Writer, r *Result, detailed bool) error {
	return page.Execute(w, struct {
		*Result
		Detailed bool
	}{r, detailed})
}
