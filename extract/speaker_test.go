package extract

import (
	"testing"
)

// TestSpeakers checks speaker resolution end to end, with quote.Find
// finding the quotes and their speaker phrases.
func TestSpeakers(t *testing.T) {
	tests := []struct {
		name, text, quote string
		want              string // "" for no speaker
	}{
		{"named", "US Secretary of State Rex Tillerson said he would continue “diplomatic efforts”.", "diplomatic efforts", "Rex Tillerson"},
		{"honorific surname", "Joseph Yun met them. Mr Yun said: “It has not been limited at all.”", "It has not been limited at all", "Joseph Yun"},
		{"pronoun", "Thae Yong Ho was a diplomat in London. Speaking to reporters, he said: “I strongly believe in soft power.”", "I strongly believe in soft power", "Thae Yong Ho"},
		{"anonymous source", "A State Department official said the talks went on. Mr Yun was busy. The official added: “It is now a broader mandate than that.”", "It is now a broader mandate", "State Department official"},
		{"continued quote", "The official said: “The preferred endpoint is not a war.\n\n“Diplomacy has a lot more room to go.”", "Diplomacy has a lot more room", "official"},
		{"organisation noun", "Shares in Halvorsen Motors fell. “Sales were weak,” the company said.", "Sales were weak", "Halvorsen Motors"},
		{"source named right after", "A high-ranking North Korean defector said he backed the policy of pressure. Thae Yong Ho was chief of mission at Pyongyang’s embassy in London until he defected in 2016.", "he backed the policy", "Thae Yong Ho"},
		{"quotation reported by another", "Joseph Yun is the negotiator. A State Department official said among the points Mr Yun has made to them is to “stop testing” missiles.", "stop testing", "Joseph Yun"},
		{"description as subject refers back", "Marco Vellani has been linked with a move to Milan.\n\nThe Italian believed he was talking to club director Pietro Sanna. “I want to play there,” the 24-year-old told a radio station.", "I want to play there", "Marco Vellani"},
		{"pronoun as subject refers back", "Dara Quinn scored twice for Rovers. He conceded the win, which included a goal from Tomas Brek, was not pretty. “It was not our best display,” the Irishman said.", "It was not our best display", "Dara Quinn"},
		{"quoted sentences are not the narrative", "“I did nothing wrong,” said Jon Eker. After the match, Lars Nyberg accused Pavel Dusek of starting the row. “Pavel Dusek is tall. He went for Jon Eker. So I stepped in,” he said.", "So I stepped in", "Lars Nyberg"},
		{"a role given later is not an antecedent", "Ronald Pike criticised quiz shows. “It is just laughing,” said the 74-year-old comedian. Later Vera Holt slated comedian Sam Rook.", "It is just laughing", "Ronald Pike"},
		{"agent of a person", "Helen Ashby has finished her novel. Her agent said Ashby was pleased with the adaptation so far.", "Ashby was pleased", "Helen Ashby's agent"},
		{"the government is not the last body named", "The Dovecote Teachers Union opposed the plan. But the government said the scheme would help schools.", "the scheme would help schools", "government"},
		{"a person-like description of a maker", "Tomas Rudd, 45, founded Quarry Studios in Leeds. The veteran game maker says he has one problem left.", "he has one problem left", "Tomas Rudd"},
		{"relative who", "Lena Dahl said she had visited Piet Vos, who had told her that the story could “stand for any arbitrary power that curtails the freedom of people”.", "stand for any arbitrary power", "Piet Vos"},
		{"person from an organisation", "Nigel Rook from the Players' Union said members were “badly let down” again.", "badly let down", "Nigel Rook"},
		{"the owner is not the subject", "Arsenal lost 3-1 on Tuesday. But Arsene Wenger's Bayern counterpart Felix Magath was in no mood to celebrate. He said: “I am far from happy despite the win.”", "I am far from happy", "Felix Magath"},
		{"a quantified group is new", "Tim Cole unveiled the new phone on Monday. “It is our best phone ever,” he said. Many analysts had already said it was a sensible move.", "it was a sensible move", "analysts"},
		{"people in the reported clause are not the speaker", "Party spokesman Fraser Kemble said the poster had been misunderstood. The image simply showed Mr Harwood as a magician, he argued.", "The image simply showed Mr Harwood as a magician", "Fraser Kemble"},
		{"a national body is not the firm named last", "Shares in Halvorsen Motors rose on Monday. Interest rates will stay low this year, the Norwegian central bank has said.", "Interest rates will stay low this year", "Norwegian central bank"},
		{"a national description of a firm refers back", "Profits at Halvorsen Motors rose on Monday. Sales were strong in Asia, the Norwegian firm said.", "Sales were strong in Asia", "Halvorsen Motors"},
		{"a sentence without its subject names no speaker", "Nils Berg urged calm on Monday. “We will talk,” he said.\n\nSpeaking in Oslo on Tuesday, called Piet Vos “a liar” and left.", "a liar", ""},
		{"the previous speaker goes on", "Nils Berg urged calm on Monday. “We will talk,” he said.\n\nBerg goes on to criticise “reality shows where they film people all day”.", "reality shows where", "Nils Berg"},
		{"a quotation in a sentence about someone else", "“We will talk,” said Nils Berg.\n\nBut Piet Vos defended the plan, calling it “barrier-breaking” for the town.", "barrier-breaking", "Piet Vos"},
		{"a term described by an agent", "“We will talk,” said Nils Berg.\n\nThe machine - on sale from May - was described by Piet Vos as “bring your own display, keyboard and mouse”.", "bring your own display", "Piet Vos"},
		{"gendered honorific", "Michael Jackson denies the charges. His mother Katherine Jackson spoke out. “He loves children,” Mrs Jackson said.", "He loves children", "Katherine Jackson"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := extractText(t, tt.text)
			if len(d.Quotes) == 0 {
				t.Skip("quote.Find finds nothing")
			}
			q := findQuote(d, tt.quote)
			if q == nil {
				t.Skipf("quote.Find did not find %q", tt.quote)
			}
			got := ""
			if q.Speaker != nil {
				got = *q.Speaker
			}
			if got != tt.want {
				t.Errorf("speaker of %q in %q = %q, want %q", tt.quote, tt.text, got, tt.want)
			}
		})
	}
}

func TestDatesAndEvents(t *testing.T) {
	d := extractText(t, "However, when Mr Trump spoke at the UN on September 19, he vowed to act. Donald Trump was in New York.")
	var speech *Event
	for i := range d.Events {
		if d.Events[i].Type == "speech" {
			speech = &d.Events[i]
		}
	}
	if speech == nil {
		t.Fatalf("no speech event among %+v", d.Events)
	}
	if speech.Place != "United Nations" || len(speech.Participants) == 0 || speech.Participants[0] != "Donald Trump" {
		t.Errorf("speech event = %+v, want Donald Trump at United Nations", speech)
	}
	if speech.Date != "" && speech.Date != "2017-09-19" {
		t.Errorf("speech date = %q, want 2017-09-19", speech.Date)
	}
}

func TestRelations(t *testing.T) {
	tests := []struct {
		name, text      string
		subj, pred, obj string
	}{
		{"leader", "North Korean leader Kim Jong-un spoke.", "Kim Jong-un", "leader_of", "North Korea"},
		{"release by", "Otto Warmbier died days after his release by Pyongyang in June.", "North Korea", "released", "Otto Warmbier"},
		{"defection", "Thae Yong Ho was chief of mission at Pyongyang’s embassy in London until he defected in 2016.", "Thae Yong Ho", "defected_from", "North Korea"},
		{"contact", "Joseph Yun has been in contact with diplomats at Pyongyang’s United Nations mission.", "Joseph Yun", "in_contact_with", "North Korea"},
		{"works for", "Anna Berg, a spokeswoman for Halvorsen Motors, said no.", "Anna Berg", "works_for", "Halvorsen Motors"},
		{"of an organisation", "William Corr of the Campaign for Tobacco-Free Kids urged action.", "William Corr", "works_for", "Campaign for Tobacco-Free Kids"},
		{"staff of the same office", "A Foreign Office official said the talks went on. Mr Lund was busy. But Mr Lund’s official’s remarks were clear.", "Lund", "works_for", "Foreign Office"},
		{"staff of the same office, full name", "A Foreign Office spokesman said the talks went on. Erik Lund met them. Erik Lund's spokesman said the talks went well.", "Erik Lund", "works_for", "Foreign Office"},
		{"works for verb", "Maria Hale works for Oxfam, a charity.", "Maria Hale", "works_for", "Oxfam"},
		{"who worked at", "Maria Hale, who worked at Microsoft, said no.", "Maria Hale", "works_for", "Microsoft"},
		{"organisation's person", "“Sales were weak,” said Microsoft's Peter Dunn.", "Peter Dunn", "works_for", "Microsoft"},
		{"a meeting with a club's player", "Tomas Rudd held a meeting with Halvorsen Motors engineer Clara Furse.", "Tomas Rudd", "met", "Clara Furse"},
		{"city, country", "An exhibition is on display in Bonn, Germany.", "Bonn", "located_in", "Germany"},
		{"party's person", "Labour's Peter Dunn said the pair had had a scorching.", "Peter Dunn", "member_of", "Labour Party"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := extractText(t, tt.text)
			for _, r := range d.Relations {
				if r.Subject == tt.subj && string(r.Predicate) == tt.pred && r.Object == tt.obj {
					return
				}
			}
			t.Errorf("Extract(%q) relations = %+v, want %s %s %s", tt.text, d.Relations, tt.subj, tt.pred, tt.obj)
		})
	}
}

// TestRelationsNotRead checks that the works_for patterns keep off things
// that only look like them.
func TestRelationsNotRead(t *testing.T) {
	tests := []struct {
		name, text string
		subj, pred string
	}{
		{"a staff member of no known office", "Erik Lund arrived. Erik Lund's spokesman said the talks went well.", "Erik Lund", "works_for"},
		{"a staff member named only later", "Erik Lund's spokesman said the talks went well. Later a Foreign Office spokesman said the same.", "Erik Lund", "works_for"},
		{"a show named for its host", "Mr Dunn told the BBC's Peter Dunn show he would stay.", "Peter Dunn", "works_for"},
		{"a product", "Gamers can buy Sony's PlayStation Portable from March.", "PlayStation Portable", "works_for"},
		{"meeting a ball", "Dara Quinn met Pavel Dusek's cross at the near post.", "Dara Quinn", "met"},
		{"a list of places", "The airline won permission to fly to London, Singapore and Kuala Lumpur.", "London", "located_in"},
		{"a place before a title", "The news was promoted in Edinburgh, Wales Secretary Peter Hain said.", "Edinburgh", "located_in"},
		{"the subject of another clause", "Peter Dunn said the plan worked for Microsoft.", "Peter Dunn", "works_for"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := extractText(t, tt.text)
			for _, r := range d.Relations {
				if r.Subject == tt.subj && string(r.Predicate) == tt.pred {
					t.Errorf("Extract(%q) relations hold %s %s %s, want none", tt.text, r.Subject, r.Predicate, r.Object)
				}
			}
		})
	}
}
