package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"

	"github.com/masar-project/masar/text"
)

// ContentHash is the hex SHA-256 of the text in its matching form
// (text.NormalizeString, white space collapsed and trimmed): copies that
// differ only in encoding, spelling variants of hamza and alef, diacritics or
// line wrapping hash alike. It is the key that makes re-ingesting idempotent.
func ContentHash(s string) string {
	sum := sha256.Sum256([]byte(strings.Join(strings.Fields(text.NormalizeString(s)), " ")))
	return hex.EncodeToString(sum[:])
}

// SimHash is a 64-bit Charikar fingerprint over the word 3-shingles of the
// normalised text: the same story with light edits has a fingerprint a few
// bits away, unrelated stories about half the bits away.
func SimHash(s string) uint64 {
	words := strings.FieldsFunc(text.NormalizeString(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
	if len(words) == 0 {
		return 0
	}
	wh := make([]uint64, len(words))
	for i, w := range words {
		wh[i] = mix64(w)
	}
	var v [64]int
	add := func(h uint64) {
		for i := range 64 {
			if h&(1<<i) != 0 {
				v[i]++
			} else {
				v[i]--
			}
		}
	}
	if len(wh) < 3 {
		add(avalanche(wh[0]*3 + wh[len(wh)-1]))
	}
	// A shingle's hash combines its words' hashes in order, which spares
	// building the shingle strings.
	for i := 0; i+3 <= len(wh); i++ {
		add(avalanche(wh[i]*0x9e3779b97f4a7c15 + wh[i+1]*0xc2b2ae3d27d4eb4f + wh[i+2]))
	}
	var out uint64
	for i := range 64 {
		if v[i] > 0 {
			out |= 1 << i
		}
	}
	return out
}

// mix64 is FNV-1a with a final avalanche, so that every bit of the hash
// depends on every byte even for short words.
func mix64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return avalanche(h)
}

// avalanche is the 64-bit finaliser of MurmurHash3.
func avalanche(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}
