package cli

import (
	"github.com/awsmap/awsmap/internal/collect/all"
	"github.com/awsmap/awsmap/internal/model"
)

// typeCatalog is the type metadata offline commands pass to the packages
// that must not link the collectors (report...).
func typeCatalog() []model.TypeInfo { return all.Types() }
