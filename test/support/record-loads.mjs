/**
 * Preload (`node --import`) that writes every module URL the process loads to
 * the file named by GONGKAI_LOAD_LOG, one per line: how the tests see which
 * packages a command pulls in. The hooks run on the loader thread; the log
 * path travels to it through register()'s data.
 */
import { register } from "node:module";

const log = process.env.GONGKAI_LOAD_LOG;
if (log) {
  const hooks = `
    import { appendFileSync } from "node:fs";
    let log;
    export function initialize(data) { log = data.log; }
    export async function resolve(specifier, context, next) {
      const result = await next(specifier, context);
      appendFileSync(log, result.url + "\\n");
      return result;
    }`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: { log } });
}
