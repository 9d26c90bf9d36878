/**
 * Reads a zip archive (a .vsix) without unpacking it: the names in its
 * central directory, and the text of a stored or deflated entry.
 */
import { readFileSync } from "node:fs";
import { inflateRawSync } from "node:zlib";

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly localHeader: number;
}

export class ZipArchive {
  private readonly entries = new Map<string, Entry>();
  private readonly data: Buffer;

  constructor(path: string) {
    this.data = readFileSync(path);
    const data = this.data;
    // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
    let end = data.length - 22;
    while (end >= 0 && data.readUInt32LE(end) !== 0x06054b50) end--;
    if (end < 0) throw new Error(`${path} is not a zip archive`);
    const count = data.readUInt16LE(end + 10);
    let offset = data.readUInt32LE(end + 16);
    for (let index = 0; index < count; index++) {
      if (data.readUInt32LE(offset) !== 0x02014b50) throw new Error(`${path}: damaged central directory`);
      const nameLength = data.readUInt16LE(offset + 28);
      const extraLength = data.readUInt16LE(offset + 30);
      const commentLength = data.readUInt16LE(offset + 32);
      const name = data.toString("utf8", offset + 46, offset + 46 + nameLength);
      this.entries.set(name, {
        name,
        method: data.readUInt16LE(offset + 10),
        compressedSize: data.readUInt32LE(offset + 20),
        localHeader: data.readUInt32LE(offset + 42),
      });
      offset += 46 + nameLength + extraLength + commentLength;
    }
  }

  get names(): string[] {
    return [...this.entries.keys()];
  }

  text(name: string): string {
    const entry = this.entries.get(name);
    if (entry === undefined) throw new Error(`no ${name} in the archive`);
    const header = entry.localHeader;
    const start = header + 30 + this.data.readUInt16LE(header + 26) + this.data.readUInt16LE(header + 28);
    const raw = this.data.subarray(start, start + entry.compressedSize);
    return (entry.method === 0 ? raw : inflateRawSync(raw)).toString("utf8");
  }
}
