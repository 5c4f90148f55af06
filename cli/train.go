package cli

import (
	"fmt"
	"os"

	"github.com/masar-project/masar/ner"
)

func init() {
	register(Command{Name: "train", Summary: "train a model from data (train ner: the named-entity tagger)", Run: runTrain})
}

// Defaults of `masar train ner`; they are the settings of the shipped model,
// so the command without the other flags reproduces it.
const (
	nerEpochs   = 30
	nerSeed     = 2
	nerPatience = 5
	nerDropout  = 0.4
	nerMembers  = 3
)

func runTrain(env *Env) error {
	if len(env.Args) == 0 || env.Args[0] != "ner" {
		return usageError("usage: masar train ner --train FILE [--dev FILE] --out FILE [flags]")
	}
	fs := newFlags(env, "train ner", "--train FILE [--dev FILE] --out FILE [--epochs N] [--seed S] [--patience P] [--dropout P] [--members K]")
	trainPath := fs.String("train", "", "training data, CoNLL \"token tag\" lines")
	devPath := fs.String("dev", "", "development data for choosing the epoch (optional)")
	out := fs.String("out", "", "where to write the model (gzip)")
	epochs := fs.Int("epochs", nerEpochs, "most passes over the training data")
	seed := fs.Int64("seed", nerSeed, "seed for shuffling")
	patience := fs.Int("patience", nerPatience, "stop after this many epochs without a better dev F1 (0: never)")
	dropout := fs.Float64("dropout", nerDropout, "probability of hiding a token's word-identity features in a training step")
	members := fs.Int("members", nerMembers, "perceptrons averaged per stage, seeded seed, seed+1, ...")
	if err := parseFlags(fs, env.Args[1:]); err != nil {
		return err
	}
	if *trainPath == "" || *out == "" {
		return usageError("--train and --out are required")
	}
	if fs.NArg() > 0 {
		return usageError("unexpected argument %q", fs.Arg(0))
	}
	train, err := readCoNLLFile(*trainPath)
	if err != nil {
		return err
	}
	var dev []ner.Sentence
	if *devPath != "" {
		if dev, err = readCoNLLFile(*devPath); err != nil {
			return err
		}
	}
	m, err := ner.Train(train, dev, ner.TrainOptions{Epochs: *epochs, Seed: *seed, Patience: *patience, LexDropout: *dropout, Members: *members, Progress: env.Stderr})
	if err != nil {
		return err
	}
	w, err := openOut(env, *out)
	if err != nil {
		return err
	}
	if err := m.Save(w); err != nil {
		w.Close()
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "wrote %s: %s\n", *out, m.Info)
	return nil
}

func readCoNLLFile(path string) ([]ner.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := ner.ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}
