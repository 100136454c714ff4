/**
 * The dashboard charts' colours, for the light and the dark theme. Arrivals and departures are
 * Okabe and Ito's bluish green and vermillion, chosen to stay apart for colour-blind eyes; the
 * balance takes the text's colour, a neutral that stays apart from both. Colour never carries
 * meaning alone: departures are drawn below the axis, the headcount's series is a line and its
 * observations dots, and every chart has a table.
 */
export interface ChartColors {
  arrivals: string;
  departures: string;
  balance: string;
  /** The headcount series (a line), its observations (dots) and its target (a band). */
  series: string;
  observed: string;
  target: string;
  /** The Sankey diagram's nodes and links: one colour, position and labels tell them apart. */
  flow: string;
}

export const CHART_COLORS: Record<'light' | 'dark', ChartColors> = {
  light: {
    arrivals: '#009e73',
    departures: '#d55e00',
    balance: '#212121',
    series: '#0072b2',
    observed: '#d55e00',
    target: '#009e73',
    flow: '#0072b2',
  },
  dark: {
    arrivals: '#009e73',
    departures: '#d55e00',
    balance: '#f5f5f5',
    series: '#56b4e9',
    observed: '#e69f00',
    target: '#009e73',
    flow: '#56b4e9',
  },
};
