package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/casefile"
	"github.com/align-coach/align/engine"
	"github.com/align-coach/align/file"
)

func caseCmd(eng *engine.Engine, e env) *cobra.Command {
	var db string
	open := func() (align.Store, error) { return openStore(dbPath(db, e.getenv)) }
	// load opens the store and reads one case's view.
	load := func(cmd *cobra.Command, arg string) (casefile.View, error) {
		id, err := parseID(arg)
		if err != nil {
			return casefile.View{}, err
		}
		s, err := open()
		if err != nil {
			return casefile.View{}, err
		}
		defer s.Close()
		return casefile.Load(cmd.Context(), eng, s, id)
	}
	root := &cobra.Command{
		Use:   "case",
		Short: "Keep a case file on one sales leader: new, list, show, log, rm-entry, plan, export, import",
		Long: `case keeps a file on one relationship over weeks, in the same SQLite
database the web page uses (--db or ALIGN_DB to choose another).`,
		Example: `  align case new "Dana" --title "VP of Sales" --company Acme
  align case log 1 conversation "Had the one on one. She wants a real buyer behind every lead."
  align case plan 1
  align case export --all > cases.json
  align case import cases.json`,
	}
	root.PersistentFlags().StringVar(&db, "db", "", "SQLite database file or postgres:// URL (default a file in the data directory, or ALIGN_DB)")

	var title, company, role string
	newCmd := &cobra.Command{
		Use: "new NAME", Short: "Start a case on a sales leader", Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := open()
			if err != nil {
				return err
			}
			defer s.Close()
			c := align.Case{Name: args[0], Title: title, Company: company, Role: role}
			if err := s.CreateCase(cmd.Context(), &c); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "case %d: %s\n", c.ID, c.Name)
			return nil
		},
	}
	newCmd.Flags().StringVar(&title, "title", "", "the sales leader's title")
	newCmd.Flags().StringVar(&company, "company", "", "the company")
	newCmd.Flags().StringVar(&role, "role", "", "your own role")

	var asJSON bool
	listCmd := &cobra.Command{
		Use: "list", Short: "List cases", Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := open()
			if err != nil {
				return err
			}
			defer s.Close()
			cs, err := casefile.List(cmd.Context(), eng, s)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(e, cs)
			}
			if len(cs) == 0 {
				fmt.Fprintln(e.stdout, "No cases yet. Start one with: align case new NAME")
			}
			for _, c := range cs {
				who := c.Name
				if c.Title != "" {
					who += ", " + c.Title
				}
				fmt.Fprintf(e.stdout, "%4d  %s\n", c.ID, who)
				if c.Last == nil {
					fmt.Fprintf(e.stdout, "      nothing logged yet; %d of %d steps done\n", c.Done, c.Steps)
					continue
				}
				fmt.Fprintf(e.stdout, "      %s; urgency %s; %d of %d steps done; last entry %s, %s\n",
					c.TypeLine, c.Urgency, c.Done, c.Steps, c.Last.At.Format("2006-01-02"), eng.PB.Cases.Kinds[c.Last.Kind])
			}
			return nil
		},
	}
	listCmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")

	showCmd := &cobra.Command{
		Use: "show ID", Short: "Show a case: the sequence, the timeline and the current plan", Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			v, err := load(cmd, args[0])
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(e, v)
			}
			fmt.Fprintf(e.stdout, "Case %d: %s", v.Case.ID, v.Case.Name)
			if v.Case.Title != "" {
				fmt.Fprintf(e.stdout, ", %s", v.Case.Title)
			}
			fmt.Fprintln(e.stdout)
			fmt.Fprintln(e.stdout, "\nThe sequence:")
			for _, st := range v.Steps {
				mark := "[ ]"
				if st.Done {
					mark = "[x]"
				}
				fmt.Fprintf(e.stdout, "  %s %s\n", mark, st.Label)
			}
			fmt.Fprintln(e.stdout, "\nTimeline:")
			for _, en := range v.Entries {
				fmt.Fprintf(e.stdout, "  %5s  %s  %-22s %s\n", "#"+strconv.FormatInt(en.ID, 10), en.At.Format("2006-01-02"), eng.PB.Cases.Kinds[en.Kind], oneLine(en.Text))
			}
			if v.Plan != "" {
				fmt.Fprintf(e.stdout, "\n%s", v.Plan)
				if len(v.Changes) > 0 {
					fmt.Fprintln(e.stdout, "\nWhat changed since the last plan:")
					for _, l := range v.Changes {
						fmt.Fprintf(e.stdout, "  %s %s\n", l.Op, l.Text)
					}
				}
			} else if v.Message != "" {
				fmt.Fprintf(e.stdout, "\n%s\n", v.Message)
			}
			return nil
		},
	}
	showCmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")

	var at string
	logCmd := &cobra.Command{
		Use:   "log ID KIND TEXT",
		Short: "Add to a case's timeline (kind: " + strings.Join(align.EntryKinds, ", ") + ")",
		Args:  cobra.MinimumNArgs(3),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseID(args[0])
			if err != nil {
				return err
			}
			en := align.Entry{CaseID: id, Kind: args[1], Text: strings.Join(args[2:], " ")}
			if en.Text == "-" {
				b, err := file.Read(cmd.Context(), "-", e.stdin)
				if err != nil {
					return err
				}
				// The entry's own validation decides, as it does for every
				// interface.
				en.Text = string(b)
			}
			if at != "" {
				t, err := time.Parse("2006-01-02", at)
				if err != nil {
					return align.Errorf(align.EINVALID, "--at must be YYYY-MM-DD, not %q", at)
				}
				en.At = t
			}
			s, err := open()
			if err != nil {
				return err
			}
			defer s.Close()
			if err := casefile.AddEntry(cmd.Context(), eng, s, &en); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "logged %s on case %d\n", en.Kind, id)
			return nil
		},
	}
	logCmd.Flags().StringVar(&at, "at", "", "when it happened, YYYY-MM-DD (default now)")

	rmCmd := &cobra.Command{
		Use:   "rm-entry ID ENTRY",
		Short: "Remove one entry from a case's timeline (align case show lists the entries with their numbers)",
		Example: `  align case show 1
  align case rm-entry 1 7`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseID(args[0])
			if err != nil {
				return err
			}
			entry, err := strconv.ParseInt(strings.TrimPrefix(args[1], "#"), 10, 64)
			if err != nil || entry <= 0 {
				return align.Errorf(align.EINVALID, "entry must be a number from align case show, not %q", args[1])
			}
			s, err := open()
			if err != nil {
				return err
			}
			defer s.Close()
			if err := casefile.DeleteEntry(cmd.Context(), eng, s, id, entry); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "removed entry %d from case %d\n", entry, id)
			return nil
		},
	}

	planCmd := &cobra.Command{
		Use: "plan ID", Short: "Print the plan for a case, re-diagnosed from all its entries", Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			v, err := load(cmd, args[0])
			if err != nil {
				return err
			}
			if v.Plan == "" {
				msg := v.Message
				if msg == "" {
					msg = "nothing logged yet: add where things stand with align case log " + args[0] + " situation \"...\""
				}
				return &exitError{code: exitNotAlign, msg: msg}
			}
			fmt.Fprint(e.stdout, v.Plan)
			return nil
		},
	}

	var all bool
	exportCmd := &cobra.Command{
		Use: "export [ID...]", Short: "Export cases as JSON (for backup or another machine)",
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := open()
			if err != nil {
				return err
			}
			defer s.Close()
			var ids []int64
			if all {
				cs, err := s.Cases(cmd.Context())
				if err != nil {
					return err
				}
				for i := len(cs) - 1; i >= 0; i-- {
					ids = append(ids, cs[i].ID)
				}
			}
			for _, a := range args {
				id, err := parseID(a)
				if err != nil {
					return err
				}
				ids = append(ids, id)
			}
			if len(ids) == 0 {
				return align.Errorf(align.EINVALID, "name the case ids to export, or use --all")
			}
			out := []align.CaseExport{}
			for _, id := range ids {
				x, err := casefile.Export(cmd.Context(), s, id)
				if err != nil {
					return err
				}
				out = append(out, x)
			}
			return writeJSON(e, casefile.ExportFile{Version: casefile.ExportVersion, Cases: out})
		},
	}
	exportCmd.Flags().BoolVar(&all, "all", false, "export every case")

	var asNew bool
	importCmd := &cobra.Command{
		Use: "import FILE", Short: "Import cases exported by align case export; all or nothing, and cases already here are skipped", Args: cobra.ExactArgs(1),
		Long: `import stores the cases of an export file. A case already here with the
same fields and timeline is skipped, so importing a file twice changes
nothing. A case here that the file has a different version of is a
conflict: nothing is imported unless --as-new stores those as new cases.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			b, err := file.ReadLimit(cmd.Context(), args[0], e.stdin, casefile.MaxExportBytes)
			if err != nil {
				return err
			}
			cases, err := casefile.ParseExport(b)
			if err != nil {
				return align.Errorf(align.ErrorCode(err), "%s: %s", displayName(args[0]), align.ErrorMessage(err))
			}
			s, err := open()
			if err != nil {
				return err
			}
			defer s.Close()
			rep, err := casefile.Import(cmd.Context(), s, cases, asNew)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "imported %d case(s); skipped %d already here; %d conflict(s)\n", len(rep.Created), len(rep.Identical), len(rep.Conflicts))
			for _, c := range rep.Created {
				fmt.Fprintf(e.stdout, "  created   case %d: %s\n", c.ID, c.Name)
			}
			for _, c := range rep.Identical {
				fmt.Fprintf(e.stdout, "  skipped   case %d: %s (identical, already here)\n", c.ID, c.Name)
			}
			for _, c := range rep.Conflicts {
				fmt.Fprintf(e.stdout, "  conflict  %s differs from case %d here; imported as a new case\n", c.File.Name, c.Here.ID)
			}
			return nil
		},
	}
	importCmd.Flags().BoolVar(&asNew, "as-new", false, "import cases that differ from their version here as new cases")
	root.AddCommand(newCmd, listCmd, showCmd, logCmd, rmCmd, planCmd, exportCmd, importCmd)
	return root
}

func parseID(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, align.Errorf(align.EINVALID, "case id must be a number, not %q", s)
	}
	return id, nil
}
