package store

import (
	"github.com/awsmap/awsmap/internal/model"
)

const (
	fnvOffset64 = 14695981039346656037
	fnvPrime64  = 1099511628211
)

// resourceHash is the 64-bit FNV-1a hash of the mutable part of a resource:
// arn, name, created_at, is_default and the canonical JSON of tags and
// details, each prefixed by its length so that fields cannot run into each
// other. Equal hashes mean "unchanged" to the merge.
func resourceHash(r *model.Resource, tags, details []byte) int64 {
	h := uint64(fnvOffset64)
	h = fnvField(h, r.ARN)
	h = fnvField(h, r.Name)
	h = fnvField(h, r.CreatedAt)
	if r.IsDefault {
		h = fnvField(h, "1")
	} else {
		h = fnvField(h, "0")
	}
	h = fnvField(h, tags)
	h = fnvField(h, details)
	return int64(h)
}

// keyHash folds a resource key into the FNV-1a state h. Started from
// fnvOffset64, it gives staged_resources.khash, with which Finish finds
// duplicate keys in the staging table by integer comparisons (the key
// columns are still compared, so a collision costs time, never
// correctness).
func keyHash(h uint64, k model.Key) int64 {
	h = fnvField(h, k.Account)
	h = fnvField(h, k.Region)
	h = fnvField(h, k.Service)
	h = fnvField(h, k.Type)
	return int64(fnvField(h, k.ID))
}

// edgeHash is an edge's ekey. Its high 32 bits come from the from side's
// collection (collectionBits) and its low 32 bits hash the edge's identity
// (both keys and the kind). The current edges of one collection thus form
// one range of the ekey index (edgeRange), and matching an edge stays one
// integer lookup. A collision costs time, never correctness: the merge
// compares the columns of the rows it finds.
func edgeHash(rel model.Relationship) int64 {
	h := uint64(keyHash(fnvOffset64, rel.From))
	h = fnvField(h, rel.Kind)
	h = uint64(keyHash(h, rel.To))
	from := rel.From
	return int64(collectionBits(from.Account, from.Service, from.Type, from.Region) | (h^h>>32)&0xffffffff)
}

// collectionBits are the high 32 bits of the ekeys of edges from one
// collection: 24 bits hash the account, service and type, 8 the region, so
// that a collection of region "*" (every region) is a range too.
func collectionBits(account, service, typ, region string) uint64 {
	family := mix(fnvField(fnvField(fnvField(fnvOffset64, account), service), typ))
	return family>>40<<40 | mix(fnvField(fnvOffset64, region))>>56<<32
}

// mix is MurmurHash3's 64-bit finalizer. FNV-1a barely spreads its last
// bytes into the high bits, which collectionBits keeps.
func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	return h ^ h>>33
}

// edgeRange is the range of ekeys holding the edges from a collection
// (region "*": from every region of its account, service and type). The
// range is contiguous as a signed integer too: the sign bit is fixed
// within it.
func edgeRange(account, service, typ, region string) (low, high int64) {
	if region == model.AllRegions {
		b := collectionBits(account, service, typ, "") >> 40 << 40
		return int64(b), int64(b | (1<<40 - 1))
	}
	b := collectionBits(account, service, typ, region)
	return int64(b), int64(b | (1<<32 - 1))
}

// fnvField folds the length of b (8 bytes, little-endian), then b, into the
// FNV-1a state h.
func fnvField[T string | []byte](h uint64, b T) uint64 {
	n := uint64(len(b))
	for range 8 {
		h = (h ^ (n & 0xff)) * fnvPrime64
		n >>= 8
	}
	for i := 0; i < len(b); i++ {
		h = (h ^ uint64(b[i])) * fnvPrime64
	}
	return h
}
