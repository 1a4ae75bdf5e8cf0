/**
 * Page geometry shared by every document: A4 (595 × 842 pt) with 40 pt margins leaves 515 pt of text
 * width. Figures are drawn at these widths in PDF points; the web page scales the same scenes with CSS.
 */
export const TEXT_WIDTH_PT = 515;
/** Two figures side by side with a 15 pt gutter. */
export const HALF_WIDTH_PT = 250;
