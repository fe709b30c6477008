import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { apiLabel } from '../shared/labels';
import type { Compliance, LedgerRow } from './api';

// Only the bar chart and what it needs: the ledger's chunk stays small (the whole of echarts is ~1 MB).
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const SERIES: { compliance: Compliance; colour: string }[] = [
  { compliance: 'compliant', colour: '#52c41a' },
  { compliance: 'non_compliant', colour: '#f5222d' },
  { compliance: 'incomplete', colour: '#faad14' },
  { compliance: 'not_filed', colour: '#bfbfbf' },
];

/** 按辖区统计: per region below the commission's, how many hospitals are compliant, non-compliant, incomplete, not filed (stacked). */
export default function RegionChart({ rows }: { rows: LedgerRow[] }) {
  const regions = [...new Map(rows.map((r) => [r.regionCode, r.regionName])).entries()].sort(([a], [b]) => a.localeCompare(b));
  const count = (region: string, compliance: Compliance) =>
    rows.filter((r) => r.regionCode === region && r.compliance === compliance).length;
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 28, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, name: '医院（家）', nameLocation: 'middle', nameGap: 24 },
    yAxis: { type: 'category', data: regions.map(([, name]) => name), axisLabel: { width: 96, overflow: 'break' } },
    series: SERIES.map(({ compliance, colour }) => ({
      type: 'bar',
      stack: 'hospitals',
      name: apiLabel('securityCompliance', compliance),
      itemStyle: { color: colour },
      label: { show: true, formatter: ({ value }: { value: number }) => (value ? String(value) : '') },
      data: regions.map(([code]) => count(code, compliance)),
    })),
  };
  return (
    <div data-testid="region-chart">
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: Math.max(180, 92 + regions.length * 48), width: '100%' }}
      />
    </div>
  );
}
