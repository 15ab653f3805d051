package store

import (
	"bytes"
	"encoding/json"

	"github.com/awsmap/awsmap/internal/model"
)

// jsonBuffer encodes maps into a reused buffer. encoding/json sorts map
// keys, so equal maps always give equal bytes; HTML characters are kept as
// they are for readable stored JSON.
type jsonBuffer struct {
	buf bytes.Buffer
	enc *json.Encoder
}

// encode returns the JSON of m ("{}" for a nil or empty map). The bytes are
// valid until the next call.
func (j *jsonBuffer) encode(m any) ([]byte, error) {
	if j.enc == nil {
		j.enc = json.NewEncoder(&j.buf)
		j.enc.SetEscapeHTML(false)
	}
	j.buf.Reset()
	if err := j.enc.Encode(m); err != nil {
		return nil, err
	}
	b := bytes.TrimSuffix(j.buf.Bytes(), []byte("\n"))
	if string(b) == "null" {
		return []byte("{}"), nil
	}
	return b, nil
}

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
