package collect

import (
	"net/url"
	"strings"
)

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

// S3URLBucket is the bucket an S3 location names: s3://BUCKET/key, a
// virtual-hosted URL (https://BUCKET.s3.REGION.amazonaws.com/key,
// https://BUCKET.s3-REGION.amazonaws.com/key) or a path-style one
// (https://s3.REGION.amazonaws.com/BUCKET/key); "" for any other URL.
func S3URLBucket(location string) string {
	if bucket := S3URIBucket(location); bucket != "" {
		return bucket
	}
	u, err := url.Parse(location)
	if err != nil {
		return ""
	}
	host := u.Hostname()
	if !strings.HasSuffix(host, ".amazonaws.com") && !strings.HasSuffix(host, ".amazonaws.com.cn") {
		return ""
	}
	if strings.HasPrefix(host, "s3.") || strings.HasPrefix(host, "s3-") {
		bucket, _, _ := strings.Cut(strings.TrimPrefix(u.Path, "/"), "/")
		return bucket
	}
	for _, sep := range []string{".s3.", ".s3-"} {
		if bucket, _, ok := strings.Cut(host, sep); ok {
			return bucket
		}
	}
	return ""
}
