/** Assertions shared by the behaviour tests. */
import assert from "node:assert/strict";
import { ServiceError, type ErrorCode } from "../../../src/service/errors.ts";
import type { Store } from "../../../src/store/index.ts";
import type { StoreFactory } from "../engines.ts";

/** Awaits a refusal and checks its stable code and that its message is Chinese. */
export async function refused(promise: Promise<unknown>, code: ErrorCode): Promise<ServiceError> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    assert.equal(error.code, code, `expected ${code}, got ${error.code}: ${error.message}`);
    assert.match(error.message, /[\u4e00-\u9fff]/, "message in Chinese");
    return error;
  }
  assert.fail(`expected refusal ${code}, but it succeeded`);
}

/** Awaits a database error raised by one of the store's guard triggers. */
export async function guarded(promise: Promise<unknown>, pattern: RegExp): Promise<void> {
  await assert.rejects(promise, (error: Error) => {
    assert.match(error.message, pattern);
    return true;
  });
}

/** The factory is built in a before() hook (PostgreSQL needs a connection), read when tests run. */
export type FactoryRef = () => StoreFactory;

export async function withStore<T>(
  factory: FactoryRef,
  fn: (store: Store) => Promise<T>,
): Promise<T> {
  const store = await factory().fresh();
  return fn(store);
}
