// How officers' forms of unit names become search conditions (unit-search.rule.ts).
import { MAX_SEARCH_CONDITIONS, unitSearchConditions } from './unit-search.rule';

const HCM = ['thanh pho ho chi minh', 'tp ho chi minh', 'hcm'];
const HUE = ['thua thien hue', 'thanh pho hue', 'tp hue'];

describe('unit search conditions', () => {
  it.each([
    // typed (folded words)             conditions
    ['ha noi', [['ha'], ['noi']]],
    ['tphcm', [HCM]],
    ['tp hcm', [HCM]],
    ['hcm', [HCM]],
    ['thanh pho hcm', [HCM]],
    ['so noi vu tp hcm', [['noi'], ['vu'], HCM]],
    // Nghị quyết 175/2024/QH15: Thừa Thiên Huế is Thành phố Huế since 2025-01-01; either name finds it.
    ['thua thien hue', [HUE]],
    ['tth', [HUE]],
    ['thanh pho hue', [['hue']]],
    // Kind words name the body, not which one: dropped when other words remain.
    ['ubnd tinh nghe an', [['nghe'], ['an']]],
    ['uy ban nhan dan tinh nghe an', [['nghe'], ['an']]],
    ['bo tu phap', [['tu'], ['phap']]],
    ['so tai chinh', [['tai'], ['chinh']]],
    // …and kept when nothing else is left.
    ['tinh', [['tinh']]],
    ['tp', [['thanh pho', 'tp']]],
    ['ubnd tinh', [['uy ban nhan dan', 'ubnd'], ['tinh']]],
    ['bcd', [['ban chi dao', 'bcd']]],
    ['ban tdkt', [['ban'], ['thi dua khen thuong', 'tdkt']]],
  ])('reads "%s"', (typed, expected) => {
    expect(unitSearchConditions(typed.split(' '))).toEqual(expected);
  });

  it('reads nothing from nothing, and bounds the conditions', () => {
    expect(unitSearchConditions([])).toEqual([]);
    expect(unitSearchConditions('a b c d e f g h i j'.split(' '))).toHaveLength(MAX_SEARCH_CONDITIONS);
  });
});
