/** An error whose message is meant for the person at the terminal (Chinese first, English after). */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = "UserError";
  }
}
