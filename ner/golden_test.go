package ner

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// goldenText is written for this test: a short news item with names of
// every type, Arabic-Indic digits, quotation marks and clitics.
const goldenText = `عمّان - أعلنت وزارة الخارجية الأردنية أن الوزير سيلتقي نظيره المصري في القاهرة يوم ١٢ آذار/مارس.
وقال المتحدث باسم الوزارة إن «المباحثات ستتناول الأوضاع في قطاع غزة والضفة الغربية».
وكان الأمين العام لجامعة الدول العربية قد دعا إلى عقد قمة طارئة في الرياض، بمشاركة ممثلين عن الاتحاد الأوروبي والأمم المتحدة.
وفي الرياضة، فاز نادي الوحدات على الفيصلي بهدفين سجلهما المهاجم محمود عبد الرحمن.`

// TestEntitiesGolden pins the entities of the embedded model on goldenText;
// run with -update after retraining the model.
func TestEntitiesGolden(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.MarshalIndent(m.Entities(goldenText), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "entities.golden.json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("entities differ from %s (run with -update after retraining):\n%s", path, got)
	}
}
