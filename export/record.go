package export

import (
	"strings"

	"github.com/masar-project/masar/article"
	"github.com/masar-project/masar/store"
)

// Record is one event mention in the PLOVER/POLECAT shape, flat: the JSON
// Lines export writes it as is and the Parquet export uses it as the schema
// (lists are repeated strings, absent values are null). Actor lists are
// parallel: ActorCode[i] is the code of Actor[i].
type Record struct {
	ID        string   `json:"id" parquet:"id"` // the stored event's ID
	MergedID  int64    `json:"merged_id" parquet:"merged_id"`
	Date      *string  `json:"date" parquet:"date,optional"` // ISO, YYYY-MM or YYYY
	DateEnd   *string  `json:"date_end" parquet:"date_end,optional"`
	EventType string   `json:"event_type" parquet:"event_type,dict"`
	Mode      string   `json:"mode" parquet:"mode,dict"`
	Context   []string `json:"context" parquet:"context"`
	Modality  string   `json:"modality" parquet:"modality,dict"`
	QuadClass int      `json:"quad_class" parquet:"quad_class"` // 1 verbal cooperation .. 4 material conflict
	CAMEO     string   `json:"cameo" parquet:"cameo,dict"`
	Score     float64  `json:"score" parquet:"score"`

	Actor          []string `json:"actor" parquet:"actor"` // names (the surface text when unnamed)
	ActorText      []string `json:"actor_text" parquet:"actor_text"`
	ActorCode      []string `json:"actor_code" parquet:"actor_code"`
	ActorCountry   []string `json:"actor_country" parquet:"actor_country"` // ISO alpha-3, "" for IGOs and transnational groups
	ActorSector    []string `json:"actor_sector" parquet:"actor_sector"`
	Recipient      []string `json:"recipient" parquet:"recipient"`
	RecipientText  []string `json:"recipient_text" parquet:"recipient_text"`
	RecipientCode  []string `json:"recipient_code" parquet:"recipient_code"`
	RecipientCtry  []string `json:"recipient_country" parquet:"recipient_country"`
	RecipientSectr []string `json:"recipient_sector" parquet:"recipient_sector"`

	Location        string   `json:"location" parquet:"location,dict"` // canonical English name
	LocationText    string   `json:"location_text" parquet:"location_text"`
	LocationCountry string   `json:"location_country" parquet:"location_country,dict"`
	Lat             *float64 `json:"lat" parquet:"lat,optional"`
	Lon             *float64 `json:"lon" parquet:"lon,optional"`

	Trigger       string `json:"trigger" parquet:"trigger"`
	Evidence      string `json:"evidence" parquet:"evidence"`
	EvidenceStart int    `json:"evidence_start" parquet:"evidence_start"`
	EvidenceEnd   int    `json:"evidence_end" parquet:"evidence_end"`

	ArticleID int64  `json:"article_id" parquet:"article_id"` // the store's article ID
	SourceID  string `json:"source_id" parquet:"source_id"`   // the article's own id
	URL       string `json:"url" parquet:"url"`
	Title     string `json:"title" parquet:"title"`
	Source    string `json:"source" parquet:"source"` // where it was read from
	Published string `json:"published" parquet:"published"`
	Ingested  string `json:"ingested" parquet:"ingested"`

	Mentions int `json:"mentions" parquet:"mentions"` // of the merged event
	Sources  int `json:"sources" parquet:"sources"`
	Articles int `json:"articles" parquet:"articles"`

	Process  string `json:"process" parquet:"process,dict"`
	Round    int    `json:"round" parquet:"round"`
	Language string `json:"language" parquet:"language,dict"`
}

// quadClass maps PLOVER types to GDELT's quad classes (CODING.md's table).
var quadClass = map[string]int{
	"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
	"COOPERATE": 2, "AID": 2, "RETREAT": 2,
	"REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
	"PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}

// sectors are the CAMEO sector codes that may follow a country code.
var sectors = map[string]bool{
	"GOV": true, "MIL": true, "OPP": true, "REB": true, "CVL": true, "LEG": true, "JUD": true, "COP": true,
	"MED": true, "NGO": true, "BUS": true, "REF": true, "SPY": true, "EDU": true, "HLH": true, "LAB": true,
	"AGR": true, "ELI": true, "CRM": true, "IGO": true, "UAF": true, "MOD": true, "RAD": true, "PTY": true,
	"ENV": true, "HRI": true, "SET": true, "REL": true, "INS": true,
}

// transnational are code prefixes that are not a country.
var transnational = map[string]bool{"IGO": true, "IMG": true, "NGO": true, "MNC": true}

// splitCode reads a CAMEO-style actor code as country and sector: RUSGOV is
// RUS and GOV; IGOUNO has no country and sector IGO; IMGREB has no country
// and sector REB.
func splitCode(code string) (country, sector string) {
	code = strings.ToUpper(code)
	if len(code) < 3 {
		return "", ""
	}
	head, rest := code[:3], code[3:]
	if len(rest) >= 3 && sectors[rest[:3]] {
		sector = rest[:3]
	}
	if transnational[head] {
		if sector == "" {
			sector = head
		}
		return "", sector
	}
	return head, sector
}

func fromRow(r store.EventRow) Record {
	ev := r.Event
	rec := Record{ID: itoa(r.ID), MergedID: r.MergedID, Date: ev.Date, DateEnd: ev.DateEnd,
		EventType: ev.Type, Mode: ev.Mode, Context: nonNil(ev.Context), Modality: ev.Modality,
		QuadClass: quadClass[ev.Type], CAMEO: ev.CAMEO, Score: ev.Score,
		Trigger: ev.Trigger, Evidence: ev.Evidence.Text, EvidenceStart: ev.Evidence.Start, EvidenceEnd: ev.Evidence.End,
		ArticleID: r.ArticleID, URL: r.ArticleURL, Title: r.ArticleTitle, Source: r.Source, Language: "ar"}
	rec.Actor, rec.ActorText, rec.ActorCode, rec.ActorCountry, rec.ActorSector = actorLists(ev.Actors)
	rec.Recipient, rec.RecipientText, rec.RecipientCode, rec.RecipientCtry, rec.RecipientSectr = actorLists(ev.Recipients)
	if l := ev.Location; l != nil {
		rec.Location, rec.LocationText, rec.LocationCountry = l.Name, l.Text, l.Country
		if l.Lat != 0 || l.Lon != 0 { // 0, 0 means the extractor gave no coordinates
			lat, lon := l.Lat, l.Lon
			rec.Lat, rec.Lon = &lat, &lon
		}
	}
	return rec
}

func actorLists(as []article.Actor) (names, texts, codes, countries, sectors []string) {
	names, texts, codes = []string{}, []string{}, []string{}
	countries, sectors = []string{}, []string{}
	for _, a := range as {
		name := a.Name
		if name == "" {
			name = a.Text
		}
		c, s := splitCode(a.Code)
		names, texts, codes = append(names, name), append(texts, a.Text), append(codes, a.Code)
		countries, sectors = append(countries, c), append(sectors, s)
	}
	return
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
