/**
 * stream-json's Assembler, building the values JSON.parse would build, and holding no more text
 * than they need. Relies on Assembler 1.9's `done`/`current`/`key`.
 */
import Assembler from 'stream-json/Assembler';

/**
 * stream-json cuts each string out of its current text chunk (~64 KB), and V8 keeps such a cut as a
 * view on the whole chunk: one value kept for a sync would keep its chunk alive. Concatenating then
 * cutting makes V8 copy the characters into a string of their own (same value, every code unit kept).
 */
const detach = (s: string): string => (' ' + s).slice(1);

export class JsonAssembler extends Assembler {
  _saveValue(value: unknown): void {
    if (this.done) {
      this.current = value;
    } else if (Array.isArray(this.current)) {
      this.current.push(value);
    } else {
      const key = this.key!;
      // An assignment would replace the object's prototype; JSON.parse makes it an own member.
      if (key === '__proto__') Object.defineProperty(this.current, key, { value, writable: true, enumerable: true, configurable: true });
      else this.current[key] = value;
      this.key = null;
    }
  }

  // Assembler binds stringValue to its own _saveValue when it loads, so it is redirected here.
  stringValue(value: string): void {
    this._saveValue(detach(value));
  }
}
