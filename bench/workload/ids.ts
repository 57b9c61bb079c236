// Ids as engineers write them: several naming schemes per workload, never one template.
import { pad, type Random } from './random';

const WINGS = ['north', 'south', 'east', 'west', 'central', 'annex'];
const SYSTEMS = ['ahu', 'fcu', 'chiller', 'boiler', 'lighting', 'access', 'meter', 'vav', 'pump'];

/** Server id schemes (`[a-z0-9][a-z0-9-]*`); `n` keeps every id of a site unique. */
const SERVER_SCHEMES: ((r: Random, n: number, building: number) => string)[] = [
  (_r, n, b) => `as-b${pad(b, 2)}-${pad(n, 5)}`,
  (r, n, b) => `bldg${b}-${r.pick(SYSTEMS)}-${n}`,
  (r, n) => `${r.pick(WINGS)}-wing-as-${pad(n, 4)}`,
  (r, n) => `p${n}-${r.pick(['asp', 'asb', 'as3'])}`,
  (r, n) => `x${(0x1000 + n * 7919).toString(16)}-${r.int(90) + 10}`,
];

export function serverId(r: Random, scheme: number, n: number, building: number): string {
  return SERVER_SCHEMES[scheme % SERVER_SCHEMES.length](r, n, building);
}

/** Activation id schemes (`[A-Za-z0-9][A-Za-z0-9._-]*`), as FlexNet Operations and resellers print them. */
const ACTIVATION_SCHEMES: ((n: number, tag: string) => string)[] = [
  (n, tag) => `ACT-${tag}-${pad(n, 5)}`,
  (n, tag) => `FNO.${tag}.${pad(n, 6)}`,
  (n, tag) => `${tag.toLowerCase()}${(0xa000 + n).toString(16)}-${pad(n % 97, 2)}`,
];

export function activationId(scheme: number, n: number, tag: string): string {
  return ACTIVATION_SCHEMES[scheme % ACTIVATION_SCHEMES.length](n, tag);
}

export function host(r: Random, building: number, n: number): string {
  return r.chance(0.7) ? `10.${building % 250}.${Math.floor(n / 250) % 250}.${n % 250}` : `as${n}.b${building}.site.local`;
}
