// Package web embeds masar's built web UI (the Vite build in dist/, committed
// so that `go build` alone yields a working binary). The sources are in src/;
// rebuild with `cd web && npm ci && npm run build`.
package web

import (
	"embed"
	"io/fs"
)

//go:embed dist
var dist embed.FS

// Assets returns the built UI: index.html at the root, hashed files in assets/.
func Assets() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil { // the embed pattern above guarantees dist exists
		panic(err)
	}
	return sub
}
