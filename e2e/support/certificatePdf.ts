// What a certificate's PDF shows to a machine: its link annotations, and its QR read from
// pixels (poppler renders the page, zxing-cpp reads it, as a phone would).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The URI of the PDF's link annotations (the QR's area is a link to the same URL). */
export function linkUris(pdf: string, work: string): string[] {
  const expanded = join(work, "expanded.pdf");
  execFileSync("qpdf", ["--qdf", "--object-streams=disable", pdf, expanded]);
  const text = readFileSync(expanded, "latin1");
  return [...text.matchAll(/\/URI\s*\(([^)]*)\)/g)].map((m) => m[1]);
}

/** The texts of the QR codes printed on page 1, read from pixels as a phone would. */
export function printedQrCodes(pdf: string, work: string, python: string): string[] {
  const prefix = join(work, "page");
  execFileSync("pdftoppm", ["-r", "150", "-png", "-f", "1", "-l", "1", "-singlefile", pdf, prefix]);
  const script =
    "import sys, zxingcpp\nfrom PIL import Image\n" +
    "for code in zxingcpp.read_barcodes(Image.open(sys.argv[1])): print(code.text)";
  return execFileSync(python, ["-c", script, `${prefix}.png`], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean);
}

/** Page 1 of the PDF as a 100-dpi scan gives it (a PNG in `work`): the QR's modules are 2 pixels wide. */
export function scannedPage(pdf: string, work: string): string {
  const prefix = join(work, "scan-100dpi");
  execFileSync("pdftoppm", ["-r", "100", "-png", "-f", "1", "-l", "1", "-singlefile", pdf, prefix]);
  return `${prefix}.png`;
}
