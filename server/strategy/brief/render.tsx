/**
 * A strategy brief as a PDF, generated on the server without a browser or network with the siting
 * report's react-pdf setup (local fonts, vector charts; ../pdf/reactPdf.ts).
 */
import type { StrategyBriefContent } from "@/server/strategy/brief/content";
import { loadReactPdf } from "@/server/documents/pdf/reactPdf";
import { BriefDocument } from "@/server/strategy/brief/BriefDocument";
import type { BriefFigures } from "@/server/strategy/brief/figures";

export async function renderBriefPdf(content: StrategyBriefContent, figures: BriefFigures): Promise<Buffer> {
  const m = await loadReactPdf();
  return m.renderToBuffer(<BriefDocument content={content} figures={figures} />);
}
