import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo, type CSSProperties } from 'react';

// Register only what the app draws, so the bundle carries a fraction of ECharts. Add a chart
// or component here when a module needs it.
echarts.use([PieChart, BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type EChartOption = echarts.EChartsCoreOption;

export interface EChartProps {
  option: EChartOption;
  style?: CSSProperties;
  /** Accessible description of what the chart shows. */
  ariaLabel: string;
}

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function'
    && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * One ECharts chart. Import it lazily (React.lazy): it pulls ECharts into its own chunk.
 * Animation follows the user's reduced-motion setting (the e2e screenshots rely on it).
 */
export default function EChart({ option, style, ariaLabel }: EChartProps) {
  const animated = useMemo(() => !prefersReducedMotion(), []);
  return (
    <div role="img" aria-label={ariaLabel}>
      <ReactEChartsCore
        echarts={echarts}
        option={{ animation: animated, ...option }}
        notMerge
        style={{ height: 280, ...style }}
      />
    </div>
  );
}
