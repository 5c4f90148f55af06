package timex

import "time"

// The Hijri calendar here is the tabular (arithmetical, "civil") Islamic
// calendar: 30-year cycles with leap years 2, 5, 7, 10, 13, 16, 18, 21, 24,
// 26 and 29, months alternating 30 and 29 days, epoch 16 July 622 (Julian).
// Official calendars (Umm al-Qura, sighting-based ones) may differ from it by
// a day or two; news rarely gives enough context to do better.

// hijriEpoch is the Julian Day Number of 1 Muharram 1 AH in the civil reckoning.
const hijriEpoch = 1948440

// jdn2000 is the Julian Day Number of 2000-01-01.
const jdn2000 = 2451545

// hijriToJDN returns the Julian Day Number of day d of month m of year y AH.
func hijriToJDN(y, m, d int) int {
	return d + (59*(m-1)+1)/2 + (y-1)*354 + floorDiv(3+11*y, 30) + hijriEpoch - 1
}

// hijriMonthLen is the length of month m of year y AH: odd months have 30
// days, even ones 29, and Dhu al-Hijja 30 in a leap year.
func hijriMonthLen(y, m int) int {
	if m == 12 {
		return hijriToJDN(y+1, 1, 1) - hijriToJDN(y, 12, 1)
	}
	return hijriToJDN(y, m+1, 1) - hijriToJDN(y, m, 1)
}

// jdnToHijri is the inverse of hijriToJDN.
func jdnToHijri(j int) (y, m, d int) {
	y = floorDiv(30*(j-hijriEpoch)+10646, 10631)
	for hijriToJDN(y+1, 1, 1) <= j {
		y++
	}
	for hijriToJDN(y, 1, 1) > j {
		y--
	}
	m = 1
	for m < 12 && hijriToJDN(y, m+1, 1) <= j {
		m++
	}
	return y, m, j - hijriToJDN(y, m, 1) + 1
}

// fromJDN converts a Julian Day Number to a proleptic Gregorian date (UTC).
func fromJDN(j int) time.Time {
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, j-jdn2000)
}

// toJDN converts a Gregorian date to its Julian Day Number.
func toJDN(t time.Time) int {
	base := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return jdn2000 + int(day.Sub(base).Hours()/24)
}

// hijriDate converts a Hijri date to Gregorian.
func hijriDate(y, m, d int) time.Time { return fromJDN(hijriToJDN(y, m, d)) }

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}
