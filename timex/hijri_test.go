package timex

import (
	"testing"
	"time"
)

func TestHijriDate(t *testing.T) {
	cases := []struct {
		y, m, d int
		want    string
	}{
		{1, 1, 1, "0622-07-19"},     // the epoch, 16 July 622 Julian
		{1438, 9, 1, "2017-05-27"},  // 1 Ramadan 1438
		{1438, 9, 15, "2017-06-10"}, // 15 Ramadan 1438
		{1438, 10, 1, "2017-06-26"}, // Umm al-Qura: 25 June (the documented ±1)
		{1440, 1, 1, "2018-09-12"},
		{1445, 9, 1, "2024-03-11"},
		{1420, 1, 1, "1999-04-17"},
	}
	for _, c := range cases {
		if got := hijriDate(c.y, c.m, c.d).Format("2006-01-02"); got != c.want {
			t.Errorf("hijriDate(%d, %d, %d) = %s, want %s", c.y, c.m, c.d, got, c.want)
		}
	}
}

func TestHijriRoundTrip(t *testing.T) {
	start := toJDN(time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC))
	end := toJDN(time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC))
	prevY, prevM, prevD := jdnToHijri(start - 1)
	for j := start; j < end; j++ {
		y, m, d := jdnToHijri(j)
		if hijriToJDN(y, m, d) != j {
			t.Fatalf("JDN %d → %d-%d-%d → %d", j, y, m, d, hijriToJDN(y, m, d))
		}
		next := d == prevD+1 && m == prevM && y == prevY ||
			d == 1 && prevD == hijriMonthLen(prevY, prevM) && (m == prevM+1 && y == prevY || m == 1 && prevM == 12 && y == prevY+1)
		if !next {
			t.Fatalf("JDN %d: %d-%d-%d does not follow %d-%d-%d", j, y, m, d, prevY, prevM, prevD)
		}
		prevY, prevM, prevD = y, m, d
	}
}

func TestHijriYearLength(t *testing.T) {
	// 11 leap years (355 days) in every 30-year cycle
	leap := 0
	for y := 1411; y <= 1440; y++ {
		switch n := hijriToJDN(y+1, 1, 1) - hijriToJDN(y, 1, 1); n {
		case 355:
			leap++
		case 354:
		default:
			t.Fatalf("year %d has %d days", y, n)
		}
	}
	if leap != 11 {
		t.Errorf("%d leap years in a cycle, want 11", leap)
	}
}
