/**
 * The progress line of a batch, drawn on a terminal only (standard error):
 * count/total, files per second, time left, the last file finished. Off a
 * terminal it writes nothing, so logs and pipes get only the final summary.
 */

export interface Progress {
  /** One more file done. */
  tick(file: string): void;
  /** Erases nothing: the last state stays on screen, followed by a new line. */
  finish(): void;
}

interface Terminal {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

const REDRAW_MS = 100;

export function progressLine(stream: Terminal | undefined, total: number, label: string): Progress {
  if (!stream?.isTTY) return { tick() {}, finish() {} };
  const started = performance.now();
  let done = 0;
  let last = "";
  let drawnAt = 0;
  const draw = () => {
    drawnAt = performance.now();
    const line = renderLine({ label, done, total, seconds: (drawnAt - started) / 1000, last });
    stream.write(`\r${fitWidth(line, (stream.columns || 80) - 1)}\x1b[K`);
  };
  draw();
  return {
    tick(file) {
      done++;
      last = file;
      if (done === total || performance.now() - drawnAt >= REDRAW_MS) draw();
    },
    finish() {
      draw();
      stream.write("\n");
    },
  };
}

export interface LineState {
  label: string;
  done: number;
  total: number;
  seconds: number;
  last: string;
}

/** "检查 [######----------] 45/200 3.2 个/秒 剩余 0:48 x.pdf" */
export function renderLine(s: LineState): string {
  const width = 20;
  const filled = s.total ? Math.round((s.done / s.total) * width) : width;
  const bar = "#".repeat(filled) + "-".repeat(width - filled);
  const rate = s.seconds > 0 ? s.done / s.seconds : 0;
  const left = rate > 0 ? clock((s.total - s.done) / rate) : "—";
  const parts = [`${s.label} [${bar}] ${s.done}/${s.total}`, `${rate.toFixed(1)} 个/秒`];
  parts.push(s.done < s.total ? `剩余 ${left}` : `用时 ${clock(s.seconds)}`);
  if (s.last) parts.push(s.last);
  return parts.join("  ");
}

export function clock(seconds: number): string {
  const t = Math.max(0, Math.round(seconds));
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const sec = String(t % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}

/** Cuts a line to a terminal width, counting CJK and full-width characters as two columns. */
export function fitWidth(text: string, columns: number): string {
  let width = 0;
  let out = "";
  for (const ch of text) {
    width += isWide(ch.codePointAt(0)!) ? 2 : 1;
    if (width > columns) return out;
    out += ch;
  }
  return out;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}
