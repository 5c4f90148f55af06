package server

import (
	_ "embed"
	"net/http"
)

// openapiJSON documents the API; TestOpenAPICoversRoutes keeps it in step
// with the routes.
//
//go:embed openapi.json
var openapiJSON []byte

func (s *Server) openapi(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Access-Control-Allow-Origin", "*") // lets API explorers on other origins read it
	_, err := w.Write(openapiJSON)
	return err
}
