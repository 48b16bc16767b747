package main

import (
	"log/slog"
	"os"
)

// newLogger writes one JSON object per line so that Promtail's json stage can parse it.
func newLogger() *slog.Logger {
	return slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{Level: slog.LevelInfo}))
}
