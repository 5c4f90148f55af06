package ingest

import (
	"errors"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/masar-project/masar/article"
)

// feedSource says where a feed came from.
type feedSource struct {
	name      string    // path or URL given, plus the WARC record if any
	url       string    // the feed's own URL; resolves relative item links
	ct        string    // Content-Type it was served with
	fromURL   bool      // fetched live: item pages may be fetched too
	fetched   time.Time // zero for local files
	container string    // "warc" when read out of an archive; else the feed type
}

// feed reads an RSS or Atom feed, one Doc per item. An item without text
// is completed from its page when the feed was fetched from a URL, and
// reported otherwise.
func (w *walker) feed(fs feedSource, raw []byte) error {
	s, cs, err := decodeXML(raw, fs.ct)
	if err != nil {
		return err
	}
	f, err := gofeed.NewParser().Parse(strings.NewReader(s))
	if err != nil {
		return err
	}
	var base *url.URL
	if u := firstNonEmpty(fs.url, f.Link); u != "" {
		base, _ = url.Parse(u)
	}
	format := firstNonEmpty(fs.container, f.FeedType)
	for i, it := range f.Items {
		src := recordSource(fs.name, i+1)
		d := Doc{
			Article: article.Article{
				ID:        strings.TrimSpace(it.GUID),
				Title:     fragmentText(it.Title),
				Text:      fragmentText(firstNonEmpty(it.Content, it.Description)),
				URL:       resolve(base, it.Link),
				Published: itemDate(it),
			},
			Source: src, Format: format, Charset: cs,
			Byline:  authors(it.Authors),
			Lang:    primaryLang(f.Language),
			Fetched: fs.fetched,
		}
		if d.Text == "" {
			if err := w.completeItem(&d, fs.fromURL); err != nil {
				if w.ctx.Err() != nil {
					return stopError{w.ctx.Err()}
				}
				w.onErr(src, err)
				continue
			}
		}
		if err := w.emit(d); err != nil {
			return err
		}
	}
	return nil
}

// completeItem fills an item without text from its page.
func (w *walker) completeItem(d *Doc, fromURL bool) error {
	switch {
	case d.URL == "":
		return errors.New("feed item has no text and no link")
	case !fromURL:
		return errors.New("feed item has no text (its page is fetched only for feeds read from a URL)")
	}
	body, ct, final, err := w.get(d.URL)
	if err != nil {
		return err
	}
	pd, err := htmlDoc(body, ct, final.String())
	if err != nil {
		return err
	}
	d.Text = pd.Text
	d.Title = firstNonEmpty(d.Title, pd.Title)
	d.Published = firstNonEmpty(d.Published, pd.Published)
	d.Byline = firstNonEmpty(d.Byline, pd.Byline)
	d.Canonical = pd.Canonical
	d.Lang = firstNonEmpty(pd.Lang, d.Lang)
	d.Charset = pd.Charset
	d.Fetched = time.Now().UTC()
	return nil
}

// itemDate is an item's publication date (else its update date) as
// YYYY-MM-DD in the feed's own time zone: the timestamp as written first,
// since the parsed one may have been moved to UTC.
func itemDate(it *gofeed.Item) string {
	if s := firstNonEmpty(parseDate(it.Published), parseDate(it.Updated)); s != "" {
		return s
	}
	for _, t := range []*time.Time{it.PublishedParsed, it.UpdatedParsed} {
		if t != nil {
			if s := isoDate(t.Year(), int(t.Month()), t.Day()); s != "" {
				return s
			}
		}
	}
	return ""
}

func authors(ps []*gofeed.Person) string {
	var names []string
	for _, p := range ps {
		if p != nil {
			if n := firstNonEmpty(p.Name, p.Email); n != "" {
				names = append(names, n)
			}
		}
	}
	return strings.Join(names, " و")
}
