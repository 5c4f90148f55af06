package timex

import (
	"embed"
	"fmt"
	"strconv"
	"strings"

	"github.com/masar-project/masar/text"
)

//go:embed months.tsv weekdays.tsv ordinals.tsv words.tsv
var dataFS embed.FS

// kind is the role of a lexicon entry.
type kind uint8

const (
	kMonth kind = iota + 1
	kWeekday
	kOrdinal
	kRel
	kDayCue
	kTOD
	kMonthCue
	kYearCue
	kPeriod
	kMod
	kThis
	kPart
	kPrep
	kFollow
	kSep
	kAdjStop
	kGeneral
	kStop
	kFutMark
	kNotFut
	kPrevStop
	kNamePrev
	kYearSuffix
	kWdPrevStop
	kYearQual
	kSameYear
	kCentury
	kSameMonth
)

var kindNames = map[string]kind{
	"rel": kRel, "daycue": kDayCue, "tod": kTOD, "monthcue": kMonthCue,
	"yearcue": kYearCue, "period": kPeriod, "mod": kMod, "this": kThis,
	"part": kPart, "prep": kPrep, "follow": kFollow, "sep": kSep,
	"adjstop": kAdjStop, "general": kGeneral, "stop": kStop,
	"futmark": kFutMark, "notfut": kNotFut, "prevstop": kPrevStop, "nameprev": kNamePrev,
	"yearsuf": kYearSuffix, "wdprevstop": kWdPrevStop, "yearqual": kYearQual, "sameyear": kSameYear, "century": kCentury, "samemonth": kSameMonth,
}

// Calendar units and modifier directions, as parsed from the data files.
const (
	unitWeek = iota + 1
	unitMonth
	unitYear
)

const (
	dirPast = iota + 1
	dirFuture
	dirCurrent
	dirAhead // not from the data: a future context, see futureContext
)

// entry is one lexicon form: its normalised words and what it means.
type entry struct {
	words  []string
	kind   kind
	n      int  // month, weekday, ordinal day, day offset, unit or direction
	hijri  bool // a Hijri month
	levant bool // a Levantine month name
	amb    bool // also an ordinary word: needs date context
	dual   bool // عامي/سنتي: opens a range
	strong bool // a preposition that makes any 4-digit number after it a year
}

// lexicon indexes entries by their first normalised word.
type lexicon struct {
	byFirst map[string][]*entry
	notFut  []string // prefixes, see words.tsv
}

var lex = mustLoad()

func mustLoad() *lexicon {
	l, err := load()
	if err != nil {
		panic("timex: embedded data: " + err.Error())
	}
	return l
}

func load() (*lexicon, error) {
	l := &lexicon{byFirst: map[string][]*entry{}}
	for _, f := range []string{"months.tsv", "weekdays.tsv", "ordinals.tsv", "words.tsv"} {
		b, err := dataFS.ReadFile(f)
		if err != nil {
			return nil, err
		}
		for n, line := range strings.Split(string(b), "\n") {
			if line == "" || line[0] == '#' {
				continue
			}
			e, err := parseEntry(f, strings.Split(line, "\t"))
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %v", f, n+1, err)
			}
			if e.kind == kNotFut {
				l.notFut = append(l.notFut, e.words[0])
				continue
			}
			l.byFirst[e.words[0]] = append(l.byFirst[e.words[0]], e)
		}
	}
	return l, nil
}

func parseEntry(file string, col []string) (*entry, error) {
	if len(col) < 2 {
		return nil, fmt.Errorf("want at least 2 columns, have %d", len(col))
	}
	e := &entry{words: strings.Fields(text.NormalizeString(col[0]))}
	if len(e.words) == 0 {
		return nil, fmt.Errorf("empty form")
	}
	arg := ""
	if len(col) > 2 {
		arg = col[2]
	}
	var err error
	switch file {
	case "months.tsv":
		e.kind = kMonth
		if e.n, err = strconv.Atoi(col[1]); err != nil || e.n < 1 || e.n > 12 {
			return nil, fmt.Errorf("bad month %q", col[1])
		}
		e.hijri = arg == "hijri"
		e.levant = arg == "levant"
		e.amb = len(col) > 3 && col[3] == "amb"
	case "weekdays.tsv":
		e.kind = kWeekday
		if e.n, err = strconv.Atoi(col[1]); err != nil || e.n < 0 || e.n > 6 {
			return nil, fmt.Errorf("bad weekday %q", col[1])
		}
	case "ordinals.tsv":
		e.kind = kOrdinal
		if e.n, err = strconv.Atoi(col[1]); err != nil || e.n < 1 || e.n > 31 {
			return nil, fmt.Errorf("bad day %q", col[1])
		}
	default:
		k, ok := kindNames[col[1]]
		if !ok {
			return nil, fmt.Errorf("unknown kind %q", col[1])
		}
		e.kind = k
		switch k {
		case kRel:
			if e.n, err = strconv.Atoi(arg); err != nil {
				return nil, fmt.Errorf("bad offset %q", arg)
			}
		case kPeriod:
			e.n = map[string]int{"week": unitWeek, "month": unitMonth, "year": unitYear}[arg]
		case kMod:
			e.n = map[string]int{"past": dirPast, "future": dirFuture, "current": dirCurrent}[arg]
		case kYearCue:
			e.dual = arg == "dual"
		case kPrep:
			e.strong = arg == "strong"
		case kYearSuffix, kYearQual:
			e.hijri = arg == "hijri"
		}
		if (k == kPeriod || k == kMod) && e.n == 0 {
			return nil, fmt.Errorf("bad argument %q", arg)
		}
	}
	return e, nil
}
