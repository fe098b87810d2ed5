//go:build race

package diagnose_test

// raceDetector is set when the tests run under -race, which makes training
// ten times slower; .ci/run runs the training test again without it.
const raceDetector = true
