/**
 * Reads a JSON answer from a stream without keeping its text (stream-json): the top-level value is
 * assembled, except one list of the top-level object, whose items are handed over one at a time as
 * they arrive. GetAdvertisementStocks' StockList is ~5 KB of text per item and has no pagination.
 */
import { Readable, Transform, type TransformCallback, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import Parser from 'stream-json/Parser';
import { JsonAssembler } from './json-assembler';
import { type BodyRead, NO_BODY, readJsonText } from './json-body';

export interface ListReader {
  /** The member of the top-level object that holds the list. */
  key: string;
  /**
   * Called where the list starts (so again on every attempt, and if the member repeats); returns
   * what receives its items, in order. The body keeps an empty array in the list's place.
   */
  start(): (item: unknown, index: number) => void;
}

interface Token {
  name: string;
  value?: string;
}

/** UTF-8 to text, without a leading BOM (axios drops it from text answers too); notes the first non-blank character. */
class TextStart extends Transform {
  first: string | null = null;
  private readonly decoder = new StringDecoder('utf8');
  private atStart = true;

  constructor() {
    super({ encoding: 'utf8' });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.forward(this.decoder.write(chunk), done);
  }

  override _flush(done: TransformCallback): void {
    this.forward(this.decoder.end(), done);
  }

  private forward(decoded: string, done: TransformCallback): void {
    let text = decoded;
    if (this.atStart && text) {
      this.atStart = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.first === null) this.first = /\S/.exec(text)?.[0] ?? null;
    if (text) done(null, text);
    else done();
  }
}

/** Builds the body from the parser's tokens, diverting the list's items to the reader. */
class BodyBuilder extends Writable {
  private readonly top = new JsonAssembler();
  private item: JsonAssembler | null = null;
  private deliver: ((item: unknown, index: number) => void) | null = null;
  private index = 0;

  constructor(private readonly list: ListReader) {
    super({ objectMode: true });
  }

  get value(): unknown {
    return this.top.current;
  }

  override _write(token: Token, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    try {
      if (this.deliver) this.takeItem(token);
      else this.take(token);
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  private take(token: Token): void {
    const top = this.top;
    if (token.name === 'startArray' && top.depth === 1 && !Array.isArray(top.current) && top.key === this.list.key) {
      this.deliver = this.list.start();
      this.index = 0;
      return;
    }
    top.consume(token);
  }

  private takeItem(token: Token): void {
    if (!this.item) {
      if (token.name === 'endArray') {
        this.deliver = null;
        this.top.consume({ name: 'startArray' }).consume({ name: 'endArray' });
        return;
      }
      this.item = new JsonAssembler();
    }
    this.item.consume(token);
    if (this.item.done) {
      const value: unknown = this.item.current;
      this.item = null;
      this.deliver!(value, this.index++);
    }
  }
}

/**
 * Answers up to this size are read whole and parsed with JSON.parse, ~5× cheaper in CPU than token by token
 * (a dealership's 300-vehicle list is ~1.5 MB); the items are then handed over the same way. Bigger ones are
 * parsed as they stream in, so memory follows the item, not the feed.
 */
export const WHOLE_TEXT_MAX_BYTES = 4 * 1024 * 1024;

/**
 * Rejects with the source's own error when the stream fails (reset connection, aborted request);
 * text that is not JSON, or stops before its end, resolves as unreadable. The answer is read whole
 * while it is at most `wholeTextMaxBytes`, and streamed from the first byte beyond.
 */
export async function readJsonStream(source: Readable, list: ListReader, wholeTextMaxBytes = WHOLE_TEXT_MAX_BYTES): Promise<BodyRead> {
  const chunks = source[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  while (size <= wholeTextMaxBytes) {
    const next = await chunks.next();
    if (next.done) return divertList(readJsonText(Buffer.concat(head).toString('utf8').replace(/^\uFEFF/, '')), list);
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(String(next.value), 'utf8');
    head.push(chunk);
    size += chunk.length;
  }
  const rest = Readable.from(
    (async function* () {
      try {
        yield* head.splice(0);
        for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
      } finally {
        // Stopped early (the text is not JSON): the answer's connection is closed, as a pipeline from it would.
        await chunks.return?.();
      }
    })(),
    { objectMode: false },
  );
  return streamJson(source, rest, list);
}

/** What the token-by-token reading gives, for a body parsed whole: the top-level list's items go to the reader. */
function divertList(read: BodyRead, list: ListReader): BodyRead {
  if (!read.parsed) return read;
  const body = read.json;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return read;
  const items = (body as Record<string, unknown>)[list.key];
  if (!Array.isArray(items)) return read;
  const deliver = list.start();
  (body as Record<string, unknown>)[list.key] = [];
  items.forEach((item, index) => deliver(item, index));
  return read;
}

async function streamJson(source: Readable, input: Readable, list: ListReader): Promise<BodyRead> {
  const text = new TextStart();
  const parser = new Parser({ packValues: true, streamValues: false, decodeStrings: false });
  const body = new BodyBuilder(list);
  let sourceError: unknown;
  let parseError: unknown;
  source.once('error', (e) => (sourceError ??= e));
  parser.once('error', (e) => {
    parseError ??= e;
    // The rest of the answer is of no use: close it rather than wait for it (the reader may be waiting on it).
    if (input !== source) source.destroy();
  });
  try {
    await pipeline(input, text, parser, body);
  } catch (error) {
    if (sourceError !== undefined) throw sourceError;
    if (parseError === undefined) throw error;
    return { parsed: false, empty: text.first === null, startsLikeJson: text.first === '{' || text.first === '[' };
  }
  return text.first === null ? NO_BODY : { parsed: true, json: body.value };
}
