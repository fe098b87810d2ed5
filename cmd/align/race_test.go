//go:build race

package main

// raceEnabled is set when the tests run with -race, which makes byte-level
// work on tens of MiB ten times slower; the large round trip then uses a
// smaller export, and .ci/run runs it at full size without -race.
const raceEnabled = true
