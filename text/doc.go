// Package text is masar's Arabic text layer: normalisation for matching with a
// map back to original code-point offsets, sentence splitting and tokenisation
// with light clitic analysis. Every offset it reports counts Unicode code
// points of the caller's input, as OUTPUT.md requires.
package text
