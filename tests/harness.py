"""The script tests' shared harness: run newsgraph, count checks, report.

A runner (tests/<suite>/run_*.py) imports it from its parent directory:

    sys.dont_write_bytecode = True  # no __pycache__ in the source tree
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    import harness  # noqa: E402

then calls start() for its arguments, check() and its kin for every
assertion, and ends with sys.exit(summary(NAME)). A failed check prints
one line `FAIL name: detail`; the summary prints `NAME: N passed, N failed`
and gives the exit status.

Environment: NG_TEST_WRAPPER, a command that every newsgraph process runs
under (e.g. `valgrind -q`); NG_TEST_TIME_SCALE multiplies every timeout
and time bound (default 1; tests/valgrind sets it).
"""
import contextlib
import difflib
import os
import select
import shutil
import subprocess
import sys
import tempfile

WRAP = os.environ.get("NG_TEST_WRAPPER", "").split()
SCALE = float(os.environ.get("NG_TEST_TIME_SCALE", "1"))

BIN = None  # the newsgraph binary, absolute; set by start()
TIMEOUT = 120  # seconds a run may take by default; a runner may raise it
TMP = None  # the runner's temporary directory, inside tempdir()
passed = failed = skipped = 0


def start(doc, least, most=None):
    """Reads sys.argv: NEWSGRAPH, then the runner's own arguments (between
    `least` and `most` of them, no limit when most is None); arguments that
    start with -- are options. Prints `doc` and exits 2 on a wrong count.
    Returns (arguments after NEWSGRAPH, set of options)."""
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    opts = {a for a in sys.argv[1:] if a.startswith("--")}
    if len(args) < 1 + least or (most is not None and len(args) > 1 + most):
        print(doc.strip(), file=sys.stderr)
        sys.exit(2)
    global BIN
    BIN = os.path.abspath(args[0])
    return args[1:], opts


@contextlib.contextmanager
def tempdir(prefix, chdir=False):
    """A fresh temporary directory, as TMP, removed afterwards; with chdir,
    also the working directory meanwhile (for runs on relative paths)."""
    global TMP
    d, home = tempfile.mkdtemp(prefix=prefix), os.getcwd()
    TMP = d
    try:
        if chdir:
            os.chdir(d)
        yield d
    finally:
        os.chdir(home)
        TMP = None
        shutil.rmtree(d, ignore_errors=True)


def path(name):
    return os.path.join(TMP, name)


def write(name, data):
    """Writes bytes to TMP/name; returns the path."""
    p = path(name)
    with open(p, "wb") as f:
        f.write(data)
    return p


def argv(args):
    """The command line that runs newsgraph with args (under NG_TEST_WRAPPER),
    for a runner that must start the process itself."""
    return WRAP + [BIN] + list(args)


def run(args, stdin=None, timeout=None, cwd=None, env=None, text=False):
    """Runs newsgraph; returns (exit status, stdout, stderr), stdout as bytes
    (a str with text=True) and stderr as a str."""
    r = subprocess.run(argv(args), input=stdin, capture_output=True, timeout=(timeout or TIMEOUT) * SCALE, cwd=cwd,
                       env=env)
    out = r.stdout.decode(errors="replace") if text else r.stdout
    return r.returncode, out, r.stderr.decode(errors="replace")


def tool(cmd, stdin=None, timeout=None, cwd=None):
    """Runs another program (dot, rapper, node, python); same result as run()."""
    r = subprocess.run(cmd, input=stdin, capture_output=True, timeout=(timeout or TIMEOUT) * SCALE, cwd=cwd)
    return r.returncode, r.stdout, r.stderr.decode(errors="replace")


def output(args, **kw):
    """newsgraph's stdout for a run that must succeed; any other exit is
    fatal, since every later check would depend on it."""
    code, out, err = run(args, **kw)
    if code != 0:
        fatal(f"newsgraph {' '.join(args)}: exit {code}: {err[-2000:]}")
    return out


def check(name, cond, detail=""):
    """Counts one assertion; a failure prints `FAIL name: detail` (a detail
    opening with a newline goes on the lines below). Returns cond."""
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        text = str(detail) if detail else ""
        print(f"FAIL {name}" + (text if text.startswith("\n") else f": {text}" if text else ""))
    return bool(cond)


def check_equal(name, got, want):
    return check(name, got == want, f"\n  got  {got!r}\n  want {want!r}")


def check_golden(name, got, path, update=False):
    """Output compared byte for byte with a committed file; with update,
    the file is rewritten first (deliberately: review the diff). A failure
    shows the start of a unified diff."""
    if update:
        with open(path, "wb") as f:
            f.write(got)
    want = open(path, "rb").read() if os.path.exists(path) else None
    if got == want:
        return check(name, True)
    lines = [f"output differs from {path}"]
    diff = difflib.unified_diff((want or b"").decode(errors="replace").splitlines(),
                                got.decode(errors="replace").splitlines(), "expected", "got", lineterm="", n=1)
    for i, line in enumerate(diff):
        if i > 40:
            lines.append("    ...")
            break
        lines.append("    " + line)
    return check(name, False, "\n".join(lines))


def fail(name, detail=""):
    return check(name, False, detail)


def skip(name, why):
    global skipped
    skipped += 1
    print(f"SKIP {name}: {why}")


def fatal(message):
    """A failure that leaves nothing worth checking: prints it, exits 1."""
    print(f"FAIL {message}")
    sys.exit(1)


def require(program, hint):
    """A tool the runner cannot do without: missing fails, never skips."""
    if not shutil.which(program):
        fatal(f"{program} is missing: {hint}")


def expect_error(name, args, message=None, prefix=None, stdin=None, cwd=None, env=None):
    """newsgraph must fail cleanly: exit 2, nothing on stdout, and on stderr
    exactly one line: `message`, or one starting with `prefix`."""
    code, out, err = run(args, stdin, cwd=cwd, env=env)
    check(name + " exit", code == 2, f"exit {code}")
    if message is not None:
        check(name + " message", err == message + "\n", repr(err))
    else:
        check(name + " message", err.startswith(prefix) and err.endswith("\n") and err.count("\n") == 1, repr(err))
    check(name + " stdout empty", out == b"", repr(out[:80]))


def summary(name, need_some=False):
    """Prints the closing line; returns the exit status: 1 when a check
    failed (or, with need_some, when none passed), else 0."""
    line = f"{name}: {passed} passed, {failed} failed"
    print(line + (f", {skipped} skipped" if skipped else ""))
    return 1 if failed or (need_some and not passed) else 0


# Leaks that Graphviz and the fonts it loads keep to the end of the process
# whatever the caller does (a plain gvContext/gvLayout/gvRender/gvFreeLayout/
# agclose/gvFreeContext program leaks them too): fontconfig's caches, the
# plugin configuration read by gvContext, and dot's virtual edges. They are
# named by function, so a leak in newsgraph's own code still fails the
# sanitizer build; full unwinding is needed to see those frames.
LSAN_SUPPRESSIONS = """\
leak:libfontconfig.so
leak:gvconfig
leak:new_virtual_edge
"""


def graphviz_env():
    """The environment for a newsgraph that runs Graphviz (render, GraphML
    positions): leak suppressions for Graphviz's own allocations."""
    supp = path("lsan.supp")
    with open(supp, "w") as f:
        f.write(LSAN_SUPPRESSIONS)
    env = dict(os.environ)
    asan = env.get("ASAN_OPTIONS", "")
    env["ASAN_OPTIONS"] = (asan + ":" if asan else "") + "fast_unwind_on_malloc=0"
    lsan = env.get("LSAN_OPTIONS", "")
    env["LSAN_OPTIONS"] = (lsan + ":" if lsan else "") + f"suppressions={supp}:print_suppressions=0"
    return env


def drain_pty(master, wait=0.3):
    """Everything a process wrote to the pty whose master end this is, once
    it has gone quiet for `wait` seconds; closes the master."""
    out = b""
    while select.select([master], [], [], wait)[0]:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    return out
