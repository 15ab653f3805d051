package demo

import (
	"fmt"
)

// Helpers shared by the service files: filtered pages, live items to point
// at, and names whose index can be read back from their last digits.

// filtered lists up to size live items of kind in region that keep
// accepts, from the offset in token, and returns the next page's token.
func (c *call) filtered(region, kind string, token *string, size int, keep func(i int) bool) ([]int, *string) {
	start := 0
	if t := deref(token); t != "" {
		start, _ = trailingIndex(t)
	}
	var items []int
	next := ""
	c.v.each(c.acct, region, kind, start, func(i int) bool {
		if !keep(i) {
			return true
		}
		if len(items) == size {
			next = fmt.Sprintf("demo-%d", i)
			return false
		}
		items = append(items, i)
		return true
	})
	return items, tok(next)
}

// live is a live item of kind in the call's region: the first at or after
// k (wrapping around, looking at up to 64), or -1 when there is none.
func (c *call) live(kind string, k int) int {
	_, limit := c.v.limit(c.acct, c.region, kind)
	for j := range min(limit, 64) {
		if i := (k + j) % limit; c.alive(kind, i) {
			return i
		}
	}
	return -1
}

// liveBucket is the name of a live bucket of the account (the first from
// k on), "" when it has none.
func (c *call) liveBucket(k int) string {
	_, limit := c.v.limit(c.acct, global, "s3.bucket")
	for j := range min(limit, 200) {
		if b := (k + j) % limit; c.v.exists(c.acct, global, "s3.bucket", b) {
			return c.bucket(b).name
		}
	}
	return ""
}

// liveLogGroup is the ARN (without ":*") of a live log group of the region,
// "" when there is none.
func (c *call) liveLogGroup(k int) string {
	if g := c.live("logs.log-group", k); g >= 0 {
		return c.arn("logs", "log-group:"+c.logGroupName(g))
	}
	return ""
}

// liveARN is the ARN arn makes of a live item of kind (from k on), "" when
// there is none.
func (c *call) liveARN(kind string, k int, arn func(i int) string) string {
	if i := c.live(kind, k); i >= 0 {
		return arn(i)
	}
	return ""
}

// letters are n lowercase letters: a random part of an id that the index
// digits can follow and still be read back.
func letters(r *rng, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('a' + r.intn(26))
	}
	return string(b)
}
