import EChart, { type EChartOption } from '@/ui/chart/EChart';

export interface CustomerTypeChartProps {
  /** Translated label and count per slice. */
  slices: Array<{ name: string; value: number }>;
  ariaLabel: string;
}

/** Pie of customers by type. Loaded lazily: it brings ECharts in with it. */
export default function CustomerTypeChart({ slices, ariaLabel }: CustomerTypeChartProps) {
  const option: EChartOption = {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '60%'],
        center: ['50%', '45%'],
        avoidLabelOverlap: true,
        label: { formatter: '{b}\n{c}' },
        data: slices,
      },
    ],
  };
  return <EChart option={option} ariaLabel={ariaLabel} />;
}
