package cli

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/awsmap/awsmap/internal/ask"
	"github.com/awsmap/awsmap/internal/store"
)

func TestTmpProbe(t *testing.T) {
	r, _ := store.OpenReader("/tmp/askwork/demo.db")
	r.UseScan(0, nil)
	b, _ := os.ReadFile("/tmp/askwork/probe.txt")
	for _, q := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		a, err := askCatalog().Ask(q, ask.Options{})
		if err != nil {
			fmt.Printf("%-60s REFUSED %v\n", q, err)
			continue
		}
		if a.SQL == "" {
			fmt.Printf("%-60s %s\n", q, a.Interpretation)
			continue
		}
		rows, err := r.Query(context.Background(), a.SQL, a.Args...)
		n := 0
		if err == nil {
			for rows.Next() {
				n++
			}
			rows.Close()
		}
		fmt.Printf("%-60s %s [%d rows %v]\n", q, a.Interpretation, n, err)
	}
}
