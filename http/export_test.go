package http

// Phrase exposes phrase to the tests.
var Phrase = phrase

// Templates parses the page templates, as the first page does.
func (s *Server) Templates() (int, error) {
	pages, err := s.templates()
	return len(pages), err
}
