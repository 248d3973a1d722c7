/** Inline SVG charts: no library, no script, print as crisply as the text around them. */
import { html, type Html } from './escape';

export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly max: number;
  /** Shown at the end of the bar, e.g. "12 / 20". */
  readonly caption: string;
  readonly tone?: 'bad' | 'warn' | 'di';
}

export interface BarGroup {
  readonly label: string;
  readonly bars: readonly Bar[];
}

const round = (value: number) => Math.round(value * 10) / 10;

/** Horizontal bars, one group per row label (e.g. a clause group with "all clauses" and "documented information" bars). */
export function barChart(title: string, groups: readonly BarGroup[], legend: readonly { label: string; tone?: Bar['tone'] }[] = []): Html {
  const labelWidth = 190;
  const barWidth = 360;
  const captionWidth = 90;
  const barHeight = 14;
  const groupGap = 10;
  const width = labelWidth + barWidth + captionWidth;
  let y = 6;
  const rows: Html[] = [];
  for (const group of groups) {
    const groupTop = y;
    for (const bar of group.bars) {
      const fraction = bar.max > 0 ? Math.min(1, Math.max(0, bar.value / bar.max)) : 0;
      rows.push(html`<rect class="bar-bg" x="${labelWidth}" y="${y}" width="${barWidth}" height="${barHeight}"></rect>` );
      rows.push(html`<rect class="bar${bar.tone ? ` ${bar.tone}` : ''}" x="${labelWidth}" y="${y}" width="${round(barWidth * fraction)}" height="${barHeight}"><title>${group.label}: ${bar.label} ${bar.caption}</title></rect>`);
      rows.push(html`<text x="${labelWidth + barWidth + 6}" y="${y + barHeight - 3}">${bar.caption}</text>`);
      y += barHeight + 2;
    }
    rows.push(html`<text x="0" y="${round((groupTop + y) / 2 + 4)}">${truncateToWidth(group.label, labelWidth - 8)}</text>`);
    y += groupGap;
  }
  let legendX = labelWidth;
  const legendItems = legend.map((item) => {
    const markup = html`<rect class="bar${item.tone ? ` ${item.tone}` : ''}" x="${legendX}" y="${y}" width="12" height="12"></rect><text x="${legendX + 16}" y="${y + 10}">${item.label}</text>`;
    legendX += 24 + textWidth(item.label);
    return markup;
  });
  const height = y + (legend.length > 0 ? 20 : 0);
  const fullWidth = Math.max(width, legendX);
  return html`<svg class="chart" role="img" viewBox="0 0 ${fullWidth} ${height}" width="${fullWidth}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title>${title}</title>${rows}${legendItems}</svg>`;
}

export interface Column {
  readonly label: string;
  readonly value: number;
  readonly tone?: Bar['tone'];
}

/** Vertical columns with counts on top: a histogram. */
export function columnChart(title: string, columns: readonly Column[], axisLabel: string): Html {
  // As wide as the widest label: a Japanese one (「3〜6か月」) is twice as wide per character as an English one.
  const columnWidth = Math.max(56, ...columns.map((column) => textWidth(column.label) + 8));
  const gap = 12;
  const plotHeight = 150;
  const top = 18;
  const width = Math.max(200, columns.length * (columnWidth + gap) + gap);
  const max = Math.max(1, ...columns.map((column) => column.value));
  const bars = columns.map((column, i) => {
    const x = gap + i * (columnWidth + gap);
    const height = round((plotHeight * column.value) / max);
    const y = top + plotHeight - height;
    return html`<rect class="bar${column.tone ? ` ${column.tone}` : ''}" x="${x}" y="${y}" width="${columnWidth}" height="${height}"><title>${column.label}: ${column.value}</title></rect><text x="${x + columnWidth / 2}" y="${y - 4}" text-anchor="middle">${column.value}</text><text x="${x + columnWidth / 2}" y="${top + plotHeight + 16}" text-anchor="middle">${column.label}</text>`;
  });
  const height = top + plotHeight + 40;
  return html`<svg class="chart" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title>${title}</title><line class="axis" x1="0" x2="${width}" y1="${top + plotHeight}" y2="${top + plotHeight}"></line>${bars}<text x="${width / 2}" y="${height - 4}" text-anchor="middle">${axisLabel}</text></svg>`;
}

/**
 * About how wide `text` is at the charts' 12px: a full-width character
 * (kana, kanji, full-width forms) takes the whole em, a Latin one about
 * half. SVG text does not wrap or stretch its box, so a legend or a label
 * sized by character count would be clipped or overlap in Japanese.
 */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 12 : 7;
  return width;
}

const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

function truncateToWidth(text: string, maxWidth: number): string {
  if (textWidth(text) <= maxWidth) return text;
  let kept = '';
  for (const char of text) {
    if (textWidth(`${kept}${char}…`) > maxWidth) break;
    kept += char;
  }
  return `${kept}…`;
}
