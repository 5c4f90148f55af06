package server

import (
	"net/http"

	"github.com/masar-project/masar/process"
)

// The process pages show what package process makes of the store: the known
// peace processes, and for one of them its rounds with dates, venue,
// participants by role and outcomes (JSON shapes process.Summary and
// process.ProcessView).

func (s *Server) processes(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	ps, err := process.Default().List(r.Context(), s.st)
	if err != nil {
		return err
	}
	if ps == nil {
		ps = []process.Summary{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": ps})
	return nil
}

func (s *Server) process(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	id := r.PathValue("id")
	cat := process.Default()
	if _, ok := cat.Lookup(id); !ok {
		return notFound("no process %q", id)
	}
	v, err := cat.View(r.Context(), s.st, id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, v)
	return nil
}
