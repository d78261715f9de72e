// A horizontal bar chart drawn on the server as SVG: no chart library, no client JavaScript. The
// table beside it holds the same figures for screen readers and for reading exact values.

export interface Bar {
  label: string;
  value: number;
  /** Area buurten, the area as a whole, or a reference (gemeente, Netherlands). */
  kind: "buurt" | "area" | "reference";
}

const COLOURS: Record<Bar["kind"], string> = {
  buurt: "#e6550d",
  area: "#a63603",
  reference: "#6b6b6b",
};

const ROW = 26;
const LABEL_WIDTH = 210;
const BAR_WIDTH = 300;
const WIDTH = LABEL_WIDTH + BAR_WIDTH + 80;

export function BarChart({
  bars,
  label,
  format,
}: {
  bars: Bar[];
  label: string;
  format: (value: number) => string;
}) {
  if (bars.length === 0) return null;
  const max = Math.max(...bars.map((b) => Math.abs(b.value)), Number.EPSILON);
  const height = bars.length * ROW + 4;
  return (
    <svg
      className="scan-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-label={label}
    >
      {bars.map((bar, index) => {
        const y = index * ROW + 2;
        const width = Math.max(1, (Math.abs(bar.value) / max) * BAR_WIDTH);
        const name = bar.label.length > 30 ? `${bar.label.slice(0, 29)}…` : bar.label;
        return (
          <g key={`${bar.kind}-${bar.label}`}>
            <text x={LABEL_WIDTH - 8} y={y + ROW / 2 + 4} textAnchor="end">
              {name}
            </text>
            <rect
              x={LABEL_WIDTH}
              y={y + 4}
              width={width}
              height={ROW - 8}
              fill={COLOURS[bar.kind]}
            />
            <text x={LABEL_WIDTH + width + 6} y={y + ROW / 2 + 4}>
              {format(bar.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
