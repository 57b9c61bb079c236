// The lmstat reader: parse FlexNet status output, explain its error codes, sum seats per feature.
export { parseLmstat } from './parse';
export { explainFlexNetError, type FlexNetErrorExplanation } from './errors';
export { usageByFeature, type FeatureSeats } from './usage';
export { normalizeExpiry } from './expiry';
export { decodeLmstatBytes } from './decode';
export type * from './types';
