/** Runs bin/gongkai as a user would: arguments, optional standard input, a working folder. */
import { spawn } from "node:child_process";
import { cli, repoRoot } from "../support/paths.ts";

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** Wall time in milliseconds. */
  millis: number;
}

export function gongkai(
  args: string[],
  options: { input?: Uint8Array | string; cwd?: string } = {},
): Promise<Run> {
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(cli, args, { cwd: options.cwd ?? repoRoot });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", fail);
    child.on("close", (code) =>
      done({
        code: code ?? -1,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        millis: performance.now() - started,
      }),
    );
    // A command may refuse its input before reading it all: a closed pipe is expected then.
    child.stdin.on("error", () => {});
    child.stdin.end(options.input ?? "");
  });
}

/** No stack trace reaches a user. */
export const STACK = /\n\s+at .*:\d+/;
