/**
 * Writes small but real PDF files for the reader's tests: text in a
 * non-embedded Chinese font (STSong-Light, UniGB-UCS2-H, as iText writes
 * government PDFs) or Helvetica, image-only (scanned) pages, a password
 * (Standard security handler whose user password is not empty), and any
 * number of pages.
 */
export interface PdfText {
  x: number;
  y: number;
  size: number;
  text: string;
}

export interface PdfOptions {
  /** Text of each page; a page with no text and `image` set is a "scan". */
  pages: PdfText[][];
  /** Paint an image on every page. */
  image?: boolean;
  /** The pages' /Rotate (a landscape table is often a portrait page turned by 90). */
  rotate?: 0 | 90 | 180 | 270;
  /** Protect with a user password (the file cannot be opened without it). */
  encrypt?: boolean;
}

const ucs2Hex = (s: string) =>
  "<" +
  [...s]
    .map((ch) => ch.codePointAt(0)!.toString(16).padStart(4, "0"))
    .join("")
    .toUpperCase() +
  ">";

export function buildPdf(options: PdfOptions): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add("");
  const pagesId = add("");
  const cidFont = add("");
  const descriptor = add(
    "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
  );
  const descendant = add(
    "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> " +
      `/FontDescriptor ${descriptor} 0 R /DW 1000 /W [1 95 500] >>`,
  );
  objects[cidFont - 1] =
    `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${descendant} 0 R] >>`;
  const image = add(
    streamObject(
      "<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8",
      "\x80".repeat(64),
    ),
  );
  const kids: number[] = [];
  // Identical pages share one content stream, so a file of many pages stays small.
  const contentIds = new Map<string, number>();
  for (const texts of options.pages) {
    let content = options.image ? "q 500 0 0 700 40 70 cm /Im1 Do Q\n" : "";
    for (const t of texts)
      content += `BT /F1 ${t.size} Tf ${t.x} ${t.y} Td ${ucs2Hex(t.text)} Tj ET\n`;
    let contentId = contentIds.get(content);
    if (contentId === undefined)
      contentIds.set(content, (contentId = add(streamObject("<<", content))));
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesId} 0 R /Rotate ${options.rotate ?? 0} /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${cidFont} 0 R >> /XObject << /Im1 ${image} 0 R >> >> /Contents ${contentId} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesId} 0 R >>`;
  objects[pagesId - 1] =
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`;
  const encrypt = options.encrypt
    ? add(
        `<< /Filter /Standard /V 1 /R 2 /O <${"7a".repeat(32)}> /U <${"3c".repeat(32)}> /P -44 >>`,
      )
    : undefined;

  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  const id = "<" + "0123456789abcdef".repeat(2) + ">";
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /ID [${id} ${id}]${encrypt ? ` /Encrypt ${encrypt} 0 R` : ""} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}

function streamObject(dict: string, data: string): string {
  return `${dict} /Length ${Buffer.byteLength(data, "latin1")} >>\nstream\n${data}\nendstream`;
}
