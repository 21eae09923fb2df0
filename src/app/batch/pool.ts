/**
 * A fixed pool of worker threads, each running one task at a time. A task
 * that outlives its timeout, or a worker that dies under it (a crash, memory
 * exhausted), ends that task only: the worker is replaced and the pool goes
 * on. At most `size` results are in flight; each is handed to the caller as
 * soon as it arrives.
 */
import type { Worker } from "node:worker_threads";

export type Outcome<R> =
  | { kind: "done"; value: R }
  | { kind: "timeout" }
  | { kind: "crashed"; message: string };

export interface PoolOptions {
  size: number;
  /** Per task, from the moment it is handed to a worker that has started. */
  timeoutMs: number;
  spawn: () => Worker;
  /** How long a worker may take to load the engine before the run is abandoned. */
  startTimeoutMs?: number;
}

export interface PoolEvents<T, R> {
  onStart?: (task: T) => void;
  onDone: (task: T, outcome: Outcome<R>) => void;
}

/** Runs every task; resolves when all are done. Rejects only if a worker cannot start at all. */
export async function runPool<T extends { id: number }, R>(
  tasks: readonly T[],
  options: PoolOptions,
  events: PoolEvents<T, R>,
): Promise<void> {
  let next = 0;
  const startTimeout = options.startTimeoutMs ?? 120_000;
  const slot = async () => {
    let worker: PoolWorker<R> | undefined;
    try {
      while (next < tasks.length) {
        const task = tasks[next++]!;
        try {
          worker ??= await PoolWorker.start<R>(options.spawn, startTimeout);
        } catch (error) {
          next = tasks.length; // the other slots stop taking work
          throw error;
        }
        events.onStart?.(task);
        const outcome = await worker.run(task, options.timeoutMs);
        // A worker that timed out or died is not trusted with another file.
        if (outcome.kind !== "done") {
          await worker.stop();
          worker = undefined;
        }
        events.onDone(task, outcome);
      }
    } finally {
      await worker?.stop();
    }
  };
  const size = Math.max(1, Math.min(options.size, tasks.length));
  // Settled, not all: every slot stops its worker before a start failure is reported.
  const ended = await Promise.allSettled(Array.from({ length: size }, slot));
  const failed = ended.find((e) => e.status === "rejected");
  if (failed) throw failed.reason;
}

class PoolWorker<R> {
  /** Why the worker died while idle, if it did. */
  private death: string | undefined;

  private constructor(private readonly worker: Worker) {
    // Permanent listeners: an 'error' event without one would throw in this thread.
    worker.on("error", (e) => {
      this.death ??= describeDeath(e);
    });
    worker.on("exit", (code) => {
      this.death ??= `工作线程意外退出，退出码 ${code}（worker exited）`;
    });
  }

  static start<R>(spawn: () => Worker, timeoutMs: number): Promise<PoolWorker<R>> {
    const worker = spawn();
    return new Promise((resolve, reject) => {
      const fail = (error: Error) => {
        cleanup();
        void worker.terminate();
        reject(error);
      };
      const onMessage = (m: { ready?: boolean }) => {
        if (!m?.ready) return;
        cleanup();
        resolve(new PoolWorker<R>(worker));
      };
      const onError = (e: Error) =>
        fail(new Error(`工作线程无法启动（worker failed to start）：${e.message}`));
      const onExit = (code: number) =>
        fail(new Error(`工作线程启动时退出，退出码 ${code}（worker exited while starting）`));
      const timer = setTimeout(
        () => fail(new Error("工作线程启动超时（worker start timed out）")),
        timeoutMs,
      );
      const cleanup = () => {
        clearTimeout(timer);
        worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      };
      worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    });
  }

  run(task: { id: number }, timeoutMs: number): Promise<Outcome<R>> {
    if (this.death) return Promise.resolve({ kind: "crashed", message: this.death });
    const worker = this.worker;
    return new Promise((resolve) => {
      const settle = (outcome: Outcome<R>) => {
        clearTimeout(timer);
        worker.off("message", onMessage).off("error", onError).off("exit", onExit);
        resolve(outcome);
      };
      const onMessage = (m: { id?: number; result?: R }) => {
        if (m?.id === task.id) settle({ kind: "done", value: m.result as R });
      };
      const onError = (e: Error) => settle({ kind: "crashed", message: describeDeath(e) });
      const onExit = (code: number) =>
        settle({ kind: "crashed", message: `工作线程意外退出，退出码 ${code}（worker exited）` });
      const timer = setTimeout(() => settle({ kind: "timeout" }), timeoutMs);
      worker.on("message", onMessage).on("error", onError).on("exit", onExit);
      worker.postMessage(task);
    });
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

function describeDeath(error: Error): string {
  if ((error as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY") {
    return "处理该文件时内存超出上限（worker out of memory）";
  }
  return `处理该文件时工作线程崩溃（worker crashed）：${error.message}`;
}
