/**
 * @module What every request handler of the server can read: the store, the
 * acting user (anonymous until signed in) and the request's CSRF token. The
 * API (src/server/api/) and the portal's pages (src/server/pages/) are Hono
 * sub-apps typed with this environment and mounted by src/server/app.ts.
 */
import type { Actor } from "../service/actor.ts";
import type { Store } from "../store/index.ts";

export interface ServerEnv {
  Variables: {
    store: Store;
    /** The signed-in user, an API token's actor, or ANONYMOUS. */
    actor: Actor;
    /** The token a state-changing form must send back (hidden field `_csrf`). */
    csrfToken: string;
  };
}
