/**
 * The report as a PDF, generated on the server without a browser or network: @react-pdf/renderer
 * (pdfkit underneath) lays out ReportDocument with local fonts and vector charts.
 */
import type { ReportFigures } from "../figures";
import type { ReportContent } from "../types";
import { loadReactPdf } from "@/server/documents/pdf/reactPdf";
import { ReportDocument } from "./ReportDocument";

export async function renderReportPdf(content: ReportContent, figures: ReportFigures): Promise<Buffer> {
  const m = await loadReactPdf();
  return m.renderToBuffer(<ReportDocument content={content} figures={figures} />);
}
