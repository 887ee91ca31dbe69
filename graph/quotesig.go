package graph

import "strings"

// A quote's word signature lets the variant search (findQuote) turn down
// a stored quote from its qs/ key alone: the key's value holds one
// signature per variant, and only a candidate that some variant's
// signature does not rule out has its record read and compared word for
// word. Reading and decoding each candidate's record was most of the cost
// of ingest into a large store.
//
// A variant's signature is its number of words (saturated at 255) and a
// mask with sigBitsPerWord bits set for each of its words, at positions
// taken from the word's FNV-1a hash. On real sentences, 128 bits with two
// per word let through 2 in 100,000 pairs that are not variants (one bit
// per word, 7; 256 bits, 1): most of those have all the words of the
// other, in another order. When one text contains another word
// for word, every word of the shorter is a word of the longer, so its
// mask is inside the longer's mask and its count is no larger: the test
// can let through a pair that does not match (the record then decides)
// but never turns down one that does. The hash and the layout are part of
// the store format: changing them means a new FormatVersion.

const (
	sigMaskBytes   = 16 // 128 bits
	sigBitsPerWord = 2
	sigBytes       = 1 + sigMaskBytes // word count, then the mask
)

// wordSig is the signature of one normalised text.
type wordSig struct {
	words uint8
	mask  [sigMaskBytes]byte
}

// signature computes the signature of norm, a NormQuote text.
func signature(norm string) wordSig {
	var s wordSig
	n := 0
	for w := range strings.FieldsSeq(norm) {
		n++
		h := fnv1a(w)
		for range sigBitsPerWord {
			bit := h % (8 * sigMaskBytes)
			s.mask[bit/8] |= 1 << (bit % 8)
			h /= 8 * sigMaskBytes
		}
	}
	s.words = uint8(min(n, 255))
	return s
}

// fnv1a is the 64-bit FNV-1a hash: fixed, since signatures are stored.
func fnv1a(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// within reports whether s may be contained in long, word for word.
func (s *wordSig) within(long *wordSig) bool {
	if s.words > long.words {
		return false
	}
	for i := range s.mask {
		if s.mask[i]&^long.mask[i] != 0 {
			return false
		}
	}
	return true
}

// quoteSigs returns the value of a quote's qs/ keys: the signatures of
// its variants, in order.
func quoteSigs(variants []string) []byte {
	out := make([]byte, 0, len(variants)*sigBytes)
	for _, v := range variants {
		s := signature(v)
		out = append(out, s.words)
		out = append(out, s.mask[:]...)
	}
	return out
}

// quoteKeyValue returns the value of the quote index key k: the variants'
// signatures for a qs/ key, nothing for the others.
func quoteKeyValue(k string, sigs []byte) []byte {
	if strings.HasPrefix(k, pQSpeaker) {
		return sigs
	}
	return nil
}

// mayBeVariant reports whether a stored quote whose qs/ value is sigs may
// have a variant v with isVariant(v, norm), norm being the text whose
// signature is ns. It is false only when no variant can be: a value that
// is not a list of signatures rules nothing out.
func mayBeVariant(sigs []byte, ns *wordSig) bool {
	if len(sigs) == 0 || len(sigs)%sigBytes != 0 {
		return true
	}
	var v wordSig
	for ; len(sigs) > 0; sigs = sigs[sigBytes:] {
		v.words = sigs[0]
		copy(v.mask[:], sigs[1:sigBytes])
		if ns.within(&v) || v.words >= minVariantWords && v.within(ns) {
			return true
		}
	}
	return false
}
