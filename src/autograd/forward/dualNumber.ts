/**
 * Dual numbers on plain JavaScript numbers: forward mode with nothing but arithmetic, for
 * teaching and for cheap derivatives of scalar functions. A dual number is a + b·ε with ε² = 0;
 * then f(a + b·ε) = f(a) + f'(a)·b·ε, so carrying (value, tangent) through a computation gives
 * the derivative alongside the value. Each op's partial comes from the rules table
 * (`UNARY[op].d`, `BINARY[op].da/db` over `NUMBER_ALGEBRA`), the values from `UNARY_NUMBER` /
 * `BINARY_NUMBER`: the same float64 functions the tensors use.
 */
import {
  BINARY,
  BINARY_NUMBER,
  NUMBER_ALGEBRA,
  UNARY,
  UNARY_NUMBER,
  type BinaryOp,
  type UnaryOp,
} from '../../rules/index.js';
import { LINEAR_ABOVE } from '../linearAbove.js';

/** A Dual or a plain number (a constant: tangent 0). */
export type DualLike = Dual | number;

export class Dual {
  /**
   * value + tangent·ε. Prefer `dual(value, tangent)`.
   *
   * @example
   * const x = dual(1, 1); // x = 1, dx/dx = 1
   * x.pow(2).add(x.mul(2)).mul(x.log()).tangent; // 3: the seed's f'(1)
   */
  constructor(
    readonly value: number,
    readonly tangent: number = 0,
  ) {}

  /** f(a + bε) = f(a) + f'(a)·b·ε; a zero tangent stays zero even where f' is infinite. */
  private unary(op: UnaryOp): Dual {
    const x = this.value;
    const out = UNARY_NUMBER[op](x);
    const t = this.tangent;
    if (t === 0) return new Dual(out, 0);
    // above softplus's threshold the value is x itself: its derivative is 1 (linearAbove.ts)
    const d = x > (LINEAR_ABOVE[op] ?? Infinity) ? 1 : UNARY[op].d(NUMBER_ALGEBRA, x, out);
    return new Dual(out, d * t);
  }

  /** f(a + ȧε, b + ḃε) = f(a, b) + (∂ₐf·ȧ + ∂ᵦf·ḃ)ε, each partial only where its tangent is not 0. */
  private binary(op: BinaryOp, other: DualLike, swap = false): Dual {
    const o = typeof other === 'number' ? new Dual(other, 0) : other;
    const [p, q] = swap ? [o, this] : [this, o];
    const a = p.value;
    const b = q.value;
    const out = BINARY_NUMBER[op](a, b);
    const rule = BINARY[op];
    let t = 0;
    if (p.tangent !== 0) t += rule.da(NUMBER_ALGEBRA, a, b, out) * p.tangent;
    if (q.tangent !== 0) t += rule.db(NUMBER_ALGEBRA, a, b, out) * q.tangent;
    return new Dual(out, t);
  }

  neg(): Dual {
    return this.unary('neg');
  }
  exp(): Dual {
    return this.unary('exp');
  }
  log(): Dual {
    return this.unary('log');
  }
  sqrt(): Dual {
    return this.unary('sqrt');
  }
  sin(): Dual {
    return this.unary('sin');
  }
  cos(): Dual {
    return this.unary('cos');
  }
  tan(): Dual {
    return this.unary('tan');
  }
  cot(): Dual {
    return this.unary('cot');
  }
  sec(): Dual {
    return this.unary('sec');
  }
  csc(): Dual {
    return this.unary('csc');
  }
  asin(): Dual {
    return this.unary('asin');
  }
  acos(): Dual {
    return this.unary('acos');
  }
  atan(): Dual {
    return this.unary('atan');
  }
  sinh(): Dual {
    return this.unary('sinh');
  }
  cosh(): Dual {
    return this.unary('cosh');
  }
  tanh(): Dual {
    return this.unary('tanh');
  }
  asinh(): Dual {
    return this.unary('asinh');
  }
  acosh(): Dual {
    return this.unary('acosh');
  }
  atanh(): Dual {
    return this.unary('atanh');
  }
  abs(): Dual {
    return this.unary('abs');
  }
  sign(): Dual {
    return this.unary('sign');
  }
  erf(): Dual {
    return this.unary('erf');
  }
  relu(): Dual {
    return this.unary('relu');
  }
  sigmoid(): Dual {
    return this.unary('sigmoid');
  }
  softplus(): Dual {
    return this.unary('softplus');
  }
  gelu(): Dual {
    return this.unary('gelu');
  }
  add(other: DualLike): Dual {
    return this.binary('add', other);
  }
  sub(other: DualLike): Dual {
    return this.binary('sub', other);
  }
  mul(other: DualLike): Dual {
    return this.binary('mul', other);
  }
  div(other: DualLike): Dual {
    return this.binary('div', other);
  }
  pow(other: DualLike): Dual {
    return this.binary('pow', other);
  }
  atan2(other: DualLike): Dual {
    return this.binary('atan2', other);
  }
  maximum(other: DualLike): Dual {
    return this.binary('maximum', other);
  }
  minimum(other: DualLike): Dual {
    return this.binary('minimum', other);
  }
  /** other − this */
  rsub(other: DualLike): Dual {
    return this.binary('sub', other, true);
  }
  /** other / this */
  rdiv(other: DualLike): Dual {
    return this.binary('div', other, true);
  }
  /** other ** this */
  rpow(other: DualLike): Dual {
    return this.binary('pow', other, true);
  }
  square(): Dual {
    return this.binary('mul', this);
  }

  /** `Dual(3, 2)`: value, then tangent. */
  toString(): string {
    return `Dual(${this.value}, ${this.tangent})`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

/** value + tangent·ε: `dual(x, 1)` is the variable x, differentiated with respect to itself. */
export function dual(value: number, tangent = 0): Dual {
  return new Dual(value, tangent);
}

/**
 * f'(x) for a scalar function written with Dual methods, in one forward pass: f(dual(x, 1)).
 * Returns [f(x), f'(x)]. A function returning a plain number is a constant (f' = 0).
 *
 * @example
 * valueAndDerivative((x) => x.pow(2).add(x.mul(2)).mul(x.log()), 1); // [0, 3]
 */
export function valueAndDerivative(f: (x: Dual) => DualLike, x: number): [number, number] {
  const y = f(new Dual(x, 1));
  return typeof y === 'number' ? [y, 0] : [y.value, y.tangent];
}

/** f'(x) for a scalar function written with Dual methods: `valueAndDerivative(f, x)[1]`. */
export function derivative(f: (x: Dual) => DualLike, x: number): number {
  return valueAndDerivative(f, x)[1];
}
