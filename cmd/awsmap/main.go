// Command awsmap maps an AWS estate into a local SQLite inventory and answers
// questions about it offline.
package main

import (
	"os"

	"github.com/awsmap/awsmap/internal/cli"
)

func main() { os.Exit(cli.Execute()) }
