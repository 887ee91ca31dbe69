// Package web serves newsgraph's research dashboard: the browser page that
// searches the graph, shows entity pages, a graph view, a timeline and a
// GraphQL console.
//
// The page is built from web/src by Vite (npm --prefix web ci && npm --prefix
// web run build) into web/dist, as app.html and assets/, and embedded in the
// binary. Without Node only the committed placeholder web/dist/index.html is
// there, so go build always works and the page tells the reader how to build
// the real assets. The build writes app.html rather than overwriting
// index.html so that building leaves the committed tree clean.
package web

import (
	"embed"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

//go:embed all:dist
var dist embed.FS

// Handler returns the handler that serves the dashboard's built assets. Mount
// it at "/". Paths that name no file get index.html, so the page's own routes
// survive a reload. Hashed assets under /assets/ are cached for a year; the
// rest, index.html above all, is revalidated on every load. The handler is
// safe for concurrent use.
func Handler() http.Handler {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		// fs.Sub fails only on an invalid path, and "dist" is a constant.
		panic("web: " + err.Error())
	}
	return newHandler(sub)
}

// newHandler serves the dashboard from fsys, which holds the contents of
// dist/.
func newHandler(fsys fs.FS) *handler {
	page := "index.html"
	if exists(fsys, "app.html") {
		page = "app.html"
	}
	return &handler{fsys: fsys, page: page, files: http.FileServerFS(fsys)}
}

type handler struct {
	fsys  fs.FS
	page  string // the built app.html, else the placeholder index.html
	files http.Handler
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" || name == "index.html" || name == "app.html" || !exists(h.fsys, name) {
		if strings.HasPrefix(name, "assets/") {
			// A missing hashed asset is a stale page, not a route: say so
			// rather than answer JavaScript requests with HTML.
			http.NotFound(w, r)
			return
		}
		h.serveIndex(w, r)
		return
	}
	if strings.HasPrefix(name, "assets/") {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		w.Header().Set("Cache-Control", "no-cache")
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	h.files.ServeHTTP(w, r)
}

// serveIndex writes the page directly: http.FileServer would redirect
// /index.html to / and list directories.
func (h *handler) serveIndex(w http.ResponseWriter, r *http.Request) {
	b, err := fs.ReadFile(h.fsys, h.page)
	if err != nil {
		http.Error(w, "web: dashboard missing from this build", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if r.Method == http.MethodHead {
		return
	}
	w.Write(b)
}

func exists(fsys fs.FS, name string) bool {
	st, err := fs.Stat(fsys, name)
	return err == nil && !st.IsDir()
}
