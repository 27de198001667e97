"""The judge's in-sandbox supervisor (the fork server).

Started once per program and slot, inside bubblewrap (or bare when the sandbox is explicitly off). It reads
framed requests on fd 0 and answers on fd 1. Each test runs in a freshly forked child with its own limits:
for Python the child executes the pre-compiled program in new globals, so the interpreter start is paid once;
for native programs the child execs the binary. After every test all leftover processes are killed and reaped,
so nothing a test starts can outlive it or reach the next test.

Frame: 4-byte big-endian header length, a JSON header, then the blobs whose lengths the header lists.
"""

import json
import os
import resource
import select
import shutil
import signal
import struct
import sys
import time

REQUEST_FD = 0
REPLY_FD = 1
WORK_ROOT = os.environ.get("ALPHAFLOW_WORK_ROOT", "/tmp")
PID_ONE = os.getpid() == 1

# Python ignores these at start-up; a native program must get the default action back (a C++ program that
# overflows the file-size limit has to die of SIGXFSZ, as it would when started by a shell).
RESTORED_SIGNALS = (signal.SIGPIPE, signal.SIGXFSZ)

# Loaded before forking so the children do not pay for them; each child still gets its own copy.
PREWARMED_MODULES = (
    "io", "math", "collections", "itertools", "functools", "heapq", "bisect", "re", "string",
    "operator", "array", "copy", "typing", "fractions", "decimal", "traceback", "atexit",
)


def read_exact(fd, n):
    chunks = []
    while n > 0:
        chunk = os.read(fd, min(n, 1 << 20))
        if not chunk:
            raise EOFError("request stream closed")
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def read_frame():
    (length,) = struct.unpack(">I", read_exact(REQUEST_FD, 4))
    header = json.loads(read_exact(REQUEST_FD, length))
    blobs = [read_exact(REQUEST_FD, size) for size in header.get("blobs", [])]
    return header, blobs


def write_all(fd, data):
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def write_frame(header, blobs=()):
    header = dict(header, blobs=[len(b) for b in blobs])
    encoded = json.dumps(header).encode()
    write_all(REPLY_FD, struct.pack(">I", len(encoded)) + encoded + b"".join(blobs))


def set_limits(limits):
    cpu_seconds = max(1, -(-int(limits["cpuMs"]) // 1000))
    # SIGXCPU at the soft limit, SIGKILL one second later if the program ignores it.
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    if limits.get("asBytes"):
        resource.setrlimit(resource.RLIMIT_AS, (limits["asBytes"], limits["asBytes"]))
    if limits.get("stackBytes"):
        resource.setrlimit(resource.RLIMIT_STACK, (limits["stackBytes"], limits["stackBytes"]))
    resource.setrlimit(resource.RLIMIT_FSIZE, (limits["fsizeBytes"], limits["fsizeBytes"]))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if limits.get("nproc"):
        resource.setrlimit(resource.RLIMIT_NPROC, (limits["nproc"], limits["nproc"]))
    resource.setrlimit(resource.RLIMIT_NOFILE, (256, 256))


def python_exit_code(code):
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    try:
        sys.stderr.write(f"{code}\n")
    except Exception:
        pass
    return 1


def run_python(program, script_name, args, workdir):
    """Mirrors `python3 main.py`: fresh __main__ globals, real std streams, non-daemon threads joined at exit."""
    import atexit
    import io
    import traceback

    def stream(fd, name):
        # The same objects Python's own start-up makes (pylifecycle create_stdio): programs read .mode, .name,
        # .buffer, and rely on "\r" reaching them untranslated.
        writing = fd != 0
        buffered = io.open(fd, "wb" if writing else "rb", -1, closefd=False)
        buffered.raw.name = name
        text = io.TextIOWrapper(
            buffered,
            encoding="utf-8",
            errors="backslashreplace" if fd == 2 else "surrogateescape",
            newline="\n",
            line_buffering=fd == 2,
        )
        text.mode = "w" if writing else "r"
        return text

    sys.stdin = sys.__stdin__ = stream(0, "<stdin>")
    sys.stdout = sys.__stdout__ = stream(1, "<stdout>")
    sys.stderr = sys.__stderr__ = stream(2, "<stderr>")
    sys.argv = [script_name, *args]
    sys.path.insert(0, workdir)
    code = 0
    import types

    # A fresh __main__ module, so `import __main__`, pickle and dataclasses see the program, not the supervisor.
    main_module = types.ModuleType("__main__")
    main_module.__file__ = os.path.join(workdir, script_name)
    main_module.__builtins__ = __builtins__
    sys.modules["__main__"] = main_module
    main_globals = main_module.__dict__
    try:
        exec(program, main_globals)
    except SystemExit as exit_request:
        code = python_exit_code(exit_request.code)
    except BaseException as error:
        traceback.print_exception(type(error), error, error.__traceback__.tb_next)
        code = 1
    try:
        threading = sys.modules.get("threading")
        if threading is not None:
            threading._shutdown()
        atexit._run_exitfuncs()
    except SystemExit as exit_request:
        code = python_exit_code(exit_request.code)
    except BaseException as error:
        traceback.print_exception(type(error), error, error.__traceback__)
        code = 1
    for out in (sys.stdout, sys.stderr):
        try:
            out.flush()
        except BaseException:
            code = code or 120
    os._exit(code)


def child(config, program, request, workdir, stdin_path, out_w, err_w, exec_err_w):
    try:
        os.setsid()
        os.chdir(workdir)
        set_limits(request["limits"])
        stdin_fd = os.open(stdin_path, os.O_RDONLY)
        os.dup2(stdin_fd, 0)
        os.dup2(out_w, 1)
        os.dup2(err_w, 2)
        keep = exec_err_w
        os.closerange(3, keep)
        os.closerange(keep + 1, 65536)
        args = request.get("args", [])
        if config["mode"] == "python":
            os.close(keep)
            run_python(program, config.get("scriptName", "main.py"), args, workdir)
        for signum in RESTORED_SIGNALS:
            signal.signal(signum, signal.SIG_DFL)
        argv = config["argv"] + args
        os.execv(argv[0], argv)
    except OSError as error:
        try:
            os.write(exec_err_w, str(error.errno or 0).encode())
        except OSError:
            pass
    finally:
        os._exit(127)


def descendants_of(pid):
    found = []
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    for text in handle.read().split():
                        found.append(int(text))
                        stack.append(int(text))
        except OSError:
            continue
    return found


def kill_everything_else():
    """Inside the sandbox we are PID 1 of our own namespace, so kill(-1) reaches every other process in it.
    Without the sandbox we are a subreaper, so orphans were reparented to us and are found in /proc."""
    while True:
        if PID_ONE:
            try:
                os.kill(-1, signal.SIGKILL)
            except ProcessLookupError:
                pass
        else:
            for pid in descendants_of(os.getpid()):
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        # Reap what died; anything still alive (forked after the kill) sends us round again.
        try:
            while True:
                pid, _ = os.waitpid(-1, os.WNOHANG)
                if pid == 0:
                    time.sleep(0.001)
                    break
        except ChildProcessError:
            return


def wipe_work_root():
    """Files a test leaves anywhere in the writable area must not be seen by the next test."""
    for entry in os.listdir(WORK_ROOT):
        target = os.path.join(WORK_ROOT, entry)
        if os.path.isdir(target) and not os.path.islink(target):
            shutil.rmtree(target, ignore_errors=True)
        else:
            try:
                os.unlink(target)
            except OSError:
                pass


def become_subreaper():
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    PR_SET_CHILD_SUBREAPER = 36
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER) failed")


# On an oversubscribed machine a busy program can wait on the run queue long enough to cross the wall limit;
# that wait is not its fault. The wall limit is meant for sleepers, so time spent runnable-but-not-running is
# credited back, up to this multiple of the wall limit.
STARVATION_CAP = 4


def other_processes(pid):
    if PID_ONE:
        return any(entry.isdigit() and int(entry) not in (1, pid) for entry in os.listdir("/proc"))
    return bool(descendants_of(pid))


def starvation_credit(pid, started, wall_seconds, hard_deadline):
    """Seconds to extend the wall deadline by: how far the child's own (non-queued) time is below the limit."""
    now = time.monotonic()
    # A program that started other processes (a fork bomb) is starving itself: no credit for that.
    if now >= hard_deadline or other_processes(pid):
        return 0
    try:
        with open(f"/proc/{pid}/schedstat") as handle:
            queued_seconds = int(handle.read().split()[1]) / 1e9
    except (OSError, ValueError, IndexError):
        return 0
    unqueued = (now - started) - queued_seconds
    return min(wall_seconds - unqueued, hard_deadline - now) if unqueued < wall_seconds else 0


def run_test(config, program, request, blobs, counter):
    limits = request["limits"]
    workdir = os.path.join(WORK_ROOT, f"w{counter}")
    os.mkdir(workdir, 0o700)
    stdin_path = os.path.join(WORK_ROOT, f"in{counter}")
    with open(stdin_path, "wb") as handle:
        handle.write(blobs[0] if blobs else b"")
    for name, index in request.get("files", {}).items():
        if "/" in name or name.startswith("."):
            raise ValueError(f"bad file name {name!r}")
        with open(os.path.join(workdir, name), "wb") as handle:
            handle.write(blobs[index])

    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    exec_err_r, exec_err_w = os.pipe2(os.O_CLOEXEC)
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        child(config, program, request, workdir, stdin_path, out_w, err_w, exec_err_w)
    os.close(out_w)
    os.close(err_w)
    os.close(exec_err_w)

    caps = {out_r: limits["stdoutBytes"], err_r: limits["stderrBytes"]}
    buffers = {out_r: bytearray(), err_r: bytearray()}
    deadline = started + limits["wallMs"] / 1000
    hard_deadline = started + STARVATION_CAP * limits["wallMs"] / 1000
    try:
        pidfd = os.pidfd_open(pid)
    except (AttributeError, OSError):
        pidfd = None
    poller = select.poll()
    for fd in (out_r, err_r):
        poller.register(fd, select.POLLIN)
    if pidfd is not None:
        poller.register(pidfd, select.POLLIN)
    open_fds = {out_r, err_r}
    status = None
    overflow = None
    exited = None
    while status is None:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            extension = starvation_credit(pid, started, limits["wallMs"] / 1000, hard_deadline)
            if extension <= 0:
                status = "wall"
                break
            deadline = time.monotonic() + extension
            continue
        timeout_ms = remaining * 1000 if pidfd is not None else min(remaining * 1000, 5)
        for fd, _event in poller.poll(timeout_ms):
            if fd == pidfd:
                continue
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                poller.unregister(fd)
                open_fds.discard(fd)
                continue
            buffers[fd] += chunk
            if len(buffers[fd]) > caps[fd]:
                overflow = "stdout" if fd == out_r else "stderr"
                status = "ole"
                break
        if status is None:
            waited_pid, wait_status, usage = os.wait4(pid, os.WNOHANG)
            if waited_pid == pid:
                exited = (wait_status, usage)
                break
    ended = time.monotonic()

    if exited is None:
        try:
            os.killpg(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.kill(pid, signal.SIGKILL)
        _, wait_status, usage = os.wait4(pid, 0)
        exited = (wait_status, usage)
    # Whatever the program wrote before it exited is still in the pipes, unless a leftover holds them open.
    for fd in list(open_fds):
        os.set_blocking(fd, False)
        try:
            while len(buffers[fd]) <= caps[fd]:
                chunk = os.read(fd, 1 << 16)
                if not chunk:
                    break
                buffers[fd] += chunk
        except BlockingIOError:
            pass
    if status is None and any(len(buffers[fd]) > caps[fd] for fd in buffers):
        status = "ole"
        overflow = "stdout" if len(buffers[out_r]) > caps[out_r] else "stderr"
    kill_everything_else()
    # Every writer is dead now, so this read cannot block: it holds an errno only if execv failed.
    exec_error_text = os.read(exec_err_r, 64)
    exec_error = int(exec_error_text) if exec_error_text else None
    for fd in (out_r, err_r, exec_err_r):
        os.close(fd)
    if pidfd is not None:
        os.close(pidfd)

    wait_status, usage = exited
    reply = {
        "cpuMs": round((usage.ru_utime + usage.ru_stime) * 1000, 3),
        "wallMs": round((ended - started) * 1000, 3),
        "maxrssKb": usage.ru_maxrss,
        "exitCode": None,
        "signal": None,
        "overflow": overflow,
    }
    if os.WIFEXITED(wait_status):
        reply["exitCode"] = os.WEXITSTATUS(wait_status)
    elif os.WIFSIGNALED(wait_status):
        reply["signal"] = os.WTERMSIG(wait_status)
    reply["status"] = status or ("signaled" if reply["signal"] is not None else "exited")
    reply["execErrno"] = exec_error
    wipe_work_root()
    return reply, [bytes(buffers[out_r][: caps[out_r]]), bytes(buffers[err_r][: caps[err_r]])]


def main():
    if not PID_ONE:
        become_subreaper()
    config, blobs = read_frame()
    program = None
    if config["mode"] == "python":
        for name in PREWARMED_MODULES:
            __import__(name)
        try:
            program = compile(blobs[0], config.get("scriptName", "main.py"), "exec", dont_inherit=True)
        except (SyntaxError, ValueError) as error:
            import traceback

            write_frame({"ok": False, "compileError": "".join(traceback.format_exception_only(type(error), error))})
            return
    write_frame({"ok": True, "pidOne": PID_ONE})
    counter = 0
    while True:
        try:
            request, request_blobs = read_frame()
        except EOFError:
            return
        counter += 1
        reply, out_blobs = run_test(config, program, request, request_blobs, counter)
        write_frame(reply, out_blobs)


if __name__ == "__main__":
    main()
