/**
 * A local mail catcher for the demo: an SMTP server that keeps the last 200 mails in memory and a
 * web page that lists them (alert mails from the EasyCars plugin go here instead of the internet).
 *   node scripts/mail-sink.js [--smtp 1025] [--http 1080]
 */
const http = require('node:http');
const { SMTPServer } = require('smtp-server');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SMTP_PORT = arg('smtp', Number(process.env.MAIL_SINK_SMTP_PORT || 1025));
const HTTP_PORT = arg('http', Number(process.env.MAIL_SINK_HTTP_PORT || 1080));
const KEEP = 200;
const mails = [];

const header = (raw, name) => {
  const unfolded = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  return new RegExp(`^${name}: (.*)$`, 'im').exec(unfolded)?.[1] ?? '';
};
const decodeQuotedPrintable = (text) =>
  text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
/** The text/plain part (alert mails are multipart/alternative), decoded; the raw body otherwise. */
const plainText = (raw) => {
  const part = /Content-Type: text\/plain[^]*?\r?\n\r?\n([^]*?)(?:\r?\n--[^\r\n]+|$)/i.exec(raw);
  const body = part ? part[1] : raw.split(/\r?\n\r?\n/).slice(1).join('\n\n');
  return Buffer.from(decodeQuotedPrintable(body), 'latin1').toString('utf8');
};
const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, callback) {
    let raw = '';
    stream.setEncoding('latin1');
    stream.on('data', (chunk) => (raw += chunk));
    stream.on('end', () => {
      mails.unshift({ at: new Date(), to: session.envelope.rcptTo.map((r) => r.address), subject: header(raw, 'Subject'), text: plainText(raw) });
      mails.length = Math.min(mails.length, KEEP);
      callback();
    });
  },
});
smtp.listen(SMTP_PORT, '127.0.0.1', () => console.log(`[mail-sink] SMTP on 127.0.0.1:${SMTP_PORT}, mails at http://localhost:${HTTP_PORT}/`));

http
  .createServer((req, res) => {
    if (req.url === '/mails.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify(mails));
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><meta charset="utf-8"><title>Demo mails</title>
<style>body{font:15px system-ui;margin:2rem;max-width:60rem}article{border:1px solid #ddd;border-radius:6px;padding:1rem;margin:1rem 0}pre{white-space:pre-wrap}</style>
<h1>Mails sent by the demo (${mails.length})</h1><p>Newest first; kept in memory until the demo stops. Reload to see new ones.</p>
${mails.map((m) => `<article><h2>${escape(m.subject)}</h2><p>To: ${escape(m.to.join(', '))} · ${m.at.toISOString()}</p><pre>${escape(m.text)}</pre></article>`).join('') || '<p>No mail yet.</p>'}`);
  })
  .listen(HTTP_PORT, '127.0.0.1');
