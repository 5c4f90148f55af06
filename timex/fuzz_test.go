package timex

import (
	"testing"
	"time"
)

// FuzzFind checks that Find never panics and that its results are ordered,
// non-overlapping spans of the input with well-formed values.
func FuzzFind(f *testing.F) {
	for _, c := range findCases {
		f.Add(c.in, int64(0))
	}
	f.Fuzz(func(t *testing.T, s string, days int64) {
		var anchor time.Time
		if days != 0 {
			anchor = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days%40000))
		}
		checkInvariants(t, s, Find(s, anchor))
	})
}

func BenchmarkFind(b *testing.B) {
	s := benchText()
	anchor := day(thu)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Find(s, anchor)
	}
}

// benchText is news-like prose with a date every sentence or two.
func benchText() string {
	const para = "وقال المتحدث باسم الوزارة في مؤتمر صحفي عقده أمس الأربعاء إن الوفد " +
		"سيصل إلى العاصمة يوم 14 أيار/مايو المقبل لإجراء محادثات تستمر يومين. " +
		"وكانت الجولة السابقة قد عقدت في الفترة 8-9 آب/أغسطس 2016 بمشاركة ممثلين " +
		"عن الحكومة والمعارضة، فيما أكدت مصادر مطلعة أن نحو 2000 مقاتل انسحبوا من " +
		"المنطقة منذ مطلع العام الجاري. ومن المقرر أن يلتقي المبعوث الخاص الأحد " +
		"المقبل وزير الخارجية لبحث تطورات الوضع الميداني والسياسي في البلاد.\n"
	s := ""
	for range 50 {
		s += para
	}
	return s
}
