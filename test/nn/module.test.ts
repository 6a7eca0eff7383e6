import { describe, expect, it } from 'vitest';
import { manualSeed, noGrad, tensor, zeros, type Tensor } from '../../src/autograd/index.js';
import {
  CrossEntropyLoss,
  Dropout,
  Embedding,
  Flatten,
  GELU,
  Identity,
  LayerNorm,
  LeakyReLU,
  Linear,
  MSELoss,
  Module,
  Parameter,
  ReLU,
  Sequential,
  SiLU,
  Sigmoid,
  Softmax,
  Softplus,
  StateDictError,
  Tanh,
} from '../../src/nn/index.js';
import { IndexError, ShapeError } from '../../src/tensor/index.js';
import { valuesOf } from './helpers.js';
import { REPRS } from './oracle/torchValues.js';

/** The oracle's Net: the same layers as the PyTorch class in gen.py. */
class Net extends Module {
  body = new Sequential(
    new Linear(2, 8),
    new GELU('tanh'),
    new Dropout(0.25),
    new Linear(8, 3, { bias: false }),
  );
  norm = new LayerNorm(3, { eps: 1e-6 });
  act = new LeakyReLU(0.2);
  forward(x: Tensor): Tensor {
    return this.act.forward(this.norm.forward(this.body.forward(x)));
  }
}

describe('parameters, names and counts (as PyTorch’s)', () => {
  it('namedParameters and stateDict keys follow definition order', () => {
    const net = new Net();
    // PyTorch 1.13: [n for n, _ in Net().named_parameters()], list(Net().state_dict())
    expect(net.namedParameters().map(([n]) => n)).toEqual(REPRS.netParams);
    expect(Object.keys(net.stateDict())).toEqual(REPRS.netStateKeys);
    // PyTorch 1.13: sum(p.numel() for p in Net().parameters()) = 54
    expect(net.parameters().reduce((n, p) => n + p.numel(), 0)).toBe(REPRS.netParamCount);
    expect(net.children()).toHaveLength(3);
    expect(net.modules()).toHaveLength(8); // Net, Sequential, 4 layers, LayerNorm, LeakyReLU
  });

  it('a shared (tied) parameter is listed once; arrays of modules are found', () => {
    class Tied extends Module {
      a = new Linear(3, 3);
      b = new Linear(3, 3);
      heads = [new Linear(3, 1), new Linear(3, 1, { bias: false })];
      constructor() {
        super();
        this.b.weight = this.a.weight;
      }
      forward(x: Tensor): Tensor {
        return this.b.forward(this.a.forward(x));
      }
    }
    const m = new Tied();
    expect(m.namedParameters().map(([n]) => n)).toEqual([
      'a.weight',
      'a.bias',
      'b.bias',
      'heads.0.weight',
      'heads.0.bias',
      'heads.1.weight',
    ]);
    expect(m.parameters()).toHaveLength(6);
    expect(m.parameters(false)).toHaveLength(0);
  });

  it('buffers are in the state dict but not in parameters()', () => {
    class WithBuffer extends Module {
      declare runningMean: Tensor;
      scale: Parameter;
      constructor() {
        super();
        this.registerBuffer('runningMean', zeros(3));
        this.registerBuffer('scratch', zeros(1), false);
        this.scale = new Parameter(tensor([2.0]));
      }
      forward(x: Tensor): Tensor {
        return x.sub(this.runningMean).mul(this.scale);
      }
    }
    const m = new WithBuffer();
    expect(m.parameters()).toHaveLength(1);
    expect(m.namedBuffers().map(([n]) => n)).toEqual(['runningMean', 'scratch']);
    // PyTorch 1.13 orders each module's parameters before its buffers, whatever the order of
    // definition: ['scale', 'rm', 'lin.weight', 'lin.bias'] for a buffer registered first
    expect(Object.keys(m.stateDict())).toEqual(['scale', 'runningMean']);
  });
});

describe('state dict', () => {
  it('round-trips through JSON into a freshly initialised model', () => {
    manualSeed(1);
    const a = new Net();
    manualSeed(2);
    const b = new Net();
    const x = tensor([
      [0.5, -1],
      [2, 0.25],
    ]);
    a.eval();
    b.eval();
    expect(valuesOf(b.forward(x))).not.toEqual(valuesOf(a.forward(x)));
    const json = JSON.stringify(a.stateDict(), (_k, v: unknown) =>
      ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v,
    );
    const weightBefore = b.body.at(0).parameters()[0]!;
    const version = weightBefore.version;
    b.loadStateDict(JSON.parse(json));
    expect(valuesOf(b.forward(x))).toEqual(valuesOf(a.forward(x)));
    expect(b.body.at(0).parameters()[0]).toBe(weightBefore); // loaded in place
    expect(weightBefore.version).toBe(version + 1);
  });

  it('stateDict holds copies', () => {
    const fc = new Linear(2, 2);
    const sd = fc.stateDict();
    noGrad(() => fc.weight.fill_(7));
    expect(Array.from(sd['weight']!.data)).not.toContain(7);
    expect(sd['weight']!.shape).toEqual([2, 2]);
    expect(sd['weight']!.dtype).toBe('float64');
  });

  it('missing, unexpected and mis-shaped entries are named; nothing is copied on failure', () => {
    const fc = new Linear(3, 2);
    const before = valuesOf(fc.weight);
    const sd = new Linear(3, 2).stateDict();
    const { bias: _bias, ...noBias } = sd;
    expect(() => fc.loadStateDict(noBias)).toThrow(/Missing key\(s\) in state_dict: "bias"/);
    expect(() => fc.loadStateDict({ ...sd, extra: sd['bias']! })).toThrow(
      /Unexpected key\(s\).*"extra"/,
    );
    const bad = { ...sd, weight: new Linear(2, 2).stateDict()['weight']! };
    let err: StateDictError | undefined;
    try {
      fc.loadStateDict(bad);
    } catch (e) {
      err = e as StateDictError;
    }
    expect(err).toBeInstanceOf(StateDictError);
    expect(err!.mismatches).toEqual([{ key: 'weight', expected: [2, 3], got: [2, 2] }]);
    expect(err!.message).toContain(
      'copying a param with shape [2, 2] from checkpoint, the shape in current model is [2, 3]',
    );
    expect(valuesOf(fc.weight)).toEqual(before);
    expect(fc.loadStateDict(noBias, { strict: false })).toEqual({
      missingKeys: ['bias'],
      unexpectedKeys: [],
    });
    expect(valuesOf(fc.weight)).toEqual(Array.from(sd['weight']!.data));
  });
});

describe('modes, gradients, conversion', () => {
  it('train()/eval() set training on every submodule', () => {
    const net = new Net();
    expect(net.modules().every((m) => m.training)).toBe(true);
    expect(net.eval()).toBe(net);
    expect(net.modules().some((m) => m.training)).toBe(false);
    net.train();
    expect(net.body.at(2).training).toBe(true);
  });

  it('zeroGrad clears gradients; requiresGrad_(false) freezes', () => {
    const fc = new Linear(2, 1);
    fc.forward(tensor([[1, 2]]))
      .sum()
      .backward();
    expect(fc.weight.grad).not.toBeNull();
    fc.zeroGrad(false);
    expect(valuesOf(fc.weight.grad!)).toEqual([0, 0]);
    fc.zeroGrad();
    expect(fc.weight.grad).toBeNull();
    fc.requiresGrad_(false);
    expect(fc.forward(tensor([[1, 2]])).requiresGrad).toBe(false);
  });

  it('float() converts parameters in place', () => {
    const fc = new Linear(2, 2).float();
    expect(fc.weight.dtype).toBe('float32');
    expect(fc.forward(tensor([[1, 2]]).float()).dtype).toBe('float32');
    expect(fc.double().weight.dtype).toBe('float64');
  });

  it('apply visits children then the module', () => {
    const seen: string[] = [];
    new Sequential(new Linear(1, 1), new ReLU()).apply((m) => seen.push(m.typeName));
    expect(seen).toEqual(['Linear', 'ReLU', 'Sequential']);
  });
});

describe('reprs are PyTorch’s', () => {
  it('containers, layers and parameters', () => {
    // PyTorch 1.13: repr(...) of the same modules (see gen.py)
    expect(String(new Linear(2, 3))).toBe(REPRS.linear);
    expect(String(new Linear(4, 1, { bias: false }))).toBe(REPRS.linearNoBias);
    expect(
      String(new Sequential(new Linear(2, 3), new ReLU(), new Linear(3, 1), new Sigmoid())),
    ).toBe(REPRS.sequential);
    expect(String(new Net())).toBe(REPRS.net);
    const layers = [
      new Dropout(),
      new GELU(),
      new Softplus(),
      new Flatten(),
      new Identity(),
      new Embedding(3, 4),
      new Embedding(10, 2, { paddingIdx: 0 }),
      new LayerNorm([2, 3]),
      new CrossEntropyLoss(),
      new MSELoss(),
      new Tanh(),
      new LeakyReLU(),
      new Softmax(1),
      new SiLU(),
    ];
    expect(layers.map(String)).toEqual(REPRS.layers);
    expect(String(new Parameter(tensor([1, 2])))).toBe(REPRS.parameter);
  });
});

describe('Sequential', () => {
  it('chains, indexes and appends', () => {
    const s = new Sequential(new Linear(2, 2), new ReLU());
    expect(s.length).toBe(2);
    expect(s.at(-1)).toBeInstanceOf(ReLU);
    s.append(new Linear(2, 1));
    expect([...s].map((m) => m.typeName)).toEqual(['Linear', 'ReLU', 'Linear']);
    expect(s.forward(tensor([[1, 2]])).shape).toEqual([1, 1]);
    expect(() => s.at(3)).toThrow(IndexError);
  });

  it('a shape mismatch names both shapes', () => {
    const s = new Sequential(new Linear(3, 2));
    let err: ShapeError | undefined;
    try {
      s.forward(tensor([[1, 2]]));
    } catch (e) {
      err = e as ShapeError;
    }
    expect(err).toBeInstanceOf(ShapeError);
    expect(err!.shapes).toEqual([
      [1, 2],
      [2, 3],
    ]);
    expect(err!.message).toMatch(/input of shape \[1, 2\].*weight of shape \[2, 3\]/);
  });
});
