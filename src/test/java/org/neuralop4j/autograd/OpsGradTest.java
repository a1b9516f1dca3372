package org.neuralop4j.autograd;

import static org.neuralop4j.autograd.Check.grads;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuralop4j.props.Gen;
import org.neuralop4j.props.Props;
import org.neuralop4j.tensor.Tensor;

/** Every arithmetic, reduction, movement and product op, gradient-checked on generated shapes. */
class OpsGradTest {
    static final int TRIES = 30;

    record Pair(Tensor a, Tensor b) {}

    /** Two tensors whose shapes broadcast against each other, each real or complex. */
    static Gen<Pair> broadcastPairs() {
        return (r, size) -> {
            int[][] s = Gen.broadcastShapes(3, 4).next(r, size);
            return new Pair(Gen.anyTensor(r, s[0]), Gen.anyTensor(r, s[1]));
        };
    }

    static Tensor any(SplittableRandom r, int... shape) {
        return Gen.anyTensor(r, shape);
    }

    static Gen<Tensor> tensors(int maxRank) {
        return (r, size) -> any(r, Gen.shapes(1, maxRank, 4).next(r, size));
    }

    @Test
    void arithmeticWithBroadcasting() {
        Props.forAll("add, sub, mul, div gradients (broadcast, real and complex)", TRIES, broadcastPairs(), p -> {
            grads(v -> Ops.add(v[0], v[1]), p.a(), p.b());
            grads(v -> Ops.sub(v[0], v[1]), p.a(), p.b());
            grads(v -> Ops.mul(v[0], v[1]), p.a(), p.b());
            // keep denominators away from zero
            Tensor b = p.b().add(Tensor.full(3.0, p.b().shape()));
            grads(v -> Ops.div(v[0], v[1]), p.a(), b);
            grads(v -> Ops.scale(Ops.neg(v[0]), 2.5), p.a());
        });
    }

    @Test
    void reductions() {
        Props.forAll("sum and mean over axes", TRIES, tensors(4), x -> {
            int a = x.size() % x.rank();
            grads(v -> Ops.sum(v[0], a), x);
            grads(v -> Ops.mean(v[0], a), x);
            grads(v -> Ops.sum(v[0]), x);
            grads(v -> Ops.mean(v[0]), x);
        });
    }

    @Test
    void movement() {
        Props.forAll("reshape, permute, slice, pad, concat, stack", TRIES, tensors(4), x -> {
            int r = x.rank(), a = x.size() % r, n = x.dim(a);
            grads(v -> Ops.reshape(v[0], -1), x);
            int[] perm = new int[r];
            for (int i = 0; i < r; i++) perm[i] = (i + 1) % r;
            grads(v -> Ops.permute(v[0], perm), x);
            grads(v -> Ops.transpose(v[0], 0, -1), x);
            grads(v -> Ops.slice(v[0], a, n / 3, n), x);
            grads(v -> Ops.pad(v[0], a, 1, 2), x);
            Tensor y = Tensor.randnComplex(x.size(), x.shape());
            grads(v -> Ops.concat(a, v[0], v[1], v[0]), x, y);
            grads(v -> Ops.stack(a, v[0], v[1]), x, y);
        });
    }

    @Test
    void matmulWithBatchBroadcasting() {
        Gen<Pair> cases = (r, size) -> {
            int m = 1 + r.nextInt(4), k = 1 + r.nextInt(4), n = 1 + r.nextInt(4), b = 1 + r.nextInt(3);
            Tensor a = r.nextBoolean() ? any(r, m, k) : any(r, b, m, k);
            Tensor c = r.nextBoolean() ? any(r, k, n) : any(r, b, k, n);
            return new Pair(a, c);
        };
        Props.forAll("matmul gradients", TRIES, cases, p -> grads(v -> Ops.matmul(v[0], v[1]), p.a(), p.b()));
    }

    @Test
    void spectralContractionAndChannelLinear() {
        Gen<Tensor[]> cases = (r, size) -> {
            int b = 1 + r.nextInt(2), i = 1 + r.nextInt(3), o = 1 + r.nextInt(3), m1 = 1 + r.nextInt(3), m2 = 1 + r.nextInt(3);
            return new Tensor[] {any(r, b, i, m1, m2), any(r, i, o, m1, m2), Tensor.randn(r.nextLong(), o, i), Tensor.randn(r.nextLong(), o)};
        };
        Props.forAll("contractModes and channelLinear gradients", TRIES, cases, c -> {
            grads(v -> Ops.contractModes(v[0], v[1]), c[0], c[1]);
            Tensor real = c[0].real();
            grads(v -> Ops.channelLinear(v[0], v[1], v[2]), real, c[2], c[3]);
            grads(v -> Ops.channelLinear(v[0], v[1], null), real, c[2]);
            Tensor m = Gen.anyTensor(new SplittableRandom(c[0].size()), 2, c[0].dim(2));
            grads(v -> Ops.modeProduct(v[0], v[1], 2), c[0], m);
        });
    }
}
