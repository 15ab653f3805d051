//go:build unix

package cli

import (
	"path/filepath"
	"strconv"
	"testing"
)

// BenchmarkMotoEstateScan times scans of the seeded moto estate (every
// service, 3 regions). moto builds a service's backend in a region on its
// first call there, a cost AWS does not have, so a first scan warms every
// backend and only the scans after it are timed.
func BenchmarkMotoEstateScan(b *testing.B) {
	useMoto(b)
	seedEstate(b)
	dir := b.TempDir()
	scan := func(name string) string {
		db := filepath.Join(dir, name+".db")
		if code, errs := scanEstate(b, db); code != ExitOK && code != ExitPartial {
			b.Fatalf("scan exit %d, want 0 or 3: %s", code, errs)
		}
		return db
	}
	scan("warm-up")
	b.ResetTimer()
	var db string
	cpu := processCPU()
	for i := range b.N {
		db = scan(strconv.Itoa(i))
	}
	b.StopTimer()
	b.ReportMetric((processCPU()-cpu).Seconds()/float64(b.N), "awsmap-cpu-s/op")
	calls := queryRows[struct{ Calls int }](b, db, "SELECT sum(calls) AS Calls FROM api_calls")
	b.ReportMetric(float64(calls[0].Calls), "calls/op")
}
