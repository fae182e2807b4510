/** Reads an answer's body: as one text, or as a stream when a list is to be read item by item. */
import { Readable } from 'node:stream';
import { type BodyRead, NO_BODY, readJsonText } from './json-body';
import { type ListReader, readJsonStream } from './json-stream';

function asText(data: unknown): string {
  return typeof data === 'string' ? data : Buffer.isBuffer(data) ? data.toString('utf8') : data === undefined || data === null ? '' : JSON.stringify(data);
}

/** A 429's body is never looked at (a streamed one is closed unread). Rejects when the stream fails. */
export async function readBody(status: number, data: unknown, list: ListReader | undefined): Promise<BodyRead> {
  const stream = list && data instanceof Readable ? data : undefined;
  if (status === 429) {
    stream?.destroy();
    return NO_BODY;
  }
  return stream ? readJsonStream(stream, list!) : readJsonText(asText(data));
}
