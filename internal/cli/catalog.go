package cli

import (
	"github.com/awsmap/awsmap/internal/collect/all"
	"github.com/awsmap/awsmap/internal/model"
)

// typeCatalog describes every resource type awsmap collects: the metadata
// the offline commands (query, audits, ask, report, schema...) are given
// instead of the collectors themselves.
func typeCatalog() model.Catalog { return all.Types() }
