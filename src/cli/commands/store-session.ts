/**
 * Shared by the store commands (user, audit, backup, restore, load): opens the
 * store the environment names (DATABASE_URL, else the PGlite folder
 * GONGKAI_DATA or ./data), runs the command, always closes it, and turns a
 * refusal of the service layer into a message for the terminal. The store and
 * the service layer load only when a command runs, so `--help` stays fast.
 */
import type { Store } from "../../store/index.ts";
import { UserError } from "../../app/errors.ts";

export async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  // Loaded here, not at start: the store pulls in Kysely and a database driver.
  const { openStore, storeOptionsFromEnv } = await import("../../store/index.ts");
  const { ServiceError } = await import("../../service/errors.ts");
  const options = storeOptionsFromEnv();
  let store: Store;
  try {
    store = await openStore(options);
  } catch (error) {
    const where = "url" in options ? "DATABASE_URL" : options.dataDir;
    throw new UserError(
      `无法打开数据库（${where}）：${(error as Error).message}（cannot open the store）`,
      "store-unavailable",
      4,
    );
  }
  try {
    return await fn(store);
  } catch (error) {
    if (error instanceof ServiceError)
      throw new UserError(`${error.message} [${error.code}]`, "refused");
    throw error;
  } finally {
    await store.close();
  }
}
