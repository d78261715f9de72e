import type { ThemeKind } from "./theme-matrix";

// The theme matrix as a quadrant chart, drawn on the server as SVG: figures up, stories to the
// right, the thresholds as dashed lines. Each theme is a numbered dot; the table beside it has the
// same numbers and every value, for screen readers and for exact reading.

export interface MatrixPoint {
  number: number;
  label: string;
  /** 0–1; themes without a figure sit on the axis. */
  figures: number | null;
  /** 0–1 */
  stories: number;
  kind: ThemeKind;
}

export const KIND_COLOURS: Record<ThemeKind, string> = {
  confirmed: "#a50f15",
  felt: "#8c510a",
  hidden: "#08519c",
  quiet: "#525252",
};

const SIZE = 320;
const PAD = 44;
/** Themes without a figure in the scan sit in a band under the chart, not at score 0. */
const NO_FIGURE_BAND = 30;
const INSET = 14;

export function MatrixChart({
  points,
  thresholds,
  label,
  axis,
}: {
  points: MatrixPoint[];
  thresholds: { statistical: number; storyShare: number };
  label: string;
  axis: { figures: string; stories: string; noFigure: string };
}) {
  // The story axis runs to twice the threshold or just past the largest share, whichever is more.
  const storyMax = Math.min(
    1,
    Math.max(thresholds.storyShare * 2, ...points.map((p) => p.stories * 1.1), 0.05),
  );
  // An inner margin, so a dot on 0 or 1 stays inside the box and clear of the labels.
  const x = (share: number) => PAD + INSET + (share / storyMax) * (SIZE - 2 * INSET);
  const y = (score: number | null) =>
    score === null
      ? PAD + SIZE + NO_FIGURE_BAND / 2 + 4
      : PAD + INSET + (1 - score) * (SIZE - 2 * INSET);
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${SIZE + PAD * 2} ${SIZE + PAD * 2 + NO_FIGURE_BAND}`}
      className="matrix-chart"
    >
      <rect x={PAD} y={PAD} width={SIZE} height={SIZE} fill="#ffffff" stroke="#6b6b6b" />
      <line
        x1={x(thresholds.storyShare)}
        x2={x(thresholds.storyShare)}
        y1={PAD}
        y2={PAD + SIZE}
        stroke="#6b6b6b"
        strokeDasharray="4 4"
      />
      <line
        x1={PAD}
        x2={PAD + SIZE}
        y1={y(thresholds.statistical)}
        y2={y(thresholds.statistical)}
        stroke="#6b6b6b"
        strokeDasharray="4 4"
      />
      <rect
        x={PAD}
        y={PAD + SIZE + 4}
        width={SIZE}
        height={NO_FIGURE_BAND}
        fill="#f3f3f3"
        stroke="#b0b0b0"
      />
      {/* Two short lines fit the margin left of the band ("geen" / "cijfer"). */}
      <text x={PAD - 4} y={PAD + SIZE + 17} textAnchor="end" fontSize="10">
        {axis.noFigure.split(" ").map((word, index) => (
          <tspan key={index} x={PAD - 4} dy={index === 0 ? 0 : 11}>
            {word}
          </tspan>
        ))}
      </text>
      <text
        x={PAD + SIZE / 2}
        y={PAD + SIZE + NO_FIGURE_BAND + 32}
        textAnchor="middle"
        fontSize="13"
      >
        {axis.stories}
      </text>
      <text
        x={14}
        y={PAD + SIZE / 2}
        textAnchor="middle"
        fontSize="13"
        transform={`rotate(-90 14 ${PAD + SIZE / 2})`}
      >
        {axis.figures}
      </text>
      {points.map((point) => (
        <g key={point.number}>
          <title>{point.label}</title>
          <circle
            cx={x(Math.min(point.stories, storyMax))}
            cy={y(point.figures)}
            r={10}
            fill={KIND_COLOURS[point.kind]}
            stroke="#ffffff"
            strokeWidth={1.5}
          />
          <text
            x={x(Math.min(point.stories, storyMax))}
            y={y(point.figures) + 4}
            textAnchor="middle"
            fontSize="11"
            fill="#ffffff"
          >
            {point.number}
          </text>
        </g>
      ))}
    </svg>
  );
}
