export { TIMES, ADD, LOG, primitive, unaryPrimitive, binaryPrimitive } from './primitives.js';
export type { Primitive, PrimitiveCache } from './primitives.js';
export { Value, Tape } from './value.js';
export type { Origin } from './value.js';
export { trace, backwardPass } from './trace.js';
export type { Trace, BackwardStep } from './trace.js';
export { explain } from './explain.js';
export { toDot, toMermaid } from './draw.js';
