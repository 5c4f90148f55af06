package process

import (
	"testing"

	"github.com/masar-project/masar/text"
)

func tokens(s string) []text.Token { return text.Tokenize(s) }

// TestCatalog checks the reviewed data: every process is complete, and the
// processes of the issue are there with the roles the data promises.
func TestCatalog(t *testing.T) {
	c := Default()
	for _, p := range c.Processes() {
		if p.Name == "" || p.NameAr == "" || p.Venue.Name == "" || p.Venue.Country == "" || len(p.Roles) == 0 ||
			len(p.Names)+len(p.Places) == 0 {
			t.Errorf("%s: incomplete: %+v", p.ID, p)
		}
		for code := range p.Roles {
			if c.ActorName(code) == "" {
				t.Errorf("%s: no display name for %s", p.ID, code)
			}
		}
	}
	roles := []struct{ process, code, role string }{
		{"astana", "RUSGOV", RoleGuarantor}, {"astana", "TURGOV", RoleGuarantor}, {"astana", "IRNGOV", RoleGuarantor},
		{"astana", "JORGOV", RoleObserver}, {"astana", "USAGOV", RoleObserver}, {"astana", "IGOUNO", RoleObserver},
		{"astana", "KAZGOV", RoleHost}, {"astana", "SYRGOV", RoleParty}, {"astana", "SYRREB", RoleParty},
		{"geneva", "IGOUNO", RoleMediator}, {"geneva", "SYROPP", RoleParty},
		{"sochi", "RUSGOV", RoleHost}, {"constitutional-committee", "IGOUNO", RoleMediator},
		{"astana", "FRAGOV", ""},
	}
	for _, r := range roles {
		p, ok := c.Lookup(r.process)
		if !ok {
			t.Fatalf("no process %q", r.process)
		}
		if got := p.Role(r.code); got != r.role {
			t.Errorf("%s %s: got role %q, want %q", r.process, r.code, got, r.role)
		}
	}
}

func TestLookup(t *testing.T) {
	tests := []struct{ name, want string }{
		{"astana", "astana"}, {"ASTANA", "astana"}, {"Astana talks", "astana"}, {"أستانة", "astana"},
		{"نور سلطان", "astana"}, {"جنيف", "geneva"}, {"اللجنة الدستورية", "constitutional-committee"},
		{"منصة موسكو", "moscow-platform"}, {"Cairo platform", "cairo-platform"}, {"nowhere", ""},
	}
	for _, tt := range tests {
		p, ok := Default().Lookup(tt.name)
		got := ""
		if ok {
			got = p.ID
		}
		if got != tt.want {
			t.Errorf("Lookup(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestOrdinals(t *testing.T) {
	c := Default()
	for _, tt := range []struct {
		words string
		want  int
	}{
		{"الأولى", 1}, {"الأول", 1}, {"الثاني", 2}, {"الخامسة", 5}, {"العاشر", 10}, {"الحادي عشر", 11},
		{"الثانية عشرة", 12}, {"التاسعة عشرة", 19}, {"العشرون", 20}, {"الحادية والعشرين", 21}, {"الثالث والثلاثون", 33},
	} {
		toks := tokens(tt.words)
		got, next, ok := parseOrdinal(c.classify(toks), 0)
		if !ok || got != tt.want || next != len(toks) {
			t.Errorf("%q: got %d (ok %v, next %d of %d), want %d", tt.words, got, ok, next, len(toks), tt.want)
		}
	}
}
