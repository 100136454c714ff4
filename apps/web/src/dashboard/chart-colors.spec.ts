import { converter, differenceCiede2000, filterDeficiencyDeuter, filterDeficiencyProt, filterDeficiencyTrit, type Rgb, wcagContrast } from 'culori';
import { CHART_COLORS } from './chart-colors';

/** What the themes paint behind the charts (MUI's default backgrounds). */
const BACKGROUND = { light: '#ffffff', dark: '#121212' };

/** Colour vision as simulated by Machado, Oliveira and Fernandes (2009), at full severity. */
const VISIONS: Record<string, (color: Rgb) => Rgb> = {
  typical: (color) => color,
  protanopia: filterDeficiencyProt(1),
  deuteranopia: filterDeficiencyDeuter(1),
  tritanopia: filterDeficiencyTrit(1),
};

/** The colours each chart sets side by side. */
const TOGETHER = [
  ['arrivals', 'departures', 'balance'],
  ['series', 'observed'],
] as const;

/** A CIEDE2000 difference this large reads as another colour at a glance, not a shade. */
const APART = 20;

const difference = differenceCiede2000();
const toRgb = converter('rgb');
const rgb = (hex: string): Rgb => {
  const color = toRgb(hex);
  if (!color) throw new Error(`${hex} is not a colour`);
  return color;
};

describe('the dashboard charts’ colours', () => {
  for (const mode of ['light', 'dark'] as const) {
    const colors = CHART_COLORS[mode];

    it(`stay apart for typical and colour-blind vision, side by side (${mode} theme)`, () => {
      const tooClose = TOGETHER.flatMap((names) =>
        Object.entries(VISIONS).flatMap(([vision, see]) =>
          names.flatMap((a, i) =>
            names.slice(i + 1).flatMap((b) => {
              const delta = difference(see(rgb(colors[a])), see(rgb(colors[b])));
              return delta < APART ? [`${a} and ${b} for ${vision}: ΔE ${delta.toFixed(1)}`] : [];
            }),
          ),
        ),
      );
      expect(tooClose).toEqual([]);
    });

    it(`stand out from the background by at least 3:1, as WCAG asks of graphics (${mode} theme)`, () => {
      const faint = Object.entries(colors).flatMap(([name, color]) => {
        const contrast = wcagContrast(color, BACKGROUND[mode]);
        return contrast < 3 ? [`${name} ${color}: ${contrast.toFixed(2)}:1`] : [];
      });
      expect(faint).toEqual([]);
    });
  }
});
