package ner

// Features are 64-bit hashes: a template id mixed with the FNV-1a hash of the
// feature's string parts. Hashing instead of building strings keeps tagging
// free of allocations; 64 bits make collisions negligible at this scale.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// strHash is FNV-1a over the bytes of s.
func strHash[S string | []byte](s S) uint64 { return strHashFrom(fnvOffset, s) }

// strHashFrom continues an FNV-1a hash h over s, so that
// strHashFrom(strHash(a), b) == strHash(a+b).
func strHashFrom[S string | []byte](h uint64, s S) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// mix is the splitmix64 finaliser; it spreads combined values over all bits.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// feat combines a template id with one hashed part.
func feat(tpl uint64, h uint64) uint64 { return mix(h ^ mix(tpl+0x9e3779b97f4a7c15)) }

// feat2 combines a template id with two hashed parts, order sensitive.
func feat2(tpl uint64, a, b uint64) uint64 { return feat(tpl, mix(a)*31+b) }
