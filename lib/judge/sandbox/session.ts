import { spawn, type ChildProcess } from "node:child_process";
import type { Readable, Writable } from "node:stream";
import type { SandboxKind } from "../schema";
import { launchPlan, type LaunchPlan, type Mount } from "./launch";
import { encodeFrame, FrameReader, type Frame } from "./protocol";
import { SupervisorReplySchema, type RunLimits, type SupervisorReply } from "./supervisor-reply";

/** The sandbox itself misbehaved (could not start, died, stopped answering): never the program's fault. */
export class SandboxError extends Error {}

export type ProgramConfig =
  | { mode: "python"; source: string; scriptName?: string }
  | { mode: "exec"; argv: (pathOf: (name: string) => string) => string[] };

export interface RunRequest {
  stdin: Buffer;
  limits: RunLimits;
  args?: string[];
  files?: Record<string, Buffer>;
}

export interface RawRun extends SupervisorReply {
  stdout: Buffer;
  stderr: Buffer;
}

const delay = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms).unref());

function signal(target: number): void {
  try {
    process.kill(target, "SIGKILL");
  } catch {
    // Already gone.
  }
}

export type StartOutcome = { ok: true } | { ok: false; compileError: string };

/** Extra time the supervisor gets beyond a test's wall limit before the whole sandbox is declared hung. */
const WATCHDOG_GRACE_MS = 5_000;
const ENOMEM = 12;
/** supervisor.py may extend a starved (not sleeping) test's wall limit up to this multiple. */
const STARVATION_CAP = 4;
const START_TIMEOUT_MS = 15_000;

/**
 * One sandbox with one supervisor in it, for one program. Runs tests one at a time (the batch runner starts one
 * session per slot). Killing the session kills its process group; bwrap's --die-with-parent and PID namespace
 * take every process inside with it.
 */
export class SandboxSession {
  private child: ChildProcess | null = null;
  private stdin: Writable | null = null;
  /** The supervisor's host pid (bwrap reports it on its info fd): killing it tears down the PID namespace. */
  private supervisorPid: number | null = null;
  private plan: LaunchPlan | null = null;
  private reader = new FrameReader();
  private waiting: { resolve: (f: Frame) => void; reject: (e: Error) => void } | null = null;
  private stderrTail = "";
  private dead: Error | null = null;

  constructor(
    readonly kind: SandboxKind,
    private readonly mounts: Mount[],
  ) {}

  async start(config: ProgramConfig): Promise<StartOutcome> {
    this.plan = launchPlan(this.kind, this.mounts);
    const child = spawn(this.plan.command, this.plan.args, {
      // Next.js augments ProcessEnv with NODE_ENV; the sandbox must not inherit it, so the type is widened here.
      env: this.plan.env as NodeJS.ProcessEnv,
      stdio: ["pipe", "pipe", "pipe", "pipe"],
      detached: true,
    });
    this.child = child;
    this.stdin = child.stdin!;
    child.stdout!.on("data", (chunk: Buffer) => this.onData(chunk));
    child.stderr!.on("data", (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString("utf8")).slice(-2000);
    });
    this.readInfo(child.stdio[3] as Readable);
    child.stdin!.on("error", () => {});
    child.on("error", (error) => this.fail(new SandboxError(`cannot start the sandbox: ${error.message}`)));
    child.on("exit", (code, signal) =>
      this.fail(new SandboxError(`the sandbox exited (${signal ?? `code ${code}`}): ${this.stderrTail.trim()}`)),
    );
    const header =
      config.mode === "python"
        ? { mode: "python", scriptName: config.scriptName ?? "main.py" }
        : { mode: "exec", argv: config.argv(this.plan.pathOf) };
    const blobs = config.mode === "python" ? [Buffer.from(config.source, "utf8")] : [];
    const reply = await this.exchange(encodeFrame(header, blobs), START_TIMEOUT_MS);
    if (reply.header.ok === true) return { ok: true };
    if (typeof reply.header.compileError === "string") return { ok: false, compileError: reply.header.compileError };
    throw new SandboxError(`unexpected start reply ${JSON.stringify(reply.header)}`);
  }

  async run(request: RunRequest): Promise<RawRun> {
    const fileEntries = Object.entries(request.files ?? {});
    const files = Object.fromEntries(fileEntries.map(([name], i) => [name, i + 1]));
    const frame = encodeFrame({ limits: request.limits, args: request.args ?? [], files }, [
      request.stdin,
      ...fileEntries.map(([, content]) => content),
    ]);
    const reply = await this.exchange(frame, request.limits.wallMs * STARVATION_CAP + WATCHDOG_GRACE_MS);
    const parsed = SupervisorReplySchema.safeParse(reply.header);
    if (!parsed.success) throw new SandboxError(`malformed supervisor reply: ${parsed.error.message}`);
    // ENOMEM means the program's image does not fit the memory limit (its verdict); any other exec failure
    // means the sandbox could not start what it was given.
    if (parsed.data.execErrno !== null && parsed.data.execErrno !== ENOMEM) {
      throw new SandboxError(`cannot execute the program in the sandbox (errno ${parsed.data.execErrno})`);
    }
    return { ...parsed.data, stdout: reply.blobs[0] ?? Buffer.alloc(0), stderr: reply.blobs[1] ?? Buffer.alloc(0) };
  }

  get alive(): boolean {
    return this.child !== null && this.dead === null;
  }

  /**
   * Ends the session. Politely first (end of requests: the supervisor exits and bwrap reaps it), so no zombie is
   * left for the host's init; a hung or busy sandbox is killed: its supervisor (PID 1 of the namespace, so the
   * kernel kills everything inside) and the launcher's process group.
   */
  async close(hard = false): Promise<void> {
    const child = this.child;
    if (!child) return;
    const running = () => child.exitCode === null && child.signalCode === null;
    if (running()) {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      this.stdin?.end();
      const polite = hard || this.waiting ? Promise.resolve(false) : Promise.race([exited.then(() => true), delay(2000, false)]);
      if (!(await polite) && running()) {
        // Killing the namespace's PID 1 takes everything inside; bwrap then reaps it and exits by itself,
        // which leaves no zombie behind. Its process group is killed only if it does not.
        if (this.supervisorPid !== null) {
          signal(this.supervisorPid);
          await Promise.race([exited, delay(1000, undefined)]);
        }
        if (running()) signal(-child.pid!);
        await exited;
      }
    }
    this.plan?.cleanup();
    this.child = null;
  }

  private readInfo(stream: Readable | undefined): void {
    if (!stream) return;
    let text = "";
    stream.on("data", (chunk: Buffer) => {
      text += chunk.toString("utf8");
      const match = /"child-pid"\s*:\s*(\d+)/.exec(text);
      if (match) this.supervisorPid = Number(match[1]);
    });
    stream.on("error", () => {});
  }

  private exchange(frame: Buffer, timeoutMs: number): Promise<Frame> {
    if (this.dead) return Promise.reject(this.dead);
    if (this.waiting) return Promise.reject(new SandboxError("the session is busy"));
    return new Promise<Frame>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(new SandboxError(`the supervisor did not answer within ${timeoutMs} ms`));
        void this.close(true);
      }, timeoutMs);
      this.waiting = {
        resolve: (f) => {
          clearTimeout(timer);
          resolve(f);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      this.stdin!.write(frame);
    });
  }

  private onData(chunk: Buffer): void {
    let frames: Frame[];
    try {
      frames = this.reader.push(chunk);
    } catch (error) {
      this.fail(new SandboxError(`unreadable supervisor reply: ${(error as Error).message}`));
      return;
    }
    for (const frame of frames) {
      const waiting = this.waiting;
      this.waiting = null;
      if (waiting) waiting.resolve(frame);
      else this.fail(new SandboxError("the supervisor answered a question nobody asked"));
    }
  }

  private fail(error: Error): void {
    this.dead ??= error;
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.reject(this.dead);
  }
}
