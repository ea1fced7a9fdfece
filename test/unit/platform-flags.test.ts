/**
 * The V8 flags the supervisor gives the gateway and the subgraphs: Node 20's young-generation limit by
 * default (Node 22+ size it from the machine's memory, over the memory targets) and a 1 GB heap limit
 * (V8 lets the old generation grow up to 4× what survives when the limit is 2 GB or more), never
 * overriding a flag the caller chose on the command line or in NODE_OPTIONS.
 */
import { PLATFORM_V8_FLAGS, withPlatformFlags } from '@tdkt/platform';

const DEFAULTS = ['--max-semi-space-size=16', '--max-old-space-size=1024'];

it('starts the platform processes with a bounded young generation and heap by default', () => {
  expect(PLATFORM_V8_FLAGS).toEqual(DEFAULTS);
  expect(withPlatformFlags([], '')).toEqual(DEFAULTS);
  expect(withPlatformFlags(['--cpu-prof'], '')).toEqual([...DEFAULTS, '--cpu-prof']);
});

it('keeps a limit the caller set, as a flag or in NODE_OPTIONS (either spelling)', () => {
  expect(withPlatformFlags(['--max-semi-space-size=32'], '')).toEqual([
    '--max-old-space-size=1024',
    '--max-semi-space-size=32',
  ]);
  expect(withPlatformFlags([], '--max-old-space-size=128 --max-semi-space-size=4')).toEqual([]);
  expect(withPlatformFlags([], '--max_semi_space_size=4')).toEqual(['--max-old-space-size=1024']);
  expect(withPlatformFlags(['--max-old-space-size=2048'], '')).toEqual([
    '--max-semi-space-size=16',
    '--max-old-space-size=2048',
  ]);
});
