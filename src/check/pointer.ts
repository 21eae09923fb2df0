/** JSON Pointer helpers (RFC 6901). */
export function escapeToken(token: string | number): string {
  return String(token).replace(/~/g, "~0").replace(/\//g, "~1");
}

export function pointer(...tokens: (string | number)[]): string {
  return tokens.map((t) => "/" + escapeToken(t)).join("");
}

export function resolvePointer(root: unknown, path: string): unknown {
  if (path === "" || path === "/") return root;
  let node: unknown = root;
  for (const raw of path.slice(1).split("/")) {
    const token = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}
