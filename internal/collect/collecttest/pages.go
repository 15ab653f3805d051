package collecttest

import (
	"strconv"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// Page is one page of a Canned listing: the size items after the position
// token names ("" or nil for the first page), and the token of the next
// page, nil after the last, so the SDK paginator runs over every page.
func Page[T any](items []T, token *string, size int) ([]T, *string) {
	start, _ := strconv.Atoi(aws.ToString(token))
	end := min(start+size, len(items))
	if end >= len(items) {
		return items[start:], nil
	}
	return items[start:end], aws.String(strconv.Itoa(end))
}
