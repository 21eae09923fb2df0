/**
 * The bare comparison for the portal benchmark: node:http sending bytes it
 * holds in memory (the real server's answers, body and headers, received from
 * the parent), with nothing in between. In its own process, like the server.
 */
import { createServer } from "node:http";

export interface BareResponse {
  path: string;
  headers: Record<string, string>;
  body: string;
}

const pages = new Map<string, { headers: Record<string, string>; body: Buffer }>();

process.on("message", (m: BareResponse[]) => {
  for (const p of m) pages.set(p.path, { headers: p.headers, body: Buffer.from(p.body, "base64") });
  process.send?.({ stored: pages.size });
});

const server = createServer((req, res) => {
  const page = pages.get(req.url ?? "");
  if (!page) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { ...page.headers, "content-length": page.body.length });
  res.end(page.body);
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.send?.({ port: typeof address === "object" && address ? address.port : 0 });
});
process.on("disconnect", () => server.close(() => process.exit(0)));
