/**
 * A guarded view of the zip inside a .docx/.xlsx. Before anything is
 * inflated, the central directory's declared sizes are checked (per entry, in
 * total, and the compression ratio) so a zip bomb is refused up front; each
 * entry is then inflated by zlib with a hard output cap, so a zip that lies
 * about its sizes is stopped at the cap too. XML parts are refused when they
 * declare a DOCTYPE or ENTITY (entity expansion, external entities): OOXML
 * never needs one.
 *
 * The central directory is parsed here rather than by fflate because fflate
 * offers no way to cap the output of an entry whose declared size is a lie.
 */
import { inflateRawSync } from "node:zlib";
import { ImportError } from "../errors.ts";
import { limits } from "./limits.ts";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  encrypted: boolean;
}

const damaged = (why: string) =>
  new ImportError(`文件已损坏，无法作为 .docx/.xlsx 打开：${why}（damaged zip）`, "damaged");

export class OfficeZip {
  readonly entries = new Map<string, ZipEntry>();

  constructor(private readonly bytes: Uint8Array) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const eocd = findEndOfCentralDirectory(bytes, view);
    const count = view.getUint16(eocd + 10, true);
    const cdOffset = view.getUint32(eocd + 16, true);
    if (count === 0xffff || cdOffset === 0xffffffff)
      throw damaged("不支持 ZIP64（zip64 is not used by office files）");
    if (count > limits.maxZipEntries)
      throw bomb(`包含 ${count} 个条目，超过上限 ${limits.maxZipEntries}`);
    let p = cdOffset;
    let total = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50)
        throw damaged("中央目录不完整（truncated central directory）");
      const flags = view.getUint16(p + 8, true);
      const method = view.getUint16(p + 10, true);
      const compressedSize = view.getUint32(p + 20, true);
      const size = view.getUint32(p + 24, true);
      const nameLength = view.getUint16(p + 28, true);
      const extraLength = view.getUint16(p + 30, true);
      const commentLength = view.getUint16(p + 32, true);
      const localOffset = view.getUint32(p + 42, true);
      const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
      p += 46 + nameLength + extraLength + commentLength;
      if (size > limits.maxZipEntryBytes) {
        throw bomb(`条目 ${name} 解压后 ${mb(size)}，超过单项上限 ${mb(limits.maxZipEntryBytes)}`);
      }
      if (size > 1024 * 1024 && size > compressedSize * limits.maxZipRatio) {
        throw bomb(
          `条目 ${name} 压缩比 ${Math.round(size / Math.max(1, compressedSize))}:1，超过上限 ${limits.maxZipRatio}:1`,
        );
      }
      total += size;
      if (total > limits.maxZipTotalBytes)
        throw bomb(`解压后总大小超过上限 ${mb(limits.maxZipTotalBytes)}`);
      this.entries.set(name, {
        name,
        method,
        compressedSize,
        size,
        localOffset,
        encrypted: (flags & 1) === 1,
      });
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's bytes, inflated with an output cap of its declared size. */
  read(name: string): Uint8Array {
    const entry = this.entries.get(name);
    if (!entry) throw damaged(`缺少 ${name}（missing part）`);
    if (entry.encrypted)
      throw new ImportError("文件已加密，请提供未加密的文件（the file is encrypted）", "encrypted");
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const at = entry.localOffset;
    if (at + 30 > this.bytes.length || view.getUint32(at, true) !== 0x04034b50)
      throw damaged(`${name} 的本地文件头无效`);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const data = this.bytes.subarray(start, start + entry.compressedSize);
    if (data.length < entry.compressedSize) throw damaged(`${name} 数据被截断（truncated）`);
    let out: Uint8Array;
    if (entry.method === 0) out = data;
    else if (entry.method === 8) {
      try {
        // One byte over the declared size is enough to tell that the declaration was a lie.
        out = inflateRawSync(data, { maxOutputLength: entry.size + 1 });
      } catch (error) {
        if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
          throw bomb(`条目 ${name} 解压后超过其声明的大小 ${entry.size} 字节`);
        }
        throw damaged(`${name} 无法解压（${(error as Error).message}）`);
      }
    } else throw damaged(`${name} 使用了不支持的压缩方式 ${entry.method}`);
    if (out.length !== entry.size) {
      throw out.length > entry.size
        ? bomb(`条目 ${name} 解压后超过其声明的大小 ${entry.size} 字节`)
        : damaged(`${name} 长度不符`);
    }
    return out;
  }

  /** An XML part as text, refused if it declares a DOCTYPE or entities. */
  readXml(name: string): string {
    const text = new TextDecoder().decode(this.read(name));
    if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
      throw new ImportError(
        `文件中的 ${name} 含有 DOCTYPE/ENTITY 声明（可能是 XML 实体扩展攻击），拒绝读取（XML entity declarations are not allowed）`,
        "hostile",
      );
    }
    return text;
  }
}

function findEndOfCentralDirectory(bytes: Uint8Array, view: DataView): number {
  const stop = Math.max(0, bytes.length - 22 - 65535);
  for (let p = bytes.length - 22; p >= stop; p--) {
    if (view.getUint32(p, true) === 0x06054b50) return p;
  }
  throw damaged("找不到 ZIP 中央目录（no end of central directory: truncated or not a zip）");
}

const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

function bomb(why: string): ImportError {
  return new ImportError(
    `压缩包异常（疑似 ZIP 炸弹），拒绝解压：${why}（zip bomb refused）`,
    "hostile",
  );
}
