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

// edgeHash is staged_relationships.ekey, the hash of both keys and the
// kind (the edge's identity), used like keyHash.
func edgeHash(rel model.Relationship) int64 {
	h := uint64(keyHash(fnvOffset64, rel.From))
	h = fnvField(h, rel.Kind)
	return keyHash(h, rel.To)
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
