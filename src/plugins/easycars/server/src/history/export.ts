/** Streams a history export (CSV or JSON) page by page, so 100,000 runs never sit in memory. */
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { EXPORT_COLUMNS, type HistoryRun } from '../../../shared/history';

export type RunPages = () => AsyncGenerator<HistoryRun[]>;

async function* rowsOf(pages: RunPages) {
  for await (const page of pages()) for (const run of page) yield run;
}

export function csvExport(pages: RunPages): Readable {
  const csv = stringify({
    header: true,
    columns: EXPORT_COLUMNS.map((key) => ({ key })),
    cast: { date: (d) => d.toISOString(), boolean: (b) => (b ? 'true' : 'false') },
  });
  const source = Readable.from(rowsOf(pages), { objectMode: true });
  source.on('error', (error) => csv.destroy(error));
  return source.pipe(csv);
}

export function jsonExport(pages: RunPages): Readable {
  async function* json() {
    yield '[';
    let first = true;
    for await (const run of rowsOf(pages)) {
      const picked = Object.fromEntries(EXPORT_COLUMNS.map((key) => [key, run[key]]));
      yield `${first ? '\n' : ',\n'}${JSON.stringify(picked)}`;
      first = false;
    }
    yield first ? ']\n' : '\n]\n';
  }
  return Readable.from(json());
}
