// Charts drawn on the server as SVG (d3-scale for the scales and ticks, d3-shape for the line): no chart
// code reaches the browser, and a right-to-left page gets its time axis mirrored (the newest day on the left
// edge reads last, as Arabic reads). Each bar and point carries its numbers in a <title>; the figure says
// what it shows in words.
import { scaleBand, scaleLinear } from "d3-scale";
import { area, line } from "d3-shape";

const W = 640;
const H = 220;
const PAD = { top: 12, bottom: 28, side: 44, inner: 8 };

type Axis = { rtl: boolean; dayLabel: (day: string) => string; valueLabel: (n: number) => string };

function frame(days: string[], max: number, { rtl }: Axis) {
  const x = scaleBand<string>()
    .domain(days)
    .range(rtl ? [W - PAD.side, PAD.inner] : [PAD.side, W - PAD.inner])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const y = scaleLinear()
    .domain([0, Math.max(1, max)])
    .nice(4)
    .range([H - PAD.bottom, PAD.top]);
  return { x, y };
}

function Axes({ days, x, y, axis }: { days: string[]; x: ReturnType<typeof frame>["x"]; y: ReturnType<typeof frame>["y"]; axis: Axis }) {
  const every = Math.max(1, Math.ceil(days.length / 6));
  const valueX = axis.rtl ? W - PAD.side + 6 : PAD.side - 6;
  return (
    <g className="fill-slate-500 text-[11px]" aria-hidden>
      {y.ticks(4).map((t) => (
        <g key={t}>
          <line x1={PAD.inner} x2={W - PAD.inner} y1={y(t)} y2={y(t)} className="stroke-slate-200" />
          <text x={valueX} y={y(t)} dy="0.32em" textAnchor={axis.rtl ? "start" : "end"} direction="ltr">
            {axis.valueLabel(t)}
          </text>
        </g>
      ))}
      {days.map((d, i) =>
        i % every === 0 ? (
          <text key={d} x={(x(d) ?? 0) + x.bandwidth() / 2} y={H - 8} textAnchor="middle">
            {axis.dayLabel(d)}
          </text>
        ) : null,
      )}
    </g>
  );
}

/**
 * On a phone a chart keeps a readable size and scrolls sideways (with the cue the lists use) instead of
 * shrinking its words; the keyboard can reach and scroll it too.
 */
function Scroll({ children }: { children: React.ReactNode }) {
  return (
    <div tabIndex={0} className="scroll-cue -mx-4 overflow-x-auto px-4 focus-visible:outline-2 focus-visible:outline-brand-600">
      <div className="min-w-[34rem]">{children}</div>
    </div>
  );
}

export type BarSeries = { key: string; label: string; className: string };

/** Bars per day, stacked by series (orders per day by status). */
export function StackedBars({
  days,
  series,
  values,
  axis,
  label,
  title,
}: {
  days: string[];
  series: BarSeries[];
  values: (day: string, key: string) => number;
  axis: Axis;
  label: string;
  title: (day: string) => string;
}) {
  const totals = days.map((d) => series.reduce((n, s) => n + values(d, s.key), 0));
  const { x, y } = frame(days, Math.max(...totals, 0), axis);
  return (
    <figure className="space-y-2">
      <Scroll>
        <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label={label}>
          <Axes days={days} x={x} y={y} axis={axis} />
          {days.map((d) => {
            let base = 0;
            return (
              <g key={d}>
                <title>{title(d)}</title>
                {series.map((s) => {
                  const v = values(d, s.key);
                  if (!v) return null;
                  const top = y(base + v);
                  const rect = <rect key={s.key} x={x(d)} width={x.bandwidth()} y={top} height={y(base) - top} className={s.className} />;
                  base += v;
                  return rect;
                })}
              </g>
            );
          })}
        </svg>
      </Scroll>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        {series.map((s) => (
          <span key={s.key} className="inline-flex items-center gap-1.5">
            <svg aria-hidden viewBox="0 0 10 10" className="size-2.5">
              <rect width="10" height="10" rx="2" className={s.className} />
            </svg>
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/** One value per day as a line over a light area (revenue). */
export function DayLine({ days, values, axis, label, title }: { days: string[]; values: number[]; axis: Axis; label: string; title: (i: number) => string }) {
  const { x, y } = frame(days, Math.max(...values, 0), axis);
  const at = (i: number) => (x(days[i]) ?? 0) + x.bandwidth() / 2;
  const path = line<number>()
    .x((_, i) => at(i))
    .y((v) => y(Math.max(0, v)))(values);
  const fill = area<number>()
    .x((_, i) => at(i))
    .y0(y(0))
    .y1((v) => y(Math.max(0, v)))(values);
  return (
    <figure>
      <Scroll>
        <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label={label}>
          <Axes days={days} x={x} y={y} axis={axis} />
          {fill && <path d={fill} className="fill-brand-600/10" />}
          {path && <path d={path} className="fill-none stroke-brand-600" strokeWidth={2} />}
          {values.map((v, i) => (
            <circle key={days[i]} cx={at(i)} cy={y(Math.max(0, v))} r={days.length > 45 ? 1.5 : 3} className="fill-brand-600">
              <title>{title(i)}</title>
            </circle>
          ))}
        </svg>
      </Scroll>
    </figure>
  );
}
