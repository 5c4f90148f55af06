package quote

import (
	"strings"
	"testing"
)

// BenchmarkFindLarge runs Find over a 256 KB article full of quotes, to keep
// the cost linear in the article size.
func BenchmarkFindLarge(b *testing.B) {
	unit := "وقال الوزير سامي: «لن نقبل بأي تسوية». وجاء في البيان: \"نعم\" ثم \"لا\" و«أ» وأضاف أن الوضع صعب جدا هنا.\n"
	s := strings.Repeat(unit, 1<<18/len(unit))
	for b.Loop() {
		Find(s)
	}
}

// BenchmarkFindMarks runs Find over 256 KB of unpaired quotation marks, the
// worst case for pairing.
func BenchmarkFindMarks(b *testing.B) {
	s := strings.Repeat("\" «", 1<<16)
	for b.Loop() {
		Find(s)
	}
}

// BenchmarkFindRunOn runs Find over 256 KB without a sentence end or a line
// break, where attribution must stay local to each quote.
func BenchmarkFindRunOn(b *testing.B) {
	s := strings.Repeat("وقال الوزير «لن نقبل بأي تسوية» وأضاف أن الوضع صعب ", 1<<18/90)
	for b.Loop() {
		Find(s)
	}
}
