package ingest

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// errBinary is reported for content that is not text in any encoding.
var errBinary = errors.New("binary content, not text")

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decodeText turns raw bytes into UTF-8 text. The order of evidence is: a
// byte order mark; the declared label (HTTP header, meta tag or XML
// declaration) unless the bytes contradict it; valid UTF-8; and otherwise
// the Arabic single-byte encoding (windows-1256 or ISO-8859-6) that reads
// best. It returns the text and the name of the encoding used.
func decodeText(raw []byte, declared string) (string, string, error) {
	var (
		out  string
		name string
	)
	switch {
	case bytes.HasPrefix(raw, bomUTF8):
		out, name = string(raw[3:]), "utf-8"
	case bytes.HasPrefix(raw, bomUTF16LE):
		out, name = decodeWith(xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), raw), "utf-16le"
	case bytes.HasPrefix(raw, bomUTF16BE):
		out, name = decodeWith(xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM), raw), "utf-16be"
	default:
		out, name = decodeUnmarked(raw, declared)
	}
	if !utf8.ValidString(out) {
		out = strings.ToValidUTF8(out, "\uFFFD")
	}
	if looksBinary(out) {
		return "", name, errBinary
	}
	return out, name, nil
}

// decodeUnmarked decodes bytes that carry no byte order mark.
func decodeUnmarked(raw []byte, declared string) (string, string) {
	enc, name := lookupCharset(declared)
	valid := utf8.Valid(raw)
	switch {
	case enc != nil && name == "utf-8":
		// Pages that declare UTF-8 and then hold single-byte Arabic exist;
		// a few stray bytes, however, are just damage.
		if valid || invalidUTF8Share(raw) < 0.005 {
			return string(raw), "utf-8"
		}
	case enc != nil && name == "windows-1252" && !valid:
		// Arabic sites often declare Latin-1 (the old server default) over
		// windows-1256 bytes; the letters tell.
		if s, n := guessArabic(raw); arabicShare(s) > 0.5 {
			return s, n
		}
		return decodeWith(enc, raw), name
	case enc != nil && valid && hasNonASCII(raw):
		// Single-byte Arabic text is practically never valid UTF-8 by
		// accident, so valid UTF-8 means the declaration is wrong.
		return string(raw), "utf-8"
	case enc != nil:
		return decodeWith(enc, raw), name
	case valid:
		return string(raw), "utf-8"
	}
	return guessArabic(raw)
}

// lookupCharset resolves an encoding label the way browsers do. UTF-16
// labels without a byte order mark are ignored: the bytes say more.
func lookupCharset(label string) (encoding.Encoding, string) {
	label = strings.TrimSpace(label)
	if label == "" {
		return nil, ""
	}
	enc, name := charset.Lookup(label)
	if enc == nil || strings.HasPrefix(name, "utf-16") {
		return nil, ""
	}
	return enc, name
}

func decodeWith(enc encoding.Encoding, raw []byte) string {
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return strings.ToValidUTF8(string(raw), "\uFFFD")
	}
	return string(out)
}

// guessArabic decodes bytes that are not UTF-8 as whichever of windows-1256
// and ISO-8859-6 gives more Arabic letters and fewer impossible characters.
func guessArabic(raw []byte) (string, string) {
	win := decodeWith(charmap.Windows1256, raw)
	iso := decodeWith(charmap.ISO8859_6, raw)
	if arabicScore(iso) > arabicScore(win) {
		return iso, "iso-8859-6"
	}
	return win, "windows-1256"
}

// arabicScore rewards Arabic letters and penalises what a wrong guess
// produces: undefined bytes, and accented Latin letters (windows-1256 puts
// them where ISO-8859-6 has Arabic ones).
func arabicScore(s string) int {
	score := 0
	for _, r := range s {
		switch {
		case r >= 0x0621 && r <= 0x064A:
			score++
		case r == utf8.RuneError:
			score -= 3
		case r >= 0x00C0 && r <= 0x00FF:
			score -= 2
		}
	}
	return score
}

// arabicShare is the share of Arabic letters among the letters of s.
func arabicShare(s string) float64 {
	letters, arabic := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if r >= 0x0621 && r <= 0x064A {
				arabic++
			}
		}
	}
	if letters == 0 {
		return 0
	}
	return float64(arabic) / float64(letters)
}

func hasNonASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// invalidUTF8Share is the share of bytes in b that are not part of valid
// UTF-8 sequences.
func invalidUTF8Share(b []byte) float64 {
	if len(b) == 0 {
		return 0
	}
	bad := 0
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
		}
		i += n
	}
	return float64(bad) / float64(len(b))
}

// looksBinary reports text with too many control characters or undecodable
// bytes to be prose, judged on its first 8 KiB.
func looksBinary(s string) bool {
	if len(s) > 8<<10 {
		s = s[:8<<10]
	}
	total, bad := 0, 0
	for _, r := range s {
		total++
		if r == utf8.RuneError || r == 0 || unicode.IsControl(r) && !unicode.IsSpace(r) {
			bad++
		}
	}
	return total > 0 && bad*50 > total
}

// xmlEncoding finds the encoding declared in an XML prolog.
var xmlEncoding = regexp.MustCompile(`^(\s*<\?xml[^>]*?encoding\s*=\s*["'])([A-Za-z0-9._:\-]+)(["'])`)

// decodeXML turns a feed into UTF-8 and makes its prolog say so, so that the
// XML parser does not convert it a second time.
func decodeXML(raw []byte, contentType string) (string, string, error) {
	declared := contentTypeCharset(contentType)
	head := raw
	if len(head) > 512 {
		head = head[:512]
	}
	if m := xmlEncoding.FindSubmatch(bytes.TrimPrefix(head, bomUTF8)); m != nil && declared == "" {
		declared = string(m[2])
	}
	s, name, err := decodeText(raw, declared)
	if err != nil {
		return "", name, err
	}
	s = xmlEncoding.ReplaceAllString(s, "${1}utf-8${3}")
	return s, name, nil
}

// contentTypeCharset returns the charset parameter of a Content-Type value.
func contentTypeCharset(ct string) string {
	for _, p := range strings.Split(ct, ";") {
		k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
		if ok && strings.EqualFold(strings.TrimSpace(k), "charset") {
			return strings.Trim(strings.TrimSpace(v), `"'`)
		}
	}
	return ""
}
