// Tree-shaken ECharts: only the charts, components and renderer the dashboard uses. SVG: the text
// stays text (selectable, in a PDF too) and a chart scales to the printed page without a redraw.
// echarts' `use` registers chart parts; renamed, so nobody (and no linter) takes it for a React hook.
import { init, use as registerParts, type ComposeOption } from 'echarts/core';
import {
  BarChart,
  CustomChart,
  LineChart,
  ScatterChart,
  type BarSeriesOption,
  type CustomSeriesOption,
  type LineSeriesOption,
  type ScatterSeriesOption,
} from 'echarts/charts';
import {
  GridComponent,
  MarkLineComponent,
  TooltipComponent,
  type GridComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

// No LegendComponent: legends are HTML beside the chart (ChartLegend), so they wrap instead of paging.
registerParts([BarChart, CustomChart, LineChart, ScatterChart, GridComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | CustomSeriesOption | LineSeriesOption | ScatterSeriesOption | GridComponentOption | MarkLineComponentOption | TooltipComponentOption
>;

export { init };
