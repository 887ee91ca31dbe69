package schema

import (
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/graphql-go/graphql"
)

// encodeResult encodes res exactly as json.Marshal does. An answer is
// a tree of map[string]any, []any and scalars, which json.Marshal walks by
// reflection and whose map keys it sorts through reflect.Value: a large
// neighbourhood spent more time in json.Marshal than in the store. The
// common shapes are written directly here; anything else, and every string
// that needs escaping, goes through json.Marshal, so the bytes are the
// same (TestEncodeResultMatchesMarshal).
func encodeResult(res *graphql.Result) ([]byte, error) {
	if len(res.Errors) > 0 || len(res.Extensions) > 0 {
		return json.Marshal(res)
	}
	size := 4096
	if raw, ok := res.Data.(json.RawMessage); ok {
		// The lean executor's answer, whole: the envelope, and the
		// newline the handler ends it with.
		size = len(raw) + len(`{"data":}`) + 1
	}
	b := make([]byte, 0, size)
	b = append(b, `{"data":`...)
	b, err := appendJSON(b, res.Data)
	if err != nil {
		return nil, err
	}
	return append(b, '}'), nil
}

func appendJSON(b []byte, v any) ([]byte, error) {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...), nil
	case json.RawMessage: // the lean executor's answers, encoded already
		return append(b, v...), nil
	case string:
		return appendString(b, v)
	case bool:
		return strconv.AppendBool(b, v), nil
	case int:
		return strconv.AppendInt(b, int64(v), 10), nil
	case float64:
		if out, ok := appendFloat(b, v); ok {
			return out, nil
		}
	case []any:
		b = append(b, '[')
		for i, x := range v {
			if i > 0 {
				b = append(b, ',')
			}
			var err error
			if b, err = appendJSON(b, x); err != nil {
				return nil, err
			}
		}
		return append(b, ']'), nil
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b = append(b, '{')
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			var err error
			if b, err = appendString(b, k); err != nil {
				return nil, err
			}
			b = append(b, ':')
			if b, err = appendJSON(b, v[k]); err != nil {
				return nil, err
			}
		}
		return append(b, '}'), nil
	}
	enc, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return append(b, enc...), nil
}

// appendString quotes s as json.Marshal does: a string with nothing to
// escape is copied; one with control characters, quotes, backslashes,
// HTML's <, > and &, invalid UTF-8 or U+2028/U+2029 goes through
// json.Marshal.
func appendString(b []byte, s string) ([]byte, error) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
				return appendMarshalled(b, s)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			return appendMarshalled(b, s)
		}
		i += size
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"'), nil
}

func appendMarshalled(b []byte, v any) ([]byte, error) {
	enc, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return append(b, enc...), nil
}

// appendFloat appends x as json.Marshal writes it in its 'f' range, or
// returns false, having appended nothing, for what json.Marshal writes
// otherwise (exponents, and NaN and infinities, which it refuses).
func appendFloat(b []byte, x float64) ([]byte, bool) {
	if a := math.Abs(x); a == 0 || a >= 1e-6 && a < 1e21 {
		return strconv.AppendFloat(b, x, 'f', -1, 64), true
	}
	return b, false
}
