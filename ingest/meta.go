package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// dateLayouts are the timestamp shapes found in feeds, meta tags and JSON
// sources. The date is kept in the zone it was written in: that is the
// publisher's calendar day.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"2006/01/02",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"2 Jan 2006 15:04:05 -0700",
	time.RFC850,
	time.ANSIC,
	"January 2, 2006",
	"2 January 2006",
	"Jan 2, 2006",
	"2 Jan 2006",
}

// leadingDate catches an ISO-like date at the start of a value that no
// layout fits, such as "2017-07-05 نحو الظهر" or "2017/7/5".
var leadingDate = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})`)

// parseDate reads a publication date written in one of the common machine
// formats and returns it as YYYY-MM-DD, or "" when it is not one.
func parseDate(s string) string {
	s = strings.TrimSpace(asciiDigits(s))
	if s == "" {
		return ""
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return isoDate(t.Year(), int(t.Month()), t.Day())
		}
	}
	if m := leadingDate.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		return isoDate(y, mo, d)
	}
	return ""
}

// isoDate formats a date, or returns "" when it is not a plausible
// publication date for news.
func isoDate(y, m, d int) string {
	if y < 1900 || y > 2200 {
		return ""
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return ""
	}
	return t.Format("2006-01-02")
}

// asciiDigits turns Arabic-Indic and Persian digits into ASCII digits.
func asciiDigits(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= '٠' && r <= '٩' || r >= '۰' && r <= '۹' }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '٠' && r <= '٩':
			return '0' + r - '٠'
		case r >= '۰' && r <= '۹':
			return '0' + r - '۰'
		}
		return r
	}, s)
}

// urlDate finds the dates news sites put in their paths: /2017/07/05/,
// /2017/7/5/, /20170705/, /2017/0705/ and 2017-07-05.
var urlDate = []*regexp.Regexp{
	regexp.MustCompile(`/((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})(?:/|$)`),
	regexp.MustCompile(`/((?:19|20)\d\d)(\d\d)(\d\d)(?:/|$)`),
	regexp.MustCompile(`/((?:19|20)\d\d)/(\d\d)(\d\d)(?:/|$)`),
	regexp.MustCompile(`(?:^|[^\d])((?:19|20)\d\d)-(\d\d)-(\d\d)(?:[^\d]|$)`),
}

// dateFromURL returns the publication date a URL's path gives, or "".
func dateFromURL(raw string) string {
	if raw == "" {
		return ""
	}
	p := raw
	if u, err := url.Parse(raw); err == nil {
		p = u.Path
	}
	for _, re := range urlDate {
		if m := re.FindStringSubmatch(p); m != nil {
			y, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			d, _ := strconv.Atoi(m[3])
			if s := isoDate(y, mo, d); s != "" {
				return s
			}
		}
	}
	return ""
}

// fileDate reads the date of a file named like 2017-07-05-astana.txt.
var fileDate = regexp.MustCompile(`^((?:19|20)\d\d)-(\d\d)-(\d\d)(?:[^\d]|$)`)

func dateFromFilename(name string) string {
	m := fileDate.FindStringSubmatch(filepath.Base(name))
	if m == nil {
		return ""
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	return isoDate(y, mo, d)
}

// stableID derives an id from the article's URL, else from its source (the
// path as given, with the record number), so that re-reading the same input
// gives the same id. A readable slug of the name comes first.
func stableID(d Doc) string {
	key := d.URL
	if isURL(d.Canonical) {
		key = d.Canonical
	}
	var slug string
	if key != "" {
		if u, err := url.Parse(key); err == nil {
			slug = path.Base(strings.TrimRight(u.Path, "/"))
		}
	} else {
		key = d.Source
		if !isURL(key) {
			key = filepath.ToSlash(filepath.Clean(key))
		}
		slug = path.Base(key)
	}
	if i := strings.IndexByte(slug, '.'); i > 0 {
		slug = slug[:i]
	}
	slug = slugify(slug)
	sum := sha256.Sum256([]byte(key))
	h := hex.EncodeToString(sum[:6])
	if slug == "" {
		return h
	}
	return slug + "-" + h
}

// slugify keeps the ASCII letters, digits, '-' and '_' of s, at most 40.
func slugify(s string) string {
	var b strings.Builder
	for _, r := range s {
		if b.Len() >= 40 {
			break
		}
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		}
	}
	return strings.Trim(b.String(), "-_")
}

// guessLang returns "ar" for text written mostly in Arabic script without
// the letters that mark Persian or Urdu, and "" when it cannot tell.
func guessLang(s string) string {
	letters, arabic, other := 0, 0, 0
	for i, r := range s {
		if i > 4096 {
			break
		}
		switch {
		case r >= 0x0621 && r <= 0x064A:
			letters++
			arabic++
		case r == 'پ' || r == 'چ' || r == 'ژ' || r == 'گ' || r == 'ک' || r == 'ی' || r == 'ے' || r == 'ٹ':
			letters++
			other++
		case unicode.IsLetter(r):
			letters++
		}
	}
	if letters == 0 || arabic*2 < letters || other*100 > arabic {
		return ""
	}
	return "ar"
}
