package http

// Phrase exposes phrase to the tests.
var Phrase = phrase
