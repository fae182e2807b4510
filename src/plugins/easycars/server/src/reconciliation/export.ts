/** The report as CSV (one row per difference) and as PDF (dealership, time, summary, a table per category). */
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import PDFDocument from 'pdfkit';
import type { Finding, FindingCategory, FindingCounts } from '../../../shared/reconciliation';
import { FINDING_CATEGORIES } from '../../../shared/reconciliation';

export const CATEGORY_TITLES: Record<FindingCategory, string> = {
  missing_here: 'In EasyCars, not here',
  extra_here: 'Here, not in EasyCars',
  field_diff: 'Field differences',
  images: 'Images',
  lead: 'Leads',
};

const describeFields = (f: Finding) =>
  (f.details?.fields ?? []).map((d) => `${d.field}: here ${JSON.stringify(d.here)} / EasyCars ${JSON.stringify(d.easycars)}`).join('; ');

export function findingsCsv(findings: Finding[]): string {
  return stringify(
    findings.map((f) => ({
      category: CATEGORY_TITLES[f.category],
      severity: f.severity,
      state: f.state,
      ref: f.ref,
      title: f.title ?? '',
      reason: f.reason,
      fields: describeFields(f),
      entry: f.entryDocumentId ?? '',
      ignoredReason: f.ignoredReason ?? '',
    })),
    { header: true, columns: ['category', 'severity', 'state', 'ref', 'title', 'reason', 'fields', 'entry', 'ignoredReason'] },
  );
}

export interface PdfHeading {
  dealership: string;
  generatedAt: Date;
  runAt: string | null;
  timezone: string;
  counts: FindingCounts | null;
  notes: string[];
}

const COLUMNS = [
  { title: 'Severity', width: 70 },
  { title: 'Ref', width: 80 },
  { title: 'Title', width: 120 },
  { title: 'Reason and fields', width: 245 },
];

export function findingsPdf(heading: PdfHeading, findings: Finding[]): Readable {
  const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: `EasyCars reconciliation — ${heading.dealership}` } });
  const when = (d: Date | string) => new Date(d).toLocaleString('en-AU', { timeZone: heading.timezone, dateStyle: 'medium', timeStyle: 'short' });
  doc.fontSize(18).text('EasyCars reconciliation');
  doc.moveDown(0.3).fontSize(12).text(heading.dealership);
  doc.fontSize(9).fillColor('#555').text(`Run ${heading.runAt ? when(heading.runAt) : '—'} · exported ${when(heading.generatedAt)} (${heading.timezone})`);
  doc.fillColor('black').moveDown();
  doc.fontSize(12).text('Summary');
  doc.fontSize(10);
  const c = heading.counts;
  if (c) {
    doc.text(`${c.total} open difference(s): ${c.bySeverity.missing} missing, ${c.bySeverity.outdated} outdated, ${c.bySeverity.conflicting} conflicting; ${c.ignored} ignored.`);
    for (const cat of FINDING_CATEGORIES) doc.text(`${CATEGORY_TITLES[cat]}: ${c[cat]}`);
  } else doc.text('No reconciliation has run yet.');
  for (const note of heading.notes) doc.moveDown(0.3).fontSize(9).fillColor('#555').text(note).fillColor('black');

  for (const cat of FINDING_CATEGORIES) {
    const rows = findings.filter((f) => f.category === cat);
    if (!rows.length) continue;
    doc.addPage().fontSize(13).text(`${CATEGORY_TITLES[cat]} (${rows.length})`).moveDown(0.5);
    const x0 = doc.page.margins.left;
    const header = () => {
      let x = x0;
      doc.fontSize(9).font('Helvetica-Bold');
      const y = doc.y;
      for (const col of COLUMNS) {
        doc.text(col.title, x, y, { width: col.width - 6 });
        x += col.width;
      }
      doc.font('Helvetica').moveDown(0.4);
    };
    header();
    for (const f of rows) {
      const cells = [`${f.severity}${f.state === 'ignored' ? ' (ignored)' : ''}`, f.ref, f.title ?? '', [f.reason, describeFields(f)].filter(Boolean).join(' ')];
      const height = Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: COLUMNS[i].width - 6 })));
      if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
        doc.addPage();
        header();
      }
      const y = doc.y;
      let x = x0;
      cells.forEach((text, i) => {
        doc.text(text, x, y, { width: COLUMNS[i].width - 6 });
        x += COLUMNS[i].width;
      });
      doc.x = x0;
      doc.y = y + height + 4;
    }
  }
  doc.end();
  return doc as unknown as Readable;
}
