package web

import (
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"path"
	"strings"
	"testing"
	"testing/fstest"
)

func get(t *testing.T, method, target string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	Handler().ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	return rec
}

func TestHandlerIndex(t *testing.T) {
	for _, target := range []string{"/", "/index.html", "/entity/abc", "/some/page?q=1"} {
		t.Run(target, func(t *testing.T) {
			rec := get(t, http.MethodGet, target)
			if rec.Code != http.StatusOK {
				t.Fatalf("GET %s: status = %d, want %d", target, rec.Code, http.StatusOK)
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
				t.Errorf("GET %s: Content-Type = %q, want text/html", target, ct)
			}
			body := rec.Body.String()
			if !strings.Contains(body, "<title>newsgraph") {
				t.Errorf("GET %s: body lacks the page title; got %.200q", target, body)
			}
		})
	}
}

// TestHandlerContentTypes serves every embedded file, placeholder or built,
// and checks the type a browser will trust (nosniff is set).
func TestHandlerContentTypes(t *testing.T) {
	want := map[string]string{
		".html":  "text/html",
		".js":    "text/javascript",
		".mjs":   "text/javascript",
		".css":   "text/css",
		".svg":   "image/svg+xml",
		".png":   "image/png",
		".json":  "application/json",
		".woff2": "font/woff2",
	}
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	err = fs.WalkDir(sub, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		prefix, ok := want[path.Ext(name)]
		if !ok {
			return nil
		}
		n++
		t.Run(name, func(t *testing.T) {
			rec := get(t, http.MethodGet, "/"+name)
			if rec.Code != http.StatusOK {
				t.Fatalf("GET /%s: status = %d, want %d", name, rec.Code, http.StatusOK)
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, prefix) {
				t.Errorf("GET /%s: Content-Type = %q, want %s", name, ct, prefix)
			}
			if got := rec.Header().Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("GET /%s: X-Content-Type-Options = %q, want nosniff", name, got)
			}
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("no servable files embedded from dist/")
	}
}

func TestHandlerErrors(t *testing.T) {
	tests := []struct {
		name, method, target string
		want                 int
	}{
		{"missing asset", http.MethodGet, "/assets/gone-1234.js", http.StatusNotFound},
		{"post", http.MethodPost, "/", http.StatusMethodNotAllowed},
		{"head", http.MethodHead, "/", http.StatusOK},
		{"dot dot", http.MethodGet, "/../../etc/passwd", http.StatusOK}, // cleaned to a route: index.html
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := get(t, tt.method, tt.target)
			if rec.Code != tt.want {
				t.Errorf("%s %s: status = %d, want %d", tt.method, tt.target, rec.Code, tt.want)
			}
			if strings.Contains(rec.Body.String(), "root:") {
				t.Errorf("%s %s: served a file from outside dist/", tt.method, tt.target)
			}
		})
	}
}

// TestHandlerPage checks which page is served: the built app.html when the
// build ran, else the placeholder telling how to build it.
func TestHandlerPage(t *testing.T) {
	placeholder := &fstest.MapFile{Data: []byte("<title>newsgraph</title> the dashboard assets are not built")}
	app := &fstest.MapFile{Data: []byte("<title>newsgraph</title> app")}
	js := &fstest.MapFile{Data: []byte("console.log(1)")}
	tests := []struct {
		name   string
		fsys   fstest.MapFS
		target string
		want   string
	}{
		{"placeholder only", fstest.MapFS{"index.html": placeholder}, "/", "not built"},
		{"placeholder for a route", fstest.MapFS{"index.html": placeholder}, "/graph/x", "not built"},
		{"built", fstest.MapFS{"index.html": placeholder, "app.html": app, "assets/app-1.js": js}, "/", "app"},
		{"built, index.html asked", fstest.MapFS{"index.html": placeholder, "app.html": app}, "/index.html", "app"},
		{"built asset", fstest.MapFS{"index.html": placeholder, "app.html": app, "assets/app-1.js": js}, "/assets/app-1.js", "console.log"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			newHandler(tt.fsys).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tt.target, nil))
			body, _ := io.ReadAll(rec.Body)
			if rec.Code != http.StatusOK || !strings.Contains(string(body), tt.want) {
				t.Errorf("GET %s = %d %q, want 200 and %q", tt.target, rec.Code, body, tt.want)
			}
		})
	}
	t.Run("placeholder names the build command", func(t *testing.T) {
		b, err := fs.ReadFile(dist, "dist/index.html")
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"not built", "npm --prefix web ci", "npm --prefix web run build"} {
			if !strings.Contains(string(b), want) {
				t.Errorf("dist/index.html lacks %q", want)
			}
		}
	})
}
