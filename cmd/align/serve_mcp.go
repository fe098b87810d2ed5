package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/spf13/cobra"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/engine"
	"github.com/align-coach/align/guard"
	"github.com/align-coach/align/mcp"
)

func mcpCmd(ctx context.Context, eng *engine.Engine, e env) *cobra.Command {
	var addr, db string
	var allow []string
	c := &cobra.Command{
		Use:   "mcp",
		Short: "Serve align to AI assistants over the Model Context Protocol",
		Long: `mcp serves align's tools (route_request, diagnose_situation,
build_alignment_plan, lint_plan, setup_questions), an intake prompt and a
summary resource over the Model Context Protocol (with --db, also the case
tools list_cases, log_case_entry and case_plan): on standard input and
output by default, or over streamable HTTP with --http. Binding an address
other than loopback requires ALIGN_TOKEN, which clients send as a bearer
token. Over HTTP it answers only to requests addressed to it by IP address,
as localhost, by the host name in --http, or by a name given with
--allow-host.`,
		Example: `  align mcp
  align mcp --http 127.0.0.1:8765
  ALIGN_TOKEN=$(openssl rand -hex 16) align mcp --http 0.0.0.0:8765 --allow-host align.example.com`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var store align.Store
			if db != "" {
				st, err := openStore(db)
				if err != nil {
					return err
				}
				defer st.Close()
				store = st
			}
			srv := mcp.NewServer(eng, version(), store)
			if addr == "" {
				err := srv.Run(ctx, &mcp.StdioTransport{Reader: e.stdin, Writer: e.stdout})
				if err != nil && (errors.Is(err, io.EOF) || ctx.Err() != nil) {
					return nil
				}
				return err
			}
			token := e.getenv("ALIGN_TOKEN")
			if !guard.IsLoopback(addr) && token == "" {
				return align.Errorf(align.EINVALID, "refusing to serve on %s without ALIGN_TOKEN: set it, or bind a loopback address such as 127.0.0.1", addr)
			}
			if token != "" {
				if err := guard.CheckToken(token); err != nil {
					return err
				}
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return align.Errorf(align.EINVALID, "cannot listen on %s: %v", addr, err)
			}
			hs := &http.Server{
				Handler:           mcp.HTTPHandler(srv, mcp.HTTPOptions{Token: token, Hosts: allowedHosts(addr, allow, e.getenv)}),
				ReadHeaderTimeout: 10 * time.Second,
				IdleTimeout:       2 * time.Minute,
			}
			fmt.Fprintf(e.stderr, "align: MCP over HTTP on http://%s\n", ln.Addr())
			go func() {
				<-ctx.Done()
				sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				defer cancel()
				hs.Shutdown(sctx)
			}()
			if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				return err
			}
			return nil
		},
	}
	c.Flags().StringVar(&addr, "http", "", "serve streamable HTTP on this address instead of standard input and output")
	c.Flags().StringSliceVar(&allow, "allow-host", nil, "with --http, a host name the server answers to besides IP addresses, localhost and the --http host (or ALIGN_ALLOW_HOSTS)")
	c.Flags().StringVar(&db, "db", "", "case file database (SQLite file or postgres:// URL); adds the list_cases, log_case_entry and case_plan tools")
	return c
}
