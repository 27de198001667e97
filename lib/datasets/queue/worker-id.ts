import { randomUUID } from "node:crypto";
import os from "node:os";

/** `host:pid:nonce`: unique per worker, and enough to tell that a lock's holder on this machine has died. */
export function newWorkerId(): string {
  return `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/**
 * True only when the holder ran on this machine and its process is gone (kill -9, reboot): its jobs can be taken
 * back at once instead of waiting for the lease to expire. Holders on other machines are judged by lease alone.
 */
export function isDeadLocalWorker(workerId: string): boolean {
  const [host, pidText] = workerId.split(":");
  if (host !== os.hostname()) return false;
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
