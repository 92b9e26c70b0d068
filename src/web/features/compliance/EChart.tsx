import type { EChartsReactProps } from 'echarts-for-react';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only the bar charts these screens draw: a fraction of the full ECharts bundle.
echarts.use([BarChart, GridComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export function EChart(props: Omit<EChartsReactProps, 'echarts'>) {
  return <ReactEChartsCore echarts={echarts} {...props} />;
}
