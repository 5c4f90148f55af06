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
	var v [64]int
	add := func(shingle string) {
		h := mix64(shingle)
		for i := range 64 {
			if h&(1<<i) != 0 {
				v[i]++
			} else {
				v[i]--
			}
		}
	}
	if len(words) < 3 {
		add(strings.Join(words, " "))
	}
	for i := 0; i+3 <= len(words); i++ {
		add(words[i] + " " + words[i+1] + " " + words[i+2])
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
// depends on every byte even for short shingles.
func mix64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}
