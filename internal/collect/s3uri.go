package collect

import "strings"

// S3URIBucket is the bucket of an s3://bucket/prefix location; "" for
// anything else.
func S3URIBucket(uri string) string {
	rest, ok := strings.CutPrefix(uri, "s3://")
	if !ok {
		return ""
	}
	bucket, _, _ := strings.Cut(rest, "/")
	return bucket
}
