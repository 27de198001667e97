import { slotCount } from "./limits";

/** A counting semaphore: at most `size` test runs at once in this process, across all judge() calls. */
export class SlotPool {
  private free: number;
  private readonly queue: (() => void)[] = [];

  constructor(readonly size: number) {
    this.free = size;
  }

  async acquire(signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    if (this.free > 0) {
      this.free--;
      return this.releaser();
    }
    await new Promise<void>((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      };
      const onAbort = () => {
        const at = this.queue.indexOf(grant);
        if (at >= 0) this.queue.splice(at, 1);
        reject(signal!.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.queue.push(grant);
    });
    return this.releaser();
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queue.shift();
      if (next) next();
      else this.free++;
    };
  }
}

const holder = globalThis as unknown as { alphaflowJudgeSlots?: SlotPool };

/** One pool per process (it survives Next.js dev reloads), sized to the cores. */
export function judgeSlots(): SlotPool {
  holder.alphaflowJudgeSlots ??= new SlotPool(slotCount());
  return holder.alphaflowJudgeSlots;
}
