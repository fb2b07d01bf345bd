import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from './format.js';

export interface ChartEntry {
  key: string;
  label: string;
}

/** The width of the drawing: the labels' column, then the bars (all charts at one scale). */
const WIDTH = 720;
/** About the width of a character of the 13px labels, to size their column. */
const CHAR_WIDTH = 7.4;
const VALUE_SPACE = 48;
const BAR = 18;
const BAR_GAP = 3;
const GROUP_GAP = 14;
const TOP = 6;

/**
 * A horizontal bar chart as plain SVG: one group of bars per category, one bar per series. It is
 * an image named by its caption and described in words (every figure), and the page shows the
 * same figures in a table.
 */
export function BarChart({
  caption,
  categories,
  series,
  value,
  tableNote = true,
}: {
  caption: string;
  categories: readonly ChartEntry[];
  series: readonly ChartEntry[];
  value: (category: string, series: string) => number;
  /** Say that the figures are in the table too. */
  tableNote?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const captionId = useId();
  const descId = useId();
  const max = Math.max(1, ...categories.flatMap((c) => series.map((s) => value(c.key, s.key))));
  const labelWidth = Math.min(
    320,
    Math.max(80, 16 + CHAR_WIDTH * Math.max(0, ...categories.map((c) => c.label.length))),
  );
  const width = WIDTH;
  const groupHeight = series.length * BAR + (series.length - 1) * BAR_GAP;
  const height = TOP * 2 + categories.length * (groupHeight + GROUP_GAP);
  const scale = (width - labelWidth - VALUE_SPACE) / max;
  const description = categories
    .map(
      (c) =>
        `${c.label}: ${series
          .map((s) => {
            const figure = format.number(value(c.key, s.key));
            return series.length > 1 ? `${s.label} ${figure}` : figure;
          })
          .join(', ')}`,
    )
    .join('; ');

  return (
    <figure className="chart">
      <figcaption id={captionId}>{caption}</figcaption>
      {categories.length === 0 ? (
        <p>{t('exchange.statistics.noFigures')}</p>
      ) : (
        <>
          {series.length > 1 && (
            <ul className="chart-legend" aria-hidden="true">
              {series.map((s, i) => (
                <li key={s.key}>
                  <svg width="14" height="14" focusable="false">
                    <rect width="14" height="14" className={`series-${i}`} />
                  </svg>{' '}
                  {s.label}
                </li>
              ))}
            </ul>
          )}
          <svg
            viewBox={`0 0 ${width} ${height}`}
            width="100%"
            role="img"
            aria-labelledby={`${captionId} ${descId}`}
            focusable="false"
          >
            <desc id={descId}>{description}</desc>
            {categories.map((c, ci) => {
              const y0 = TOP + ci * (groupHeight + GROUP_GAP);
              return (
                <g key={c.key}>
                  <text
                    x={labelWidth - 8}
                    y={y0 + groupHeight / 2}
                    textAnchor="end"
                    dominantBaseline="middle"
                    className="chart-label"
                  >
                    {c.label}
                  </text>
                  {series.map((s, si) => {
                    const v = value(c.key, s.key);
                    const y = y0 + si * (BAR + BAR_GAP);
                    const w = Math.max(v > 0 ? 2 : 0, v * scale);
                    return (
                      <g key={s.key}>
                        <rect
                          x={labelWidth}
                          y={y}
                          width={w}
                          height={BAR}
                          className={`series-${si}`}
                        />
                        <text
                          x={labelWidth + w + 6}
                          y={y + BAR / 2}
                          dominantBaseline="middle"
                          className="chart-value"
                        >
                          {format.number(v)}
                        </text>
                      </g>
                    );
                  })}
                </g>
              );
            })}
            <line x1={labelWidth} x2={labelWidth} y1={0} y2={height} className="chart-axis" />
          </svg>
          {tableNote && <p className="small">{t('exchange.statistics.tableNote')}</p>}
        </>
      )}
    </figure>
  );
}
