package cli

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The README test runs every command of README.md's fenced sh blocks as written, from
// the root of a copy of the repository, with the errcat command built once. Three
// rewrites keep runs apart and leave the machine as it was: "go run ./cmd/errcat" runs
// the built binary, paths under /tmp/ go to the test's temporary directory, and port
// 8080 becomes a free port. A block is skipped only when the line before its fence
// says so: <!-- readme-test: skip (why) -->.
//
// A command must exit 0, or N when its comment says "(exit N)". A serve command
// (ending in & or not) is started in the background, must answer GET / within a
// minute, and is stopped at the end of its block, after the curl commands that
// follow it. Lines starting "#   " right after a command are its output: the first
// line it prints must read so (up to a double-spaced "(" remark).

// readmeBlock is one fenced sh block of the README.
type readmeBlock struct {
	line     int // of the opening fence
	skip     string
	commands []readmeCommand
}

// readmeCommand is one command of a block and what it must do.
type readmeCommand struct {
	line   int
	text   string
	exit   int
	output string // the first line it prints, when the README shows it
}

var exitNote = regexp.MustCompile(`\(exit (\d+)\)`)

// readmeBlocks returns the sh blocks of the README at path.
func readmeBlocks(t *testing.T, path string) []readmeBlock {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var blocks []readmeBlock
	var cur *readmeBlock
	prev := ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case cur == nil && line == "```sh":
			blocks = append(blocks, readmeBlock{line: n})
			cur = &blocks[len(blocks)-1]
			if skip, ok := strings.CutPrefix(prev, "<!-- readme-test: skip"); ok {
				cur.skip = strings.TrimSpace(strings.TrimSuffix(skip, "-->"))
			}
		case cur != nil && line == "```":
			cur = nil
		case cur != nil && strings.HasPrefix(line, "#   ") && len(cur.commands) > 0:
			c := &cur.commands[len(cur.commands)-1]
			if c.output == "" {
				out, _, _ := strings.Cut(strings.TrimSpace(line[1:]), "   (")
				c.output = out
			}
		case cur != nil && strings.TrimSpace(line) != "" && !strings.HasPrefix(line, "#"):
			c := readmeCommand{line: n, text: line}
			if m := exitNote.FindStringSubmatch(line); m != nil {
				fmt.Sscan(m[1], &c.exit)
			}
			cur.commands = append(cur.commands, c)
		}
		prev = line
	}
	if cur != nil {
		t.Fatalf("README.md:%d: the sh block is not closed", cur.line)
	}
	return blocks
}

func TestREADMECommands(t *testing.T) {
	root, err := filepath.Abs("../../../..")
	if err != nil {
		t.Fatal(err)
	}
	blocks := readmeBlocks(t, filepath.Join(root, "README.md"))
	if len(blocks) < 5 {
		t.Fatalf("README.md has %d sh blocks; the test reads them wrong", len(blocks))
	}
	for _, tool := range []string{"git", "curl"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("the README's commands need %s: %v", tool, err)
			}
			t.Skipf("the README's commands need %s: %v", tool, err)
		}
	}
	tmp := t.TempDir()
	repo := filepath.Join(tmp, "repo")
	copyRepo(t, root, repo)
	bin := filepath.Join(tmp, "bin", "errcat")
	build := exec.Command("go", "build", "-o", bin, "./cmd/errcat")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	port := freePort(t)
	rewrite := strings.NewReplacer("go run ./cmd/errcat", bin, "/tmp/", tmp+"/", ":8080", ":"+port)
	ran := 0
	for _, b := range blocks {
		if b.skip != "" {
			t.Logf("README.md:%d: skipped: %s", b.line, b.skip)
			continue
		}
		var stop []func()
		for _, c := range b.commands {
			cmdline := rewrite.Replace(c.text)
			if isServe(c.text) {
				stop = append(stop, startServe(t, c, cmdline, repo, port))
			} else {
				runReadmeCommand(t, c, cmdline, repo)
			}
			ran++
		}
		for _, s := range stop {
			s()
		}
	}
	t.Logf("ran %d README commands", ran)
}

// TestREADMECatalog holds that the catalog README.md shows is examples/shop, byte for
// byte, so that the commands run on it show what the README says of it (it lints
// clean: a command of the README runs lint on it).
func TestREADMECatalog(t *testing.T) {
	readme, err := os.ReadFile("../../../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(readme), "## A catalog\n\n```yaml\n")
	if !ok {
		t.Fatal("README.md has no yaml block under \"## A catalog\"")
	}
	block, _, _ := strings.Cut(after, "```\n")
	file, err := os.ReadFile("../../../../examples/shop/errors.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if block != string(file) {
		t.Errorf("README.md's catalog differs from examples/shop/errors.yaml:\n%s\nfile:\n%s", block, file)
	}
}

func isServe(text string) bool { return strings.HasPrefix(text, "go run ./cmd/errcat serve") }

// runReadmeCommand runs one command with sh from dir and checks its exit status and,
// when the README shows it, its first line of output.
func runReadmeCommand(t *testing.T, c readmeCommand, cmdline, dir string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	sh := exec.CommandContext(ctx, "sh", "-c", cmdline)
	sh.Dir = dir
	var stdout, stderr bytes.Buffer
	sh.Stdout, sh.Stderr = &stdout, &stderr
	err := sh.Run()
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Errorf("README.md:%d: %s: %v", c.line, c.text, err)
			return
		}
		code = ee.ExitCode()
	}
	if code != c.exit {
		t.Errorf("README.md:%d: %s\nexit %d, want %d\nstdout:\n%s\nstderr:\n%s", c.line, c.text, code, c.exit, tail(stdout.String()), tail(stderr.String()))
		return
	}
	if c.output != "" {
		first, _, _ := strings.Cut(stdout.String(), "\n")
		if first != c.output {
			t.Errorf("README.md:%d: %s\nprinted %q, the README shows %q", c.line, c.text, first, c.output)
		}
	}
}

// startServe starts a serve command of the README in the background, on port, and
// waits until it answers; it returns the function that stops it.
func startServe(t *testing.T, c readmeCommand, cmdline, dir, port string) func() {
	t.Helper()
	cmdline, _, _ = strings.Cut(cmdline, " #")
	args := strings.Fields(strings.TrimSuffix(strings.TrimSpace(cmdline), "&"))
	if !strings.Contains(cmdline, "--addr") {
		args = append(args, "--addr", "127.0.0.1:"+port)
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir = dir
	var logs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatalf("README.md:%d: %v", c.line, err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	stop := func() {
		cmd.Process.Kill()
		<-done
	}
	deadline := time.Now().Add(time.Minute)
	for {
		resp, err := http.Get("http://127.0.0.1:" + port + "/")
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Errorf("README.md:%d: %s: GET / answered %s", c.line, c.text, resp.Status)
			}
			return stop
		}
		select {
		case err := <-done:
			done <- err
			t.Errorf("README.md:%d: %s: exited before answering (%v):\n%s", c.line, c.text, err, tail(logs.String()))
			return func() {}
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			stop()
			t.Errorf("README.md:%d: %s: no answer on port %s within a minute:\n%s", c.line, c.text, port, tail(logs.String()))
			return func() {}
		}
	}
}

// copyRepo copies the files of the repository at root that git tracks or would track
// (so untracked new files too, but not ignored ones) into dir, and commits them in a
// new repository there, for the commands that read git:HEAD.
func copyRepo(t *testing.T, root, dir string) {
	t.Helper()
	ls := exec.Command("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	ls.Dir = root
	out, err := ls.Output()
	if err != nil {
		t.Fatalf("git ls-files: %v", err)
	}
	for _, name := range strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00") {
		src, dst := filepath.Join(root, name), filepath.Join(dir, name)
		info, err := os.Lstat(src)
		if os.IsNotExist(err) {
			continue // deleted in the work tree
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if info.Mode()&os.ModeSymlink != 0 {
			target, err := os.Readlink(src)
			if err == nil {
				err = os.Symlink(target, dst)
			}
			if err != nil {
				t.Fatal(err)
			}
			continue
		}
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, data, info.Mode().Perm()); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "-A"}, {"commit", "-q", "-m", "README test"}} {
		git := exec.Command("git", args...)
		git.Dir = dir
		git.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
		if out, err := git.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
}

// freePort returns a TCP port free on the loopback interface at the time of the call.
func freePort(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	return port
}

// tail returns the last 2000 bytes of s, for failure messages.
func tail(s string) string {
	if len(s) > 2000 {
		return "…" + s[len(s)-2000:]
	}
	return s
}
