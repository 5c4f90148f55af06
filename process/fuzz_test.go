package process

import (
	"testing"
	"time"
	"unicode/utf8"

	"github.com/masar-project/masar/article"
)

// FuzzAnnotate feeds arbitrary article text and evidence offsets to Annotate:
// it must not panic, and it may only set a known process and a round within
// bounds.
func FuzzAnnotate(f *testing.F) {
	f.Add("انطلقت الجولة السادسة من محادثات أستانا حول سوريا.", 0, 20, "CONSULT")
	f.Add("وتعمل موسكو على التحضير للقاء السابع في أستانا بشأن سوريا. وأكدت أن الجولة المقبلة ستعقد قريبا.", 55, 90, "AGREE")
	f.Add("بدأت أعمال جنيف-٤ حول سوريا.\nوكان من نتائج هذه الجولة توقيع بيان مشترك.", 30, 60, "SUPPORT")
	f.Fuzz(func(t *testing.T, text string, start, end int, typ string) {
		if !utf8.ValidString(text) {
			return
		}
		evs := []article.Event{{Type: typ, Evidence: article.Span{Start: start, End: end, Text: text}, Trigger: typ}}
		Annotate(text, time.Date(2017, 7, 1, 0, 0, 0, 0, time.UTC), evs)
		if evs[0].Process != "" {
			if _, ok := Default().Lookup(evs[0].Process); !ok {
				t.Errorf("unknown process %q", evs[0].Process)
			}
		}
		if evs[0].Round < 0 || evs[0].Round > 2*maxRound {
			t.Errorf("round %d out of bounds", evs[0].Round)
		}
	})
}
