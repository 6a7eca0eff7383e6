/**
 * Parameter initialisation, in place (PyTorch's `torch.nn.init`). Each function writes into
 * the tensor under `noGrad` with `copy_` (so its version counter advances) and returns it.
 * Random draws come from mibun's seeded MT19937 stream (`manualSeed`), or `generator`.
 */
import { eye, noGrad, rand, randn, type Tensor } from '../autograd/index.js';
import { ShapeError, type RandomState } from '../tensor/index.js';
import { HyperparameterError } from './errors.js';

/** Where random values come from: the global stream by default. */
export interface InitOptions {
  generator?: RandomState;
}

/** Nonlinearities `calculateGain` knows (PyTorch's names). */
export type Nonlinearity =
  'linear' | 'conv1d' | 'conv2d' | 'conv3d' | 'sigmoid' | 'tanh' | 'relu' | 'leaky_relu' | 'selu';

/**
 * The recommended gain for a nonlinearity (PyTorch's `calculate_gain`): 1 for linear and
 * sigmoid, 5/3 for tanh, √2 for relu, √(2/(1 + slope²)) for leaky_relu (slope 0.01 by default),
 * 3/4 for selu.
 */
export function calculateGain(nonlinearity: Nonlinearity, param?: number): number {
  switch (nonlinearity) {
    case 'linear':
    case 'conv1d':
    case 'conv2d':
    case 'conv3d':
    case 'sigmoid':
      return 1;
    case 'tanh':
      return 5.0 / 3;
    case 'relu':
      return Math.sqrt(2.0);
    case 'leaky_relu': {
      const slope = param ?? 0.01;
      return Math.sqrt(2.0 / (1 + slope ** 2));
    }
    case 'selu':
      return 3.0 / 4;
    default:
      throw new HyperparameterError(
        'nonlinearity',
        JSON.stringify(nonlinearity),
        "one of 'linear', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'selu'",
        'calculateGain',
      );
  }
}

/**
 * (fan_in, fan_out) of a weight of shape [out, in, ...kernel]: in·k and out·k, k the product
 * of the kernel sizes (1 for Linear).
 */
export function computeFans(t: { readonly shape: readonly number[] }): [number, number] {
  const shape = t.shape;
  if (shape.length < 2) {
    throw new ShapeError(
      `Fan in and fan out can not be computed for tensor with fewer than 2 dimensions (shape [${shape.join(', ')}]). ` +
        'Fix: initialise a weight of shape [out, in, …], or use uniform_/normal_ with explicit bounds.',
      [shape],
    );
  }
  let receptive = 1;
  for (let i = 2; i < shape.length; i++) receptive *= shape[i]!;
  return [shape[1]! * receptive, shape[0]! * receptive];
}

function fill<T extends Tensor>(t: T, values: Tensor): T {
  noGrad(() => t.copy_(values));
  return t;
}

function floatDType(t: Tensor): 'float64' | 'float32' {
  return t.dtype === 'float32' ? 'float32' : 'float64';
}

function uniformValues(t: Tensor, a: number, b: number, o: InitOptions): Tensor {
  const u = rand([...t.shape], { dtype: floatDType(t), ...o });
  return noGrad(() => u.mul(b - a).add(a));
}

/** Fills `t` with U(a, b). */
export function uniform_<T extends Tensor>(t: T, a = 0, b = 1, options: InitOptions = {}): T {
  return fill(t, uniformValues(t, a, b, options));
}

/** Fills `t` with N(mean, std²). */
export function normal_<T extends Tensor>(t: T, mean = 0, std = 1, options: InitOptions = {}): T {
  const z = randn([...t.shape], { dtype: floatDType(t), ...options });
  return fill(
    t,
    noGrad(() => z.mul(std).add(mean)),
  );
}

/** Fills `t` with `value`. */
export function constant_<T extends Tensor>(t: T, value: number): T {
  noGrad(() => t.fill_(value));
  return t;
}

export function zeros_<T extends Tensor>(t: T): T {
  return constant_(t, 0);
}

export function ones_<T extends Tensor>(t: T): T {
  return constant_(t, 1);
}

/** Fills a 2-D `t` with the identity (ones on the diagonal). */
export function eye_<T extends Tensor>(t: T): T {
  if (t.shape.length !== 2) {
    throw new ShapeError(
      `eye_ needs a 2-D tensor, got shape [${t.shape.join(', ')}]. Fix: pass a matrix.`,
      [t.shape],
    );
  }
  return fill(t, eye(t.shape[0]!, t.shape[1]!, { dtype: floatDType(t) }));
}

/** Options of the Kaiming (He) initialisers. */
export interface KaimingOptions extends InitOptions {
  /** the negative slope of the leaky_relu after this layer (0 for relu) */
  a?: number;
  /** 'fanIn' keeps the forward pass's variance, 'fanOut' the backward pass's */
  mode?: 'fanIn' | 'fanOut';
  nonlinearity?: Nonlinearity;
}

function kaimingStd(t: Tensor, o: KaimingOptions): number {
  const [fanIn, fanOut] = computeFans(t);
  const mode = o.mode ?? 'fanIn';
  if (mode !== 'fanIn' && mode !== 'fanOut') {
    throw new HyperparameterError('mode', JSON.stringify(mode), "'fanIn' or 'fanOut'", 'kaiming');
  }
  const fan = mode === 'fanIn' ? fanIn : fanOut;
  const gain = calculateGain(o.nonlinearity ?? 'leaky_relu', o.a ?? 0);
  return gain / Math.sqrt(fan);
}

function generatorOf(o: InitOptions): InitOptions {
  return o.generator === undefined ? {} : { generator: o.generator };
}

/**
 * U(-bound, bound) with bound = gain·√(3/fan) (He et al. 2015). With `a: Math.sqrt(5)` this
 * is PyTorch's default for Linear weights: bound = 1/√fan_in.
 */
export function kaimingUniform_<T extends Tensor>(t: T, options: KaimingOptions = {}): T {
  const bound = Math.sqrt(3.0) * kaimingStd(t, options);
  return uniform_(t, -bound, bound, generatorOf(options));
}

/** N(0, std²) with std = gain/√fan. */
export function kaimingNormal_<T extends Tensor>(t: T, options: KaimingOptions = {}): T {
  return normal_(t, 0, kaimingStd(t, options), generatorOf(options));
}

/** U(-a, a) with a = gain·√(6/(fan_in + fan_out)) (Glorot & Bengio 2010). */
export function xavierUniform_<T extends Tensor>(t: T, gain = 1, options: InitOptions = {}): T {
  const [fanIn, fanOut] = computeFans(t);
  const std = gain * Math.sqrt(2.0 / (fanIn + fanOut));
  const a = Math.sqrt(3.0) * std;
  return uniform_(t, -a, a, options);
}

/** N(0, std²) with std = gain·√(2/(fan_in + fan_out)). */
export function xavierNormal_<T extends Tensor>(t: T, gain = 1, options: InitOptions = {}): T {
  const [fanIn, fanOut] = computeFans(t);
  return normal_(t, 0, gain * Math.sqrt(2.0 / (fanIn + fanOut)), options);
}
