package querymix

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

const discoverAnswer = `{"data":{
 "entities":{"edges":[{"node":{"id":"person:1","name":"Anna Berg","mentionCount":9}},{"node":{"id":"person:2","name":"Karl Lund","mentionCount":3}}]},
 "quotes":{"edges":[
  {"node":{"text":"We will not raise taxes this year","date":"2005-03-01","speaker":{"id":"person:3","name":"Ola Dahl"}}},
  {"node":{"text":"No","date":"","speaker":null}}]}}}`

func TestParseDiscover(t *testing.T) {
	got, err := parseDiscover([]byte(discoverAnswer))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range got.People {
		names = append(names, p.Name)
	}
	if g, w := strings.Join(names, ","), "Anna Berg,Karl Lund,Ola Dahl"; g != w {
		t.Errorf("parseDiscover people = %s, want %s", g, w)
	}
	want := Phrase{Words: "raise taxes", From: "2004-01-01", To: "2006-12-31"}
	if len(got.Phrases) != 1 || got.Phrases[0] != want {
		t.Errorf("parseDiscover phrases = %+v, want [%+v]", got.Phrases, want)
	}
	if _, err := parseDiscover([]byte(`{"data":{"entities":{"edges":[]},"quotes":{"edges":[]}}}`)); err == nil {
		t.Errorf("parseDiscover(empty store) error = nil, want one")
	}
	if _, err := parseDiscover([]byte(`{"errors":[{"message":"boom"}]}`)); err == nil || !strings.Contains(err.Error(), "boom") {
		t.Errorf("parseDiscover(errors) error = %v, want boom", err)
	}
}

func TestParseMix(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // kinds joined, or "error"
	}{
		{"mix", "speaker,contains,entity,neighbourhood"},
		{"", "speaker,contains,entity,neighbourhood"},
		{"entity", "entity"},
		{"speaker, neighbourhood", "speaker,neighbourhood"},
		{"speaker,films", "error"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			ks, err := ParseMix(tc.in)
			got := "error"
			if err == nil {
				var s []string
				for _, k := range ks {
					s = append(s, string(k))
				}
				got = strings.Join(s, ",")
			}
			if got != tc.want {
				t.Errorf("ParseMix(%q) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}

// The picker takes the kinds in turn and fills each query's variables
// from the targets.
func TestPicker(t *testing.T) {
	tg, err := parseDiscover([]byte(discoverAnswer))
	if err != nil {
		t.Fatal(err)
	}
	p := NewPicker(Kinds, tg, 1)
	for i := range 40 {
		r := p.Next(i)
		want := Kinds[i%len(Kinds)]
		if r.Kind != want || r.Query != queryText[want] {
			t.Fatalf("Next(%d) kind = %s, want %s", i, r.Kind, want)
		}
		var v string
		switch r.Kind {
		case Speaker:
			v, _ = r.Variables["s"].(string)
		case EntityByName:
			v, _ = r.Variables["n"].(string)
		case Neighbourhood:
			v, _ = r.Variables["e"].(string)
			v = strings.TrimPrefix(v, "person:")
		case Contains:
			v, _ = r.Variables["c"].(string)
			if r.Variables["f"] != "2004-01-01" {
				t.Errorf("Next(%d) from = %v, want 2004-01-01", i, r.Variables["f"])
			}
		}
		if v == "" {
			t.Errorf("Next(%d) variables = %v, want a target", i, r.Variables)
		}
	}
}

// Handler posts in process and turns GraphQL errors into Go errors.
func TestHandler(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "graphql") && r.Method == http.MethodPost {
			w.Write([]byte(discoverAnswer))
			return
		}
		http.Error(w, "no", http.StatusNotFound)
	})
	tg, err := Discover(context.Background(), Handler(h))
	if err != nil || len(tg.People) != 3 {
		t.Errorf("Discover(Handler) = %d people, %v; want 3, nil", len(tg.People), err)
	}
	bad := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"data":null,"errors":[{"message":"boom"}]}`))
	})
	if _, err := Handler(bad)(context.Background(), Request{Query: "{x}"}); err == nil || !strings.Contains(err.Error(), "boom") {
		t.Errorf("Handler(errors) error = %v, want boom", err)
	}
}
