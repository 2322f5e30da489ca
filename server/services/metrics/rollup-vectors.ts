import { endianness } from "node:os";
import { VECTOR_LENGTHS, type VectorColumn } from "@/db/rollup-layout";

const LITTLE_ENDIAN = endianness() === "LE";

/** Count vectors (histograms, error kinds) as stored in the rollups' BLOB columns: little-endian uint32, NULL = zeros. */

export function encodeVector(counts: readonly number[]): Buffer {
  const buf = Buffer.alloc(counts.length * 4);
  counts.forEach((n, i) => buf.writeUInt32LE(n, i * 4));
  return buf;
}

/** Adds a stored vector into `into` (length of `into` wins). */
export function addEncoded(into: number[], blob: Buffer | null | undefined): number[] {
  if (!blob) return into;
  const n = Math.min(into.length, blob.length >> 2);
  if (LITTLE_ENDIAN && blob.byteOffset % 4 === 0) {
    // the fast path: read the stored words in place (dashboards decode thousands of these per call)
    const words = new Uint32Array(blob.buffer, blob.byteOffset, n);
    for (let i = 0; i < n; i++) into[i]! += words[i]!;
  } else {
    for (let i = 0; i < n; i++) into[i]! += blob.readUInt32LE(i * 4);
  }
  return into;
}

export function zeros(column: VectorColumn): number[] {
  return new Array<number>(VECTOR_LENGTHS[column]).fill(0);
}

/** The vector with a single 1 at `position`. */
export function unitVector(column: VectorColumn, position: number): number[] {
  const v = zeros(column);
  v[position] = 1;
  return v;
}

const units = new Map<string, Buffer>();

/** The stored form of a single count at `position`; built once per (column, position) and shared (never mutated). */
export function encodedUnit(column: VectorColumn, position: number): Buffer {
  const id = `${column}:${position}`;
  let buf = units.get(id);
  if (!buf) units.set(id, (buf = encodeVector(unitVector(column, position))));
  return buf;
}

/** rollup_add(a, b): element-wise sum of two stored vectors, what an UPSERT does with a vector column. */
export function addBlobs(a: Buffer | null, b: Buffer | null): Buffer | null {
  if (!a) return b;
  if (!b) return a;
  const long = a.length >= b.length ? a : b;
  const short = long === a ? b : a;
  const out = Buffer.from(long);
  const n = short.length >> 2;
  if (LITTLE_ENDIAN && out.byteOffset % 4 === 0 && short.byteOffset % 4 === 0) {
    // the live writer's hot path: add in place through word views, no per-word calls
    const into = new Uint32Array(out.buffer, out.byteOffset, n);
    const from = new Uint32Array(short.buffer, short.byteOffset, n);
    for (let i = 0; i < n; i++) into[i] = into[i]! + from[i]!;
  } else {
    for (let i = 0; i < n * 4; i += 4) out.writeUInt32LE(out.readUInt32LE(i) + short.readUInt32LE(i), i);
  }
  return out;
}
