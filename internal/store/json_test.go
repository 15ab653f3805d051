package store

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"
	"time"
)

// TestCanonicalJSON checks that the fast encoder gives the bytes of
// encoding/json (HTML escaping off), which the stored hashes rely on.
func TestCanonicalJSON(t *testing.T) {
	type custom struct {
		A int `json:"a"`
	}
	tests := []any{
		map[string]string{"b": "2", "a": "1", "": "empty", "html": "<a href='x'>&</a>"},
		map[string]string{"ctl": "a\x00b\x1f\n\r\t\b\f\"\\", "utf8": "héllo 世界 \u2028\u2029", "bad": "a\xffb\xc3"},
		map[string]any{
			"s": "x", "t": true, "f": false, "n": nil, "i": 42, "i32": int32(-7), "i64": int64(1) << 62,
			"f1": 1.0, "f2": 0.1, "f3": 1e21, "f4": 1e-7, "f5": -123.456e-9, "f6": 125.5, "zero": 0.0,
			"ss": []string{"a", "b"}, "nilss": []string(nil), "as": []any{1, "x", nil, []any{}},
			"m": map[string]any{"z": 1, "a": map[string]string{"k": "v"}}, "nilm": map[string]any(nil),
			"time": time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC), "struct": custom{A: 1}, "u8": uint8(3),
			"f32": float32(0.1), "bytes": []byte("hi"),
		},
	}
	for _, v := range tests {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		var j jsonBuffer
		got, err := j.encode(v)
		if err != nil {
			t.Fatal(err)
		}
		if w := bytes.TrimSuffix(want.Bytes(), []byte("\n")); !bytes.Equal(got, w) {
			t.Errorf("encode:\n got %s\nwant %s", got, w)
		}
	}
	var j jsonBuffer
	for _, empty := range []any{map[string]string(nil), map[string]any{}} {
		if got, err := j.encode(empty); err != nil || string(got) != "{}" {
			t.Errorf("encode(%#v) = %s, %v; want {}", empty, got, err)
		}
	}
	if _, err := j.encode(map[string]any{"nan": math.NaN()}); err == nil {
		t.Error("NaN encoded")
	}
}
