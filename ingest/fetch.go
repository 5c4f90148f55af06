package ingest

import (
	"fmt"
	"net/http"
	"net/url"
)

// get fetches a URL with the walk's client, User-Agent and size limit. It
// returns the body, its Content-Type and the URL after redirects.
func (w *walker) get(raw string) ([]byte, string, *url.URL, error) {
	req, err := http.NewRequestWithContext(w.ctx, http.MethodGet, raw, nil)
	if err != nil {
		return nil, "", nil, err
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return nil, "", nil, fmt.Errorf("unsupported URL scheme %q", req.URL.Scheme)
	}
	req.Header.Set("User-Agent", w.opt.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8")
	req.Header.Set("Accept-Language", "ar,en;q=0.5")
	resp, err := w.opt.HTTPClient.Do(req)
	if err != nil {
		return nil, "", nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, "", nil, fmt.Errorf("HTTP %s", resp.Status)
	}
	if resp.ContentLength > w.opt.MaxBytes {
		return nil, "", nil, fmt.Errorf("%w of %d bytes (%d announced)", ErrTooLarge, w.opt.MaxBytes, resp.ContentLength)
	}
	body, err := readLimited(resp.Body, w.opt.MaxBytes)
	if err != nil {
		return nil, "", nil, err
	}
	return body, resp.Header.Get("Content-Type"), resp.Request.URL, nil
}
