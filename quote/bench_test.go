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
