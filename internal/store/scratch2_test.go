package store

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

func benchInsert(b *testing.B, rowsPerStmt int, group, sel bool) {
	noexec := rowsPerStmt == 63

	path := filepath.Join(b.TempDir(), "bench.db")
	db, _ := Open(path)
	defer db.Close()
	c := db.conn
	c.Exec(stagingSchema)
	cols := 13
	if group {
		cols = 10
	}
	row := "(" + strings.TrimSuffix(strings.Repeat("?,", cols), ",") + ")"
	sql := "INSERT INTO temp.staged_resources VALUES " + strings.TrimSuffix(strings.Repeat(row+",", rowsPerStmt), ",")
	if sel {
		sql = "INSERT INTO temp.staged_resources SELECT * FROM (VALUES " + strings.TrimSuffix(strings.Repeat(row+",", rowsPerStmt), ",") + ") WHERE column1 IS NOT NULL"
	}
	if group {
		c.Exec("CREATE TEMP TABLE g(khash, grp, id, arn, name, created_at, is_default, tags, details, hash)")
		sql = strings.Replace(sql, "staged_resources", "g", 1)
	}
	st, _, err := c.Prepare(sql)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	r := synthetic(5)
	var jb, jd jsonBuffer
	tags, _ := jb.encode(r.Tags)
	det, _ := jd.encode(r.Details)
	c.Exec("BEGIN")
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		p := (i % rowsPerStmt) * cols
		st.BindInt64(p+1, int64(i))
		k := 2
		if group {
			st.BindInt64(p+2, 7)
			k = 3
		} else {
			st.BindText(p+2, r.Account)
			st.BindText(p+3, r.Region)
			st.BindText(p+4, r.Service)
			st.BindText(p+5, r.Type)
			k = 6
		}
		st.BindText(p+k, fmt.Sprint(i))
		st.BindText(p+k+1, r.ARN)
		st.BindText(p+k+2, r.Name)
		st.BindText(p+k+3, r.CreatedAt)
		st.BindBool(p+k+4, false)
		st.BindRawText(p+k+5, tags)
		st.BindRawText(p+k+6, det)
		st.BindInt64(p+k+7, 5)
		if i%rowsPerStmt == rowsPerStmt-1 && !noexec {
			if err := st.Exec(); err != nil {
				b.Fatal(err)
			}
			n++
			if n%100 == 0 {
				c.Exec("COMMIT; BEGIN")
			}
		}
	}
	c.Exec("COMMIT")
}

func BenchmarkScratchInsert1(b *testing.B)     { benchInsert(b, 1, false, false) }
func BenchmarkScratchInsert16(b *testing.B)    { benchInsert(b, 16, false, false) }
func BenchmarkScratchInsertSel16(b *testing.B) { benchInsert(b, 16, false, true) }
func BenchmarkScratchInsertSel64(b *testing.B) { benchInsert(b, 64, false, true) }
func BenchmarkScratchInsert64(b *testing.B)    { benchInsert(b, 64, false, false) }

func BenchmarkScratchBindOnly(b *testing.B) { benchInsert(b, 63, false, true) }
