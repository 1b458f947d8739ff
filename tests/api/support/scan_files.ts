// Scanned documents as the desk uploads them, built byte by byte, that pass the server's
// digitisation rules (docs/security.md V12): PDFs of blank A4 pages with a correct cross-reference
// table (qpdf reads them without repair), padded to an exact size if asked; a real 8 × 8 JPEG and
// real PNGs; and the PDF bomb and the oversized images the rules refuse. A label goes into every
// file, so that files with different labels have different bytes (the store keeps one copy of
// each content).
import { randomBytes } from 'node:crypto';
import { constants, deflateRawSync, deflateSync } from 'node:zlib';

/** A PDF of `objects`, numbered from 1 (object 1 is the catalogue); `comment` (one line) follows
 * the header. */
export function pdfOf(objects: (string | Buffer)[], comment = ''): Buffer {
  const chunks: Buffer[] = [Buffer.from(`%PDF-1.7\n%${comment}\n`, 'latin1')];
  let length = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.from(object), Buffer.from('\nendobj\n')]);
    chunks.push(chunk);
    length += chunk.length;
  });
  let xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) xref += `${String(offset).padStart(10, '0')} 00000 n \n`;
  xref += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  return Buffer.concat([...chunks, Buffer.from(xref)]);
}

/** The objects of `pages` blank A4 pages: catalogue 1, page tree 2, pages from 3. */
export function blankPageObjects(pages: number): string[] {
  const kids = Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(' ');
  return [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    ...Array.from({ length: pages }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'),
  ];
}

/** A stream object: the `entries` of its dictionary (without /Length) and its `data`. */
export function streamObject(entries: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`<< ${entries} /Length ${data.length} >>\nstream\n`), data, Buffer.from('\nendstream')]);
}

let count = 0;

/** A label no other file of this process has. */
export function uniqueLabel(label: string): string {
  count += 1;
  return `${label} ${process.pid} ${Date.now()} ${count} ${Math.random()}`.replace(/[\r\n]/g, ' ');
}

/** A scan: a PDF of `pages` blank pages (1 unless told) carrying `label`; with `size`, exactly
 * that many bytes (the header comment is padded with `fill`, a character, or random hex digits). */
export function scanPdf(label: string, options: { pages?: number; size?: number; fill?: string | 'random' } = {}): Buffer {
  const objects = blankPageObjects(options.pages ?? 1);
  const comment = ` ${label}`;
  const plain = pdfOf(objects, comment);
  if (options.size === undefined) return plain;
  // Grow the comment to the size; the startxref number may gain a digit, hence the loop.
  let padding = options.size - plain.length;
  for (;;) {
    if (padding < 0) throw new Error(`a ${options.pages ?? 1}-page PDF needs more than ${options.size} bytes`);
    const fill = options.fill === 'random'
      ? Buffer.from(randomBytes(Math.ceil(padding / 2)).toString('hex').slice(0, padding))
      : Buffer.alloc(padding, options.fill ?? ' ');
    const pdf = pdfOf(objects, `${comment}${fill.toString('latin1')}`);
    if (pdf.length === options.size) return pdf;
    padding -= pdf.length - options.size;
  }
}

/** A PDF bomb: one page whose content is a FlateDecode stream that inflates to `mebibytes` MiB
 * of zeros, from about a thousandth of that. The zlib stream is assembled without ever holding
 * the zeros: a header, the same sync-flushed raw block of one MiB `mebibytes` times (deflate
 * blocks end on a byte boundary there and may follow one another), an empty final block, and
 * the Adler-32 of the zeros. */
export function pdfBomb(label: string, mebibytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(((mebibytes * (1 << 20)) % 65521) * 65536 + 1);  // Of zeros: a = 1, b = n.
  const flate = Buffer.concat([
    Buffer.from([0x78, 0xda]), ...Array.from({ length: mebibytes }, () => block), Buffer.from([0x03, 0x00]), adler,
  ]);
  const objects: (string | Buffer)[] = blankPageObjects(1);
  objects[2] = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>';
  objects.push(streamObject('/Filter /FlateDecode', flate));
  return pdfOf(objects, ` ${label}`);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (IEEE), as PNG chunks and ZIP entries carry it. */
export function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG: a real white `width` × `height` RGB image with `label` in a tEXt chunk; with
 * `declared`, its IHDR claims that size instead (a decompression bomb's header: the few real
 * rows do not match it). */
export function pngImage(label: string, width = 8, height = 8,
  declared?: { width: number; height: number }): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(declared?.width ?? width, 0);
  ihdr.writeUInt32BE(declared?.height ?? height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);  // 8 bits, RGB, deflate, no filter, no interlace.
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0xff)]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('tEXt', Buffer.from(`Comment\0${label}`, 'latin1')),
    pngChunk('IDAT', deflateSync(pixels)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An 8 × 8 grey baseline JPEG (made by pdftoppm). */
const JPEG_8X8 = Buffer.from(
  '/9j/4AAQSkZJRgABAQEACAAIAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4z' +
  'NDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wAARCAAIAAgDASIAAhEB' +
  'AxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS' +
  '0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKz' +
  'tLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgEC' +
  'BAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpj' +
  'ZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6' +
  '/9oADAMBAAIRAxEAPwD3+iiigD//2Q==', 'base64');

/** A JPEG: the 8 × 8 image with `label` in a comment (COM) segment; with `declared`, its frame
 * header claims that size instead. */
export function jpegImage(label: string, declared?: { width: number; height: number }): Buffer {
  const text = Buffer.from(label, 'latin1').subarray(0, 60000);
  const comment = Buffer.alloc(4);
  comment.set([0xff, 0xfe], 0);
  comment.writeUInt16BE(text.length + 2, 2);
  const jpeg = Buffer.concat([JPEG_8X8.subarray(0, 2), comment, text, JPEG_8X8.subarray(2)]);
  if (declared) {
    const frame = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    jpeg.writeUInt16BE(declared.height, frame + 5);
    jpeg.writeUInt16BE(declared.width, frame + 7);
  }
  return jpeg;
}
