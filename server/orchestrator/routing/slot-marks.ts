/**
 * "Have I seen this model in this pass?" without hashing: marks indexed by RegistryEntry.slot, cleared
 * in O(1) by bumping an epoch. A router owns its marks and reuses them across decisions (decisions
 * are synchronous, so no two use them at once).
 */
export class SlotMarks {
  private marks = new Uint32Array(0);
  private epoch = 0;

  /** start a new pass over a roster of `size` slots */
  begin(size: number): void {
    if (this.marks.length < size) this.marks = new Uint32Array(Math.max(size, this.marks.length * 2, 64));
    this.epoch += 1;
    if (this.epoch === 0xffffffff) {
      this.marks.fill(0);
      this.epoch = 1;
    }
  }

  /** true the first time a slot is marked in this pass */
  mark(slot: number): boolean {
    if (this.marks[slot] === this.epoch) return false;
    this.marks[slot] = this.epoch;
    return true;
  }

  has(slot: number): boolean {
    return this.marks[slot] === this.epoch;
  }
}
