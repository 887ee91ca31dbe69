package quote

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// want is one expected quote. Empty speaker means no speaker phrase.
type want struct {
	text    string
	speaker string
	form    Form
	direct  bool
	cont    bool
	cue     string
}

func (w want) String() string {
	return fmt.Sprintf("{%q by %q (%v) direct=%v cont=%v cue=%q}", w.text, w.speaker, w.form, w.direct, w.cont, w.cue)
}

func got2want(q Quote) want {
	return want{q.Text, q.Speaker.Text, q.Form, q.Direct, q.Continues, q.Cue}
}

func TestFindDirect(t *testing.T) {
	tests := []struct {
		name, in string
		want     []want
	}{
		// Attribution after the quote.
		{"curly comma he said", `“We will win,” he said.`,
			[]want{{"We will win", "he", Pronoun, true, false, "said"}}},
		{"straight said name", `"We will win," said Mr Smith.`,
			[]want{{"We will win", "Mr Smith", Named, true, false, "said"}}},
		{"participle after a recipient", `Party chairman Tom Reyes has written to the regulator saying: “Such calls are plainly illegal.”`,
			[]want{{"Such calls are plainly illegal.", "Party chairman Tom Reyes", Named, true, false, "saying"}}},
		{"name from an organisation", `Nigel Rook from the Players' Union said members were “badly let down” again.`,
			[]want{{"badly let down", "Nigel Rook from the Players' Union", Nominal, true, false, "said"}}},
		{"no comma said", `“We will win” said John Smith of Acme.`,
			[]want{{"We will win", "John Smith of Acme", Named, true, false, "said"}}},
		{"comma outside", `“We will win”, she added.`,
			[]want{{"We will win", "she", Pronoun, true, false, "added"}}},
		{"nominal after", `"The talks are over," the official said.`,
			[]want{{"The talks are over", "the official", Nominal, true, false, "said"}}},
		{"appositive after", `"We are ready," Mr Smith, the chairman, told reporters.`,
			[]want{{"We are ready", "Mr Smith", Named, true, false, "told"}}},
		{"according to after", `"Sales are down", according to a company spokesman.`,
			[]want{{"Sales are down", "a company spokesman", Nominal, true, false, "according to"}}},
		{"asked", `"Why now?" she asked.`,
			[]want{{"Why now?", "she", Pronoun, true, false, "asked"}}},
		{"auxiliary", `"It is done," he has said.`,
			[]want{{"It is done", "he", Pronoun, true, false, "said"}}},
		{"quoted as saying", `"We are proud," Arab News quoted Prince Saud as saying.`,
			[]want{{"We are proud", "Prince Saud", Named, true, false, "quoted"}}},

		// Attribution before the quote.
		{"said colon", `Mr Yun said: “It has not been limited at all.”`,
			[]want{{"It has not been limited at all.", "Mr Yun", Named, true, false, "said"}}},
		{"said no colon", `The minister said "enough is enough" on Monday.`,
			[]want{{"enough is enough", "The minister", Nominal, true, false, "said"}}},
		{"told the BBC colon", `Mr Howard told the BBC: "I reject that entirely."`,
			[]want{{"I reject that entirely.", "Mr Howard", Named, true, false, "told"}}},
		{"told radio programme", `Mr Blair told BBC Radio 4's Today programme: "I know David very well."`,
			[]want{{"I know David very well.", "Mr Blair", Named, true, false, "told"}}},
		{"according to before", `According to the report, "the divide is closing fast".`,
			[]want{{"the divide is closing fast", "the report", Nominal, true, false, "According to"}}},
		{"speaking to", `Speaking to the Centre for Strategic Studies, he said: “I strongly believe in soft power.”`,
			[]want{{"I strongly believe in soft power.", "he", Pronoun, true, false, "said"}}},
		{"speaking at appositive", `Mr Smith, speaking at the UN, said: "We need peace."`,
			[]want{{"We need peace.", "Mr Smith", Named, true, false, "said"}}},
		{"stray comma subject", `The State Department official, said: “It is now a broader mandate than that”.`,
			[]want{{"It is now a broader mandate than that", "The State Department official", Nominal, true, false, "said"}}},
		{"leading conjunction trimmed", `But A State Department official said: “It is a mandate.”`,
			[]want{{"It is a mandate.", "A State Department official", Nominal, true, false, "said"}}},
		{"titles kept", `US Secretary of State Rex Tillerson said: "Diplomacy works."`,
			[]want{{"Diplomacy works.", "US Secretary of State Rex Tillerson", Named, true, false, "said"}}},
		{"title before name", `NATO chief Jens Stoltenberg warned: "This is a global threat."`,
			[]want{{"This is a global threat.", "NATO chief Jens Stoltenberg", Named, true, false, "warned"}}},
		{"spokesman for", `A spokesman for the company said: "We regret the delay."`,
			[]want{{"We regret the delay.", "A spokesman for the company", Nominal, true, false, "said"}}},
		{"name in appositive", `The head of the school, Richard Fogarty, said: "It was a shock."`,
			[]want{{"It was a shock.", "Richard Fogarty", Named, true, false, "said"}}},
		{"place appositive", `Andrew Fisher, from Omaha, Nebraska, said: "I own my forehead."`,
			[]want{{"I own my forehead.", "Andrew Fisher", Named, true, false, "said"}}},
		{"acronym in brackets", `The British Chamber of Commerce (BCC), which polled firms, said: "Times are hard."`,
			[]want{{"Times are hard.", "The British Chamber of Commerce", Named, true, false, "said"}}},
		{"adverbial lead trimmed", `Days later, after the vote, Mr Trump said: "It was rigged."`,
			[]want{{"It was rigged.", "Mr Trump", Named, true, false, "said"}}},
		{"said on date", `US Secretary of State Rex Tillerson said on October 17 he would continue “diplomatic efforts … until the first bomb drops.”`,
			[]want{{"diplomatic efforts … until the first bomb drops.", "US Secretary of State Rex Tillerson", Named, true, false, "said"}}},
		{"coordinated verbs", `Coria conceded that Rochus "played just too good," and added: "When you give your best you can't be sad."`,
			[]want{{"played just too good", "Coria", Named, true, false, "conceded"}, {"When you give your best you can't be sad.", "Coria", Named, true, false, "added"}}},

		// Partial quotes governed by a cue.
		{"vowed to", `He vowed to “totally destroy” North Korea.`,
			[]want{{"totally destroy", "He", Pronoun, true, false, "vowed"}}},
		{"called nickname", `Trump called Kim Jong-un “rocket man” on Twitter.`,
			[]want{{"rocket man", "Trump", Named, true, false, "called"}}},
		{"is to", `An official said among the points Mr Yun has made is to “stop testing” nuclear bombs.`,
			[]want{{"stop testing", "An official", Nominal, true, false, "said"}}},
		{"told to", `Mr Yun told negotiators to "stop testing" bombs, the official said.`,
			[]want{{"stop testing", "Mr Yun", Named, true, false, "told"}}},
		{"predicate adjective", `He said the plan was "unworkable" and would fail.`,
			[]want{{"unworkable", "He", Pronoun, true, false, "said"}}},
		{"described as passive by", `Fletcher was described as a "consummate professional" by his friend Michael Pointon.`,
			[]want{{"consummate professional", "his friend Michael Pointon", Named, true, false, "described"}}},
		{"partial with determiner", `Mr Kennedy said Iraq had become a "crucible of militant terrorism".`,
			[]want{{"crucible of militant terrorism", "Mr Kennedy", Named, true, false, "said"}}},

		{"name and colon", `- Blackburn boss Mark Hughes: "Burnley are resolute but we will win."`,
			[]want{{"Burnley are resolute but we will win.", "Blackburn boss Mark Hughes", Named, true, false, ""}}},
		{"sentence before", `She said she wished she had worn them. "I always take them off at night, you see."`,
			[]want{{"I always take them off at night, you see.", "She", Pronoun, true, false, "said"}}},
		{"coordinated subject", `PBS is seen in most homes, and describes itself as a "trusted community resource".`,
			[]want{{"trusted community resource", "PBS", Named, true, false, "describes"}}},
		{"passive by coordinated agent", `He was described as a "consummate professional" by his friend and fellow broadcaster Michael Pointon.`,
			[]want{{"consummate professional", "his friend and fellow broadcaster Michael Pointon", Named, true, false, "described"}}},

		// Quotes in several parts.
		{"split by attribution sentence", `“First part,” he said. “Second part.”`,
			[]want{{"First part", "he", Pronoun, true, false, "said"}, {"Second part.", "", NoSpeaker, true, true, ""}}},
		{"split by attribution comma", `“First part,” he said, “second part.”`,
			[]want{{"First part", "he", Pronoun, true, false, "said"}, {"second part.", "he", Pronoun, true, true, "said"}}},
		{"paragraphs", "The official added: “The preferred endpoint is not a war.\n\n“Diplomacy has a lot more room to go.”",
			[]want{{"The preferred endpoint is not a war.", "The official", Nominal, true, false, "added"}, {"Diplomacy has a lot more room to go.", "", NoSpeaker, true, true, ""}}},
		{"paragraphs straight single newline", "She said: \"One.\n\"Two.\"",
			[]want{{"One.", "She", Pronoun, true, false, "said"}, {"Two.", "", NoSpeaker, true, true, ""}}},
		{"paragraph break lost", `She said: "The party has taken advice. "We would like you to reflect." Mr Smith said no.`,
			[]want{{"The party has taken advice.", "She", Pronoun, true, false, "said"}, {"We would like you to reflect.", "", NoSpeaker, true, true, ""}}},
		{"first part takes later speaker", "\"It was nice to win. I was nervous.\n\n\"I felt good,\" said Holmes.",
			[]want{{"It was nice to win. I was nervous.", "Holmes", Named, true, false, "said"}, {"I felt good", "Holmes", Named, true, true, "said"}}},
		{"quote after attributed quote", "\"It was hard,\" he said.\n\n\"But we did it in the end, and we are proud of it.\"",
			[]want{{"It was hard", "he", Pronoun, true, false, "said"}, {"But we did it in the end, and we are proud of it.", "", NoSpeaker, true, true, ""}}},
		{"missing closing mark before colon", `Mr Mubanga said: "I lost three years. He added: "I am angry."`,
			[]want{{"I lost three years.", "Mr Mubanga", Named, true, false, "said"}, {"I am angry.", "He", Pronoun, true, false, "added"}}},

		// Marks.
		{"single quotes", `‘We will fight on,’ said the minister.`,
			[]want{{"We will fight on", "the minister", Nominal, true, false, "said"}}},
		{"straight single quotes", `'We will fight on,' said the minister.`,
			[]want{{"We will fight on", "the minister", Nominal, true, false, "said"}}},
		{"double apostrophes", `''A law firm will act,'' said Newry boss Roy McCreadie.`,
			[]want{{"A law firm will act", "Newry boss Roy McCreadie", Named, true, false, "said"}}},
		{"apostrophes are not marks", `It's Pyongyang’s view, the players’ union said: “We’re O'Brien's team.”`,
			[]want{{"We’re O'Brien's team.", "the players’ union", Nominal, true, false, "said"}}},
		{"nested single inside double", `He said: "They called it 'a disaster' today."`,
			[]want{{"They called it 'a disaster' today.", "He", Pronoun, true, false, "said"}}},
		{"plural possessive inside single", `‘The players’ union is strong,’ he said.`,
			[]want{{"The players’ union is strong", "he", Pronoun, true, false, "said"}}},
		{"missing name apostrophe", `But ‘s threats against are believed to matter.`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Find(tt.in)
			checkInvariants(t, tt.in, got)
			var direct []want
			for _, q := range got {
				if q.Direct {
					direct = append(direct, got2want(q))
				}
			}
			if fmt.Sprint(direct) != fmt.Sprint(tt.want) {
				t.Errorf("Find(%q) direct quotes =\n  %v\nwant\n  %v", tt.in, direct, tt.want)
			}
		})
	}
}

func TestFindNotQuotes(t *testing.T) {
	tests := []struct{ name, in string }{
		{"so called", `Mr Yun has been in contact with diplomats under the so called “nuclear channel” at the mission, the official said.`},
		{"so-called", `Using the so-called “New York channel”, Mr Yun has been in contact with diplomats.`},
		{"policy title", `The administration in April unveiled a policy of “maximum pressure and engagement” that has failed.`},
		{"coupled with", `A defector said he backed the policy, coupled with “maximum engagement” with the leadership.`},
		{"term no cue", `The "digital divide" between rich and poor is a known problem.`},
		{"nickname", `The striker, known as "the Beast", scored twice.`},
		{"film title", `He starred in the film "Lost In Translation" last year.`},
		{"long title case", `The album "The Dark Side Of The Moon Is Here" sold well.`},
		{"named", `A boat named "Spirit of London" sank.`},
		{"amid claims", `The minister was speaking amid claims that he ran a "dirty tricks" campaign.`},
		{"list of terms", `It helps, said Mr Burke, that people know terms like "digital", "interactive" and "broadband".`},
		{"list of terms after said", `He said words such as "synergy" and "leverage" were banned.`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Find(tt.in)
			checkInvariants(t, tt.in, got)
			for _, q := range got {
				if q.Direct {
					t.Errorf("Find(%q) has direct quote %q, want none", tt.in, q.Text)
				}
			}
		})
	}
}

func TestFindIndirect(t *testing.T) {
	tests := []struct {
		name, in string
		want     []want // indirect quotes only
	}{
		{"possessive speech noun", `This contrasts with Mayor Elena Ruiz’s repeated assertions that the budget is balanced.`,
			[]want{{"the budget is balanced", "Mayor Elena Ruiz’s", Named, false, false, "assertions"}}},
		{"possessive without that is no speech", `Mr Olsen's claims were rejected by the court.`, nil},
		{"said that", `Mr Smith said that the talks were pointless.`,
			[]want{{"the talks were pointless", "Mr Smith", Named, false, false, "said"}}},
		{"said no that", `Mr Tillerson said Washington was probing for a diplomatic opening.`,
			[]want{{"Washington was probing for a diplomatic opening", "Mr Tillerson", Named, false, false, "said"}}},
		{"subordinate clause ends at comma", `Days later, after Mr Tillerson said Washington was probing for an opening, Mr Trump went golfing.`,
			[]want{{"Washington was probing for an opening", "Mr Tillerson", Named, false, false, "said"}}},
		{"told reporters", `The minister told reporters the plan would be scrapped.`,
			[]want{{"the plan would be scrapped", "The minister", Nominal, false, false, "told"}}},
		{"told the BBC that", `Mr Brown told the BBC that taxes would not rise.`,
			[]want{{"taxes would not rise", "Mr Brown", Named, false, false, "told"}}},
		{"warned object that", `He warned the BBC that attacking Mr Campbell had brought it trouble.`,
			[]want{{"attacking Mr Campbell had brought it trouble", "He", Pronoun, false, false, "warned"}}},
		{"urged", `NATO chief Jens Stoltenberg has urged all members to implement sanctions.`,
			[]want{{"all members to implement sanctions", "NATO chief Jens Stoltenberg", Named, false, false, "urged"}}},
		{"said on date", `The company said on Tuesday it would cut 500 jobs.`,
			[]want{{"it would cut 500 jobs", "The company", Nominal, false, false, "said"}}},
		{"said in a statement", `The firm said in a statement that profits had fallen.`,
			[]want{{"profits had fallen", "The firm", Nominal, false, false, "said"}}},
		{"clause then cue", `Warmbier’s death was a factor in the chilling of contacts, the official said.`,
			[]want{{"Warmbier’s death was a factor in the chilling of contacts", "the official", Nominal, false, false, "said"}}},
		{"clause then admitted", `The US is quietly pursuing direct diplomacy, a senior State Department official has admitted.`,
			[]want{{"The US is quietly pursuing direct diplomacy", "a senior State Department official", Nominal, false, false, "admitted"}}},
		{"clause then inverted", `Sales were lower than expected, said Mr Jones.`,
			[]want{{"Sales were lower than expected", "Mr Jones", Named, false, false, "said"}}},
		{"clause then according", `The divide is narrowing fast, according to a World Bank report.`,
			[]want{{"The divide is narrowing fast", "a World Bank report", Nominal, false, false, "according to"}}},
		{"according then clause", `According to the police, the man was armed.`,
			[]want{{"the man was armed", "the police", Nominal, false, false, "According to"}}},
		{"parenthetical cue", `Now, he said, the gaming world rivals the movie industry.`,
			[]want{{"the gaming world rivals the movie industry", "he", Pronoun, false, false, "said"}}},
		{"who said", `That charge was denied by Mr Mandelson, who said the Tories were afraid of him.`,
			[]want{{"the Tories were afraid of him", "Mr Mandelson", Named, false, false, "said"}}},
		{"second verb", `Mr Wolfson admitted that sales were weak, but said profits should still top forecasts.`,
			[]want{{"sales were weak", "Mr Wolfson", Named, false, false, "admitted"}, {"profits should still top forecasts", "Mr Wolfson", Named, false, false, "said"}}},
		{"says present", `Critics say feta is a generic term.`,
			[]want{{"feta is a generic term", "Critics", Nominal, false, false, "say"}}},
		{"points out", `The company points out that this will appeal to handheld users.`,
			[]want{{"this will appeal to handheld users", "The company", Nominal, false, false, "points out"}}},
		{"clause before partial quote", `Mr Kennedy said the public felt let down by Labour on many issues and the Tories were not "asking the critical questions".`,
			[]want{{"the public felt let down by Labour on many issues", "Mr Kennedy", Named, false, false, "said"}}},

		// Not indirect speech.
		{"said to be", `He is said to be furious about the leak.`, nil},
		{"passive told", `Workers were told the plant would close.`, nil},
		{"as he said", `As he said earlier, the plan works.`, nil},
		{"did not say", `But he did not say whether authority had been given to discuss it.`, nil},
		{"relative clause", `Sanctions against the North, which he said has emerged as a global threat, were agreed.`, nil},
		{"announced a thing", `Rank announced a study into a possible demerger.`, nil},
		{"agreed a deal", `The operators agreed a settlement with the studios.`, nil},
		{"claims noun", `The minister faced fresh claims the money was wasted.`, nil},
		{"number is no speaker", `The firm faces a $280bn claim, said to be the largest ever.`, nil},
		{"direct partial only", `He said the plan was "unworkable" and would fail.`, nil},
		{"argued against", `Defence lawyers argued against the bid by news organisations.`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Find(tt.in)
			checkInvariants(t, tt.in, got)
			var ind []want
			for _, q := range got {
				if !q.Direct {
					ind = append(ind, got2want(q))
				}
			}
			if fmt.Sprint(ind) != fmt.Sprint(tt.want) {
				t.Errorf("Find(%q) indirect =\n  %v\nwant\n  %v", tt.in, ind, tt.want)
			}
		})
	}
}

func TestFindSentence(t *testing.T) {
	in := "First sentence here. US Secretary of State Rex Tillerson said on October 17 he would continue “diplomatic efforts until the first bomb drops.” Another one."
	got := Find(in)
	if len(got) != 1 {
		t.Fatalf("Find(%q) = %d quotes, want 1", in, len(got))
	}
	want := "US Secretary of State Rex Tillerson said on October 17 he would continue “diplomatic efforts until the first bomb drops.”"
	if got[0].Sentence.Text != want {
		t.Errorf("Find(%q)[0].Sentence = %q, want %q", in, got[0].Sentence.Text, want)
	}
	if got[0].CueSpan.Text != "said" || in[got[0].CueSpan.Start:got[0].CueSpan.End] != "said" {
		t.Errorf("Find(%q)[0].CueSpan = %+v, want the span of \"said\"", in, got[0].CueSpan)
	}
}

func TestFindEmpty(t *testing.T) {
	for _, in := range []string{"", " ", "\n\n", `"`, `“”`, `""`, `'`, "No quotes at all here."} {
		if got := Find(in); len(got) != 0 {
			t.Errorf("Find(%q) = %v, want none", in, got)
		}
	}
}

// checkInvariants checks what holds for every text: offsets inside the
// text and on rune boundaries, Text == text[Start:End] for every span,
// quotes in order and not overlapping, confidence in (0, 1].
func checkInvariants(t *testing.T, text string, got []Quote) {
	t.Helper()
	valid := utf8.ValidString(text)
	span := func(i int, what string, sp Span, mayBeZero bool) {
		if mayBeZero && sp == (Span{}) {
			return
		}
		if sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End {
			t.Fatalf("Find: quote %d %s has bad offsets [%d,%d) in a text of %d bytes", i, what, sp.Start, sp.End, len(text))
		}
		if valid && (!utf8.RuneStart(text[sp.Start]) || sp.End < len(text) && !utf8.RuneStart(text[sp.End])) {
			t.Errorf("Find: quote %d %s [%d,%d) not on rune boundaries", i, what, sp.Start, sp.End)
		}
		if sp.Text != text[sp.Start:sp.End] {
			t.Errorf("Find: quote %d %s Text = %q, want text[%d:%d] = %q", i, what, sp.Text, sp.Start, sp.End, text[sp.Start:sp.End])
		}
	}
	last := 0
	for i, q := range got {
		span(i, "span", q.Span, false)
		span(i, "cue", q.CueSpan, q.Cue == "")
		span(i, "speaker", q.Speaker, q.Form == NoSpeaker)
		span(i, "sentence", q.Sentence, false)
		if q.Start < last {
			t.Errorf("Find: quote %d starts at %d, before the end %d of the one before", i, q.Start, last)
		}
		if q.Sentence.Start > q.Start || q.Sentence.End < q.End {
			t.Errorf("Find: quote %d [%d,%d) is not inside its sentence [%d,%d)", i, q.Start, q.End, q.Sentence.Start, q.Sentence.End)
		}
		if (q.Form == NoSpeaker) != (q.Speaker == Span{}) {
			t.Errorf("Find: quote %d has form %v and speaker %q", i, q.Form, q.Speaker.Text)
		}
		if q.Cue != q.CueSpan.Text {
			t.Errorf("Find: quote %d has cue %q and cue span %q", i, q.Cue, q.CueSpan.Text)
		}
		if q.Confidence <= 0 || q.Confidence > 1 {
			t.Errorf("Find: quote %d has confidence %v", i, q.Confidence)
		}
		if strings.TrimSpace(q.Text) != q.Text {
			t.Errorf("Find: quote %d text %q has surrounding space", i, q.Text)
		}
		last = q.End
	}
}

func TestCorpusInvariants(t *testing.T) {
	n, direct := 0, 0
	for _, a := range loadCorpus(t, 0) {
		got := Find(a.Text)
		checkInvariants(t, a.Text, got)
		if t.Failed() {
			t.Fatalf("in article %s", a.ID)
		}
		n += len(got)
		for _, q := range got {
			if q.Direct {
				direct++
			}
		}
	}
	t.Logf("%d quotes, %d direct", n, direct)
	if direct == 0 || direct == n {
		t.Errorf("Find over the corpus gave %d quotes of which %d direct, want both kinds", n, direct)
	}
}

func FuzzFind(f *testing.F) {
	f.Add(`“First part,” he said. “Second part.” Mr Yun said: “It has not been limited.”`)
	f.Add("The official added: “The preferred endpoint.\n\n“Diplomacy has room.”")
	f.Add(`She said: "One. "Two." 'Three,' said the players’ union. ''Four,'' said X (BBC), who.`)
	f.Add(`Warmbier’s death was a factor, the official said. According to X, Y was true.`)
	f.Fuzz(func(t *testing.T, text string) {
		checkInvariants(t, text, Find(text))
	})
}

func BenchmarkFind(b *testing.B) {
	arts := loadCorpus(b, 200)
	words, bytes := 0, 0
	for _, a := range arts {
		words += len(strings.Fields(a.Text))
		bytes += len(a.Text)
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, a := range arts {
			Find(a.Text)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
