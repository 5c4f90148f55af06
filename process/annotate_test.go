package process

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/masar-project/masar/article"
	"github.com/masar-project/masar/text"
	"github.com/masar-project/masar/timex"
)

// span returns the evidence span of sentence inside text.
func span(t testing.TB, text, sentence string) article.Span {
	t.Helper()
	b := strings.Index(text, sentence)
	if b < 0 {
		t.Fatalf("sentence %q not in text", sentence)
	}
	start := utf8.RuneCountInString(text[:b])
	return article.Span{Text: sentence, Start: start, End: start + utf8.RuneCountInString(sentence)}
}

func strp(s string) *string { return &s }

var anchor = time.Date(2017, 7, 10, 0, 0, 0, 0, time.UTC)

// TestRoundForms checks one-sentence articles: the process and round of a
// CONSULT event whose evidence is the whole sentence.
func TestRoundForms(t *testing.T) {
	tests := []struct {
		name, text   string
		process      string
		round        int
		eventType    string
		wantNoRounds bool
	}{
		{name: "ordinal feminine", text: "اختتمت الجولة السادسة من محادثات أستانا حول سوريا أعمالها اليوم.", process: "astana", round: 6},
		{name: "digits", text: "انطلقت الجولة 9 من مفاوضات أستانة بشأن الأزمة السورية.", process: "astana", round: 9},
		{name: "al plus digits", text: "انطلقت الجولة الـ13 لمحادثات آستانا بشأن سوريا.", process: "astana", round: 13},
		{name: "venue and number", text: "وصل الوفد السوري إلى كازاخستان للمشاركة في أستانا 6.", process: "astana", round: 6},
		{name: "venue dash number", text: "بدأت في سويسرا أعمال جنيف-4 بين الوفدين السوريين.", process: "geneva", round: 4},
		{name: "venue Arabic-Indic digit", text: "تعثرت مباحثات جنيف ٣ بين وفدي الحكومة والمعارضة السورية.", process: "geneva", round: 3},
		{name: "compound teen", text: "عقدت الجولة الحادية عشرة من محادثات جنيف الخاصة بسوريا.", process: "geneva", round: 11},
		{name: "compound twenty", text: "انتهت الجولة الثانية والعشرين من محادثات أستانا حول سوريا.", process: "astana", round: 22},
		{name: "masculine with gap words", text: "افتتح اللقاء الدولي السادس حول سوريا في أستانا صباح اليوم.", process: "astana", round: 6},
		{name: "meeting of a named body", text: "بدأ الاجتماع الخامس للجنة الدستورية السورية في مقر الأمم المتحدة.", process: "constitutional-committee", round: 5},
		{name: "ordinal before noun", text: "انطلقت ثامن جولة من مفاوضات جنيف حول سوريا.", process: "geneva", round: 8},
		{name: "tenth masculine", text: "يعقد المؤتمر العاشر لمسار أستانا بشأن سوريا.", process: "astana", round: 10},
		{name: "first round", text: "بدأت الجولة الأولى من مشاورات اللجنة الدستورية السورية.", process: "constitutional-committee", round: 1},
		{name: "days are not a round", text: "استمرت محادثات جنيف 3 أيام بين الوفود السورية.", process: "geneva", round: 0},
		{name: "members are not a round", text: "تضم اللجنة الدستورية السورية 45 عضوا.", process: "constitutional-committee", round: 0},
		{name: "hours are not a round", text: "استمر الاجتماع 3 ساعات في إطار محادثات أستانا حول سوريا.", process: "astana", round: 0},
		{name: "year is not a round", text: "شهدت محادثات أستانا 2017 تقدما في الملف السوري.", process: "astana", round: 0},
		{name: "date is not a round", text: "جرت محادثات أستانا 4-5 تموز/يوليو بمشاركة الوفد السوري.", process: "astana", round: 0},
		{name: "first meeting is not a round", text: "عقد أول اجتماع بين الوفدين على هامش محادثات أستانا حول سوريا.", process: "astana", round: 0},
		{name: "named without round", text: "أكدت موسكو تمسكها بصيغة أستانا لحل الأزمة السورية.", process: "astana", round: 0},
		{name: "guarantors name the process", text: "اجتمعت الدول الضامنة لبحث الوضع في إدلب السورية.", process: "astana", round: 0},
		{name: "press conference is not talks", text: "قال الوزير السوري في مؤتمر صحفي عقده في الرياض إن الوضع مستقر.", process: ""},
		{name: "venue without talks word", text: "زار وزير الخارجية السوري جنيف أمس.", process: ""},
		{name: "other country", text: "انطلقت الجولة السادسة من محادثات جنيف حول الملف النووي.", process: "", wantNoRounds: true},
		{name: "yemen", text: "تبادلت الحكومة اليمنية والحوثيون الاتهامات بخرق اتفاق ستوكهولم.", process: "stockholm", eventType: "ACCUSE"},
		{name: "libya", text: "دعا المبعوث الأممي إلى احترام مخرجات مؤتمر برلين حول ليبيا.", process: "berlin-libya", eventType: "REQUEST"},
		{name: "sochi congress", text: "اختتم مؤتمر الحوار الوطني السوري أعماله في سوتشي.", process: "sochi"},
		{name: "moscow platform", text: "التقى وفد منصة موسكو بالمبعوث الأممي لبحث الحل في سوريا.", process: "moscow-platform"},
		{name: "cairo platform", text: "التقى وفد منصة القاهرة بالمبعوث الأممي لبحث الحل في سوريا.", process: "cairo-platform"},
		{name: "riyadh number", text: "انطلقت أعمال مؤتمر الرياض 2 للمعارضة السورية.", process: "riyadh", round: 2},
		{name: "vienna group", text: "اجتمعت مجموعة دعم سوريا في فيينا.", process: "vienna"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			typ := tt.eventType
			if typ == "" {
				typ = "CONSULT"
			}
			evs := []article.Event{{Type: typ, Modality: "asserted", Evidence: span(t, tt.text, tt.text)}}
			Annotate(tt.text, anchor, evs)
			if evs[0].Process != tt.process || evs[0].Round != tt.round {
				t.Errorf("got %q round %d, want %q round %d", evs[0].Process, evs[0].Round, tt.process, tt.round)
			}
		})
	}
}

// TestArticleContext checks what events take from their article: the
// dominant process, dated rounds, coming rounds, "the next round" and
// sentences that refer back to the talks.
func TestArticleContext(t *testing.T) {
	s1 := "استضافت العاصمة الكازاخية أستانا في 4 و5 تموز/يوليو 2017 الجولة الخامسة من المحادثات حول سوريا."
	s2 := "والتقى المبعوث الروسي بنظيره التركي على هامش اللقاءات."
	s3 := "وكان من أبرز نتائج هذه الجولة توقيع الدول الضامنة على مذكرة تفاهم."
	s4 := "وقصف الجيش السوري ريف إدلب الجنوبي."
	s5 := "وبحث وزير الخارجية الروسي مع نظيره الفرنسي الأوضاع في سوريا."
	s6 := "وتعمل موسكو مع شركائها على التحضير للقاء السادس في أستانا."
	s7 := "وأعلن الوفد الروسي أن الجولة المقبلة ستعقد في آب/أغسطس."
	s8 := "وعقد الوفدان اجتماعا في أستانا بعد انتهاء الجولة الخامسة، واتفقا على عقد الجولة السادسة في نهاية آب/أغسطس."
	text := strings.Join([]string{s1, s2, s3, s4, s5, s6, s7, s8}, "\n")
	actors := func(codes ...string) []article.Actor {
		var out []article.Actor
		for _, c := range codes {
			out = append(out, article.Actor{Code: c})
		}
		return out
	}
	evs := []article.Event{
		{Type: "CONSULT", Evidence: span(t, text, s1), Date: strp("2017-07-04"), DateEnd: strp("2017-07-05"), Trigger: "استضافت"},
		{Type: "CONSULT", Evidence: span(t, text, s2), Actors: actors("RUSGOV", "TURGOV"), Date: strp("2017-07-05"), Trigger: "التقى"},
		{Type: "SUPPORT", Evidence: span(t, text, s3), Actors: actors("RUSGOV", "TURGOV", "IRNGOV"), Trigger: "توقيع"},
		{Type: "ASSAULT", Evidence: span(t, text, s4), Actors: actors("SYRMIL"), Trigger: "قصف"},
		{Type: "CONSULT", Evidence: span(t, text, s5), Actors: actors("RUSGOV", "FRAGOV"), Trigger: "بحث"},
		{Type: "AGREE", Evidence: span(t, text, s6), Actors: actors("RUSGOV"), Trigger: "التحضير"},
		{Type: "AGREE", Evidence: span(t, text, s7), Actors: actors("RUSGOV"), Trigger: "ستعقد"},
		{Type: "CONSULT", Evidence: span(t, text, s8), Trigger: "عقد"},
		{Type: "AGREE", Evidence: span(t, text, s8), Trigger: "اتفقا"},
	}
	Annotate(text, anchor, evs)
	want := []struct {
		process string
		round   int
	}{
		{"astana", 5}, // named with its round
		{"astana", 5}, // inherited: guarantors meeting, dated inside round 5
		{"astana", 5}, // refers back to the round of the previous sentence
		{"", 0},       // a conflict event does not inherit
		{"", 0},       // France has no role in the process
		{"astana", 6}, // a round being prepared
		{"astana", 6}, // "the next round" after the held fifth
		{"astana", 5}, // held round for the meeting
		{"astana", 6}, // coming round for the agreement
	}
	for i, w := range want {
		if evs[i].Process != w.process || evs[i].Round != w.round {
			t.Errorf("event %d (%s %q): got %q round %d, want %q round %d", i, evs[i].Type, evs[i].Evidence.Text,
				evs[i].Process, evs[i].Round, w.process, w.round)
		}
	}
}

// TestLendVenue checks that meetings in Geneva belong to the constitutional
// committee in an article about the committee, and to the Geneva talks in
// one that names them.
func TestLendVenue(t *testing.T) {
	tests := []struct{ text, want string }{
		{"بدأت اللجنة الدستورية السورية أعمالها. وعقدت الاجتماعات في جنيف بحضور المبعوث.", "constitutional-committee"},
		{"انطلقت جنيف 8 حول سوريا. وعقدت الاجتماعات في جنيف بحضور المبعوث، وتطرقت إلى اللجنة الدستورية.", "geneva"},
	}
	for _, tt := range tests {
		s := "وعقدت الاجتماعات في جنيف بحضور المبعوث"
		evs := []article.Event{{Type: "CONSULT", Evidence: span(t, tt.text, s), Trigger: "عقدت"}}
		Annotate(tt.text, anchor, evs)
		if evs[0].Process != tt.want {
			t.Errorf("%q: got %q, want %q", tt.text, evs[0].Process, tt.want)
		}
	}
}

// TestKeepsProcess checks that an event that already has a process is left
// alone, and that no events and empty text are harmless.
func TestKeepsProcess(t *testing.T) {
	text := "انطلقت الجولة السادسة من محادثات أستانا حول سوريا."
	evs := []article.Event{{Type: "CONSULT", Evidence: span(t, text, text), Process: "geneva", Round: 2}}
	Annotate(text, anchor, evs)
	if evs[0].Process != "geneva" || evs[0].Round != 2 {
		t.Errorf("got %q %d, want the event's own geneva 2", evs[0].Process, evs[0].Round)
	}
	Annotate("", time.Time{}, nil)
	evs = []article.Event{{Type: "CONSULT"}}
	Annotate("", time.Time{}, evs)
	if evs[0].Process != "" {
		t.Errorf("empty text gave process %q", evs[0].Process)
	}
}

// benchEvents is a 20-sentence article with one event per sentence.
func benchEvents() (string, []article.Event) {
	s := "انطلقت الجولة السادسة من محادثات أستانا حول سوريا في 14 أيلول/سبتمبر بمشاركة الدول الضامنة. "
	text := strings.Repeat(s, 20)
	evs := make([]article.Event, 20)
	for i := range evs {
		start := i * utf8.RuneCountInString(s)
		evs[i] = article.Event{Type: "CONSULT", Evidence: article.Span{Start: start, End: start + 80}}
	}
	return text, evs
}

func BenchmarkAnnotate(b *testing.B) {
	text, evs := benchEvents()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		for i := range evs {
			evs[i].Process, evs[i].Round = "", 0
		}
		Annotate(text, anchor, evs)
	}
}

// BenchmarkAnnotateParsed is the process annotator's own cost, without the
// tokenisation and date search that the extraction pipeline shares.
func BenchmarkAnnotateParsed(b *testing.B) {
	s, evs := benchEvents()
	toks, sents, dates := text.Tokenize(s), text.Sentences(s), timex.Find(s, anchor)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		for i := range evs {
			evs[i].Process, evs[i].Round = "", 0
		}
		AnnotateParsed(toks, sents, dates, evs)
	}
}
