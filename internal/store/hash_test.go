package store

import (
	"fmt"
	"testing"

	"github.com/awsmap/awsmap/internal/model"
)

// TestEdgeRange checks that every edge's ekey lies in the range of its
// collection and in that of its all-regions collection, and outside the
// range of other regions' collections: the merge retires edges by these
// ranges. Enough keys are tried for both signs of ekey to occur.
func TestEdgeRange(t *testing.T) {
	regions := []string{"us-east-1", "eu-west-1", "ap-south-2", ""}
	signs := map[bool]int{}
	for i := range 200 {
		region := regions[i%len(regions)]
		from := model.Key{Account: fmt.Sprint(100000000000 + i%7), Region: region,
			Service: "ec2", Type: fmt.Sprint("type-", i%5), ID: fmt.Sprint("i-", i)}
		rel := model.Relationship{From: from, Kind: "in", To: model.Key{Account: from.Account,
			Region: region, Service: "ec2", Type: "subnet", ID: fmt.Sprint("subnet-", i)}}
		ekey := edgeHash(rel)
		signs[ekey < 0]++
		for _, r := range append(regions, model.AllRegions) {
			low, high := edgeRange(from.Account, from.Service, from.Type, r)
			inside := low <= ekey && ekey <= high
			sameBits := collectionBits(from.Account, from.Service, from.Type, r) ==
				collectionBits(from.Account, from.Service, from.Type, region)
			if want := r == region || r == model.AllRegions || sameBits; inside != want {
				t.Errorf("edge from %v: ekey %d in range of region %q [%d, %d] = %v, want %v",
					from, ekey, r, low, high, inside, want)
			}
		}
	}
	if signs[true] == 0 || signs[false] == 0 {
		t.Errorf("ekey signs %v: want both", signs)
	}
}
