/**
 * How the command line ends on an error: the message on standard error as
 * `gongkai: …`, in JSON mode also `{"error": {code, message}}` on standard
 * output, and the error's exit status. Never a stack trace unless asked for
 * (GONGKAI_DEBUG=1).
 */
import { describeError, type ErrorReport } from "../app/errors.ts";

/** An error already described with the input it concerns (its file name in front). */
export class Failure extends Error {
  constructor(readonly report: ErrorReport) {
    super(report.message);
    this.name = "Failure";
  }
}

/** Runs a step that reads `label`; its failures are described with that label in front. */
export async function about<T>(label: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const report = describeError(error, label);
    if (report.code === "internal") throw error;
    throw new Failure(report);
  }
}

/** Prints the error and returns the exit status the process should end with. */
export function reportFailure(error: unknown, json: boolean): number {
  const report = error instanceof Failure ? error.report : describeError(error);
  process.stderr.write(`gongkai: ${report.message}\n`);
  if (report.code === "internal" && process.env.GONGKAI_DEBUG) {
    process.stderr.write(`${(error as Error)?.stack ?? ""}\n`);
  }
  if (json) {
    const { code, message, problems } = report;
    const body = { error: { code, message, ...(problems ? { problems } : {}) } };
    process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
  }
  return report.exitCode;
}
