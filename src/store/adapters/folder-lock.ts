/**
 * One process per PGlite data folder: PGlite has no lock of its own, and two
 * processes writing one folder (the server and `gongkai load`) would corrupt
 * it. The lock is a sibling file `<folder>.lock` holding the owner's PID; a
 * lock whose process is gone (killed) is taken over.
 */
import { open, readFile, unlink } from "node:fs/promises";

export class FolderInUse extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the folder's lock; returns its release. Throws FolderInUse when a live process holds it. */
export async function lockFolder(dataDir: string): Promise<() => Promise<void>> {
  const path = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return async () => {
        const owner = await readFile(path, "utf8").catch(() => "");
        if (owner === String(process.pid)) await unlink(path).catch(() => {});
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number(await readFile(path, "utf8").catch(() => "0"));
      if (pid && pid !== process.pid && alive(pid)) {
        throw new FolderInUse(
          `数据目录 ${dataDir} 正被进程 ${pid} 使用；同一数据目录只能由一个进程打开，请先停止它（data folder in use）`,
        );
      }
      await unlink(path).catch(() => {});
    }
  }
  throw new FolderInUse(`无法锁定数据目录 ${dataDir}（cannot lock the data folder）`);
}
