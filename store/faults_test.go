package store

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestLockedDatabase(t *testing.T) {
	defer func(d time.Duration) { busyTimeout = d }(busyTimeout)
	busyTimeout = 200 * time.Millisecond
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "locked.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// Another writer (as another masar process would) holds the write lock.
	other, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = s.Put(ctx, consultRecord(), consultResult())
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "locked by another masar process") {
		t.Fatalf("Put on a locked database: %v, want ErrLocked", err)
	}
	if waited := time.Since(start); waited < busyTimeout {
		t.Errorf("gave up after %s, before the busy timeout", waited)
	}
	// Readers are not blocked by a writer (WAL).
	if _, err := s.Stats(ctx); err != nil {
		t.Errorf("read during a write lock: %v", err)
	}
	if _, err := conn.ExecContext(ctx, "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	if _, err := s.Put(ctx, consultRecord(), consultResult()); err != nil {
		t.Errorf("Put after the lock was released: %v", err)
	}
}

// unprivileged runs fn with file permissions checked as user nobody: root
// ignores permission bits, so a root test drops them for its thread (fsuid).
func unprivileged(t *testing.T, fn func()) {
	t.Helper()
	if os.Geteuid() != 0 {
		fn()
		return
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		// The thread is never unlocked: it exits with the goroutine, so the
		// changed fsuid cannot leak to other goroutines.
		runtime.LockOSThread()
		syscall.Syscall(syscall.SYS_SETFSUID, 65534, 0, 0)
		if fsuid, _, _ := syscall.Syscall(syscall.SYS_SETFSUID, ^uintptr(0), 0, 0); fsuid != 65534 {
			t.Error("cannot drop file permissions (setfsuid)")
			return
		}
		fn()
	}()
	<-done
}

func TestReadOnly(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	// Let nobody reach the test directory, as the tests below need.
	for d := dir; d != filepath.Dir(d) && strings.HasPrefix(d, os.TempDir()) && d != os.TempDir(); d = filepath.Dir(d) {
		os.Chmod(d, 0o755)
	}
	roDir := filepath.Join(dir, "ro")
	if err := os.Mkdir(roDir, 0o755); err != nil {
		t.Fatal(err)
	}
	existing := filepath.Join(roDir, "old.db")
	s, err := Open(ctx, existing)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	os.Remove(existing + "-wal")
	os.Remove(existing + "-shm")
	rwDir := filepath.Join(dir, "rw")
	if err := os.Mkdir(rwDir, 0o777); err != nil {
		t.Fatal(err)
	}
	os.Chmod(rwDir, 0o777)
	roFile := filepath.Join(rwDir, "ro.db")
	if err := os.WriteFile(roFile, nil, 0o444); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() != 0 {
		os.Chmod(roDir, 0o555)
		defer os.Chmod(roDir, 0o755)
	} else if err := os.Chown(roDir, 0, 0); err != nil { // owned by root: nobody cannot write in it
		t.Fatal(err)
	}
	tests := []struct {
		name, path, want string
	}{
		{"new database in a read-only directory", filepath.Join(roDir, "new.db"), "cannot write"},
		{"existing database in a read-only directory", existing, "cannot write"},
		{"read-only file", roFile, "cannot write"},
	}
	for _, tc := range tests {
		unprivileged(t, func() {
			s, err := Open(ctx, tc.path)
			if err == nil {
				s.Close()
				t.Errorf("%s: opened", tc.name)
				return
			}
			if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s: %v, want ErrReadOnly", tc.name, err)
			}
		})
	}
	if _, err := Open(ctx, filepath.Join(dir, "missing", "x.db")); err == nil || !strings.Contains(err.Error(), "directory") {
		t.Errorf("missing directory: %v", err)
	}
	notDB := filepath.Join(dir, "notes.db")
	os.WriteFile(notDB, []byte(strings.Repeat("this is not a database\n", 200)), 0o644)
	if _, err := Open(ctx, notDB); err == nil || !strings.Contains(err.Error(), "not a masar database") {
		t.Errorf("not a database: %v", err)
	}
}

// TestKillDuringPut kills a real process that is storing articles and checks
// that every article it reported as committed survives, with no partial one.
func TestKillDuringPut(t *testing.T) {
	if os.Getenv("MASAR_STORE_KILL_CHILD") != "" {
		killChild()
		return
	}
	if testing.Short() {
		t.Skip("starts a child process")
	}
	path := filepath.Join(t.TempDir(), "kill.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillDuringPut$")
	cmd.Env = append(os.Environ(), "MASAR_STORE_KILL_CHILD="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	committed := map[int64]bool{}
	for sc.Scan() && len(committed) < 40 {
		if id, err := strconv.ParseInt(sc.Text(), 10, 64); err == nil {
			committed[id] = true
		}
	}
	cmd.Process.Kill() // SIGKILL: no chance to clean up
	cmd.Wait()
	if len(committed) < 40 {
		t.Fatalf("child reported only %d commits", len(committed))
	}
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var check string
	if err := s.db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check: %q, %v", check, err)
	}
	for id := range committed {
		_, res, err := s.Article(ctx, id)
		if err != nil {
			t.Fatalf("committed article %d lost: %v", id, err)
		}
		if len(res.Events) != 2 {
			t.Errorf("article %d has %d events, want 2", id, len(res.Events))
		}
	}
	// Every stored article is complete: no article without its events.
	var partial int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles a
WHERE (SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) <> 2`).Scan(&partial); err != nil || partial != 0 {
		t.Errorf("%d partially stored articles (%v)", partial, err)
	}
}

// killChild stores articles until it is killed, printing each committed ID.
func killChild() {
	ctx := context.Background()
	s, err := Open(ctx, os.Getenv("MASAR_STORE_KILL_CHILD"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	res := consultResult()
	for i := 0; ; i++ {
		rec := consultRecord()
		rec.Text = fmt.Sprintf("%s (%d)", rec.Text, i)
		r, err := s.Put(ctx, rec, res)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Println(r.ArticleID)
	}
}
