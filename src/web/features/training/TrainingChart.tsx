import { LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { EChart } from '../compliance/EChart';

// These charts compare two or three series side by side, so they need a legend, which the shared chart leaves out.
echarts.use([LegendComponent]);

export const TrainingChart = EChart;
