package org.neuralop4j.autograd;

import org.neuralop4j.tensor.Shapes;
import org.neuralop4j.tensor.Tensor;

/**
 * Differentiable arithmetic, reductions, movement and products. Each op computes its value with the
 * tensor kernels and installs, next to it, the rule that sends the output's gradient g to its
 * inputs (conjugates appear where complex values meet: see {@link Var}).
 */
public final class Ops {
    private Ops() {}

    // ---------------------------------------------------------------- arithmetic (broadcasting)

    /** a + b. */
    public static Var add(Var a, Var b) {
        return Var.make(a.value().add(b.value()), "add", g -> {
            if (a.requiresGrad()) a.accumulate(g.sumTo(a.shape()));
            if (b.requiresGrad()) b.accumulate(g.sumTo(b.shape()));
        }, a, b);
    }

    /** a − b. */
    public static Var sub(Var a, Var b) {
        return Var.make(a.value().sub(b.value()), "sub", g -> {
            if (a.requiresGrad()) a.accumulate(g.sumTo(a.shape()));
            if (b.requiresGrad()) b.accumulate(g.sumTo(b.shape()).neg());
        }, a, b);
    }

    /** a · b elementwise (complex product where either is complex): ∂/∂a = conj(b)·g, ∂/∂b = conj(a)·g. */
    public static Var mul(Var a, Var b) {
        return Var.make(a.value().mul(b.value()), "mul", g -> {
            if (a.requiresGrad()) a.accumulate(g.mul(b.value().conj()).sumTo(a.shape()));
            if (b.requiresGrad()) b.accumulate(g.mul(a.value().conj()).sumTo(b.shape()));
        }, a, b);
    }

    /** a / b elementwise: ∂/∂a = g / conj(b), ∂/∂b = −g · conj(a / b²). */
    public static Var div(Var a, Var b) {
        Tensor q = a.value().div(b.value());
        return Var.make(q, "div", g -> {
            Tensor bc = b.value().conj();
            if (a.requiresGrad()) a.accumulate(g.div(bc).sumTo(a.shape()));
            if (b.requiresGrad()) b.accumulate(g.mul(q.conj()).div(bc).neg().sumTo(b.shape()));
        }, a, b);
    }

    /** −a. */
    public static Var neg(Var a) {
        return scale(a, -1.0);
    }

    /** s · a for a real constant s. */
    public static Var scale(Var a, double s) {
        return Var.make(a.value().scale(s), "scale", g -> a.accumulate(g.scale(s)), a);
    }

    /** a + c for a constant c (broadcasting); the gradient of c is not wanted. */
    public static Var add(Var a, double c) {
        return add(a, Var.constant(Tensor.scalar(c)));
    }

    // ---------------------------------------------------------------- reductions

    /** Sum over axes (removed); no axes: over all. The gradient is g repeated over the summed axes. */
    public static Var sum(Var a, int... axes) {
        int[] shape = a.shape();
        int[] keep = keepDims(shape, axes, "sum");
        return Var.make(a.value().sum(axes), "sum", g -> a.accumulate(g.reshape(keep).broadcastTo(shape)), a);
    }

    /** Mean over axes (removed); no axes: over all. */
    public static Var mean(Var a, int... axes) {
        int[] shape = a.shape();
        int[] keep = keepDims(shape, axes, "mean");
        return scale(sum(a, axes), (double) Shapes.size(keep) / Math.max(1, Shapes.size(shape)));
    }

    /** The shape with the summed axes kept as size 1. */
    static int[] keepDims(int[] shape, int[] axes, String op) {
        int[] keep = shape.clone();
        if (axes.length == 0) java.util.Arrays.fill(keep, 1);
        for (int ax : Shapes.axes(axes, shape.length, op)) keep[ax] = 1;
        return keep;
    }

    // ---------------------------------------------------------------- movement

    public static Var reshape(Var a, int... shape) {
        int[] from = a.shape();
        return Var.make(a.value().reshape(shape), "reshape", g -> a.accumulate(g.reshape(from)), a);
    }

    /** Axes reordered; the gradient is permuted back. */
    public static Var permute(Var a, int... perm) {
        Tensor v = a.value().permute(perm);
        int[] p = Shapes.axes(perm, perm.length, "permute");
        int[] inv = new int[p.length];
        for (int i = 0; i < p.length; i++) inv[p[i]] = i;
        return Var.make(v, "permute", g -> a.accumulate(g.permute(inv)), a);
    }

    /** Swaps two axes. */
    public static Var transpose(Var a, int x, int y) {
        int r = a.shape().length;
        int[] p = new int[r];
        for (int i = 0; i < r; i++) p[i] = i;
        int i = Shapes.axis(x, r, "transpose"), j = Shapes.axis(y, r, "transpose");
        p[i] = j;
        p[j] = i;
        return permute(a, p);
    }

    /** Indices [start, end) along an axis; the gradient is zero-padded back. */
    public static Var slice(Var a, int axis, int start, int end) {
        int n = a.value().dim(axis);
        return Var.make(a.value().slice(axis, start, end), "slice", g -> a.accumulate(g.pad(axis, start, n - end)), a);
    }

    /** Zero padding along an axis; the gradient is the middle slice. */
    public static Var pad(Var a, int axis, int before, int after) {
        int n = a.value().dim(axis);
        return Var.make(a.value().pad(axis, before, after), "pad", g -> a.accumulate(g.slice(axis, before, before + n)), a);
    }

    /** Joined along an existing axis; each input gets its slice of the gradient. */
    public static Var concat(int axis, Var... xs) {
        Tensor[] vs = new Tensor[xs.length];
        for (int i = 0; i < xs.length; i++) vs[i] = xs[i].value();
        Tensor out = Tensor.concat(axis, vs);
        return Var.make(out, "concat", g -> {
            int at = 0;
            for (Var x : xs) {
                int len = x.value().dim(axis);
                if (x.requiresGrad()) x.accumulate(g.slice(axis, at, at + len));
                at += len;
            }
        }, xs);
    }

    /** Stacked along a new axis (each input reshaped to size 1 there, then concatenated). */
    public static Var stack(int axis, Var... xs) {
        if (xs.length == 0) throw new IllegalArgumentException("stack: no inputs");
        int[] s = xs[0].shape();
        int a = Shapes.axis(axis, s.length + 1, "stack");
        int[] e = new int[s.length + 1];
        for (int d = 0, k = 0; d < e.length; d++) e[d] = d == a ? 1 : s[k++];
        Var[] ys = new Var[xs.length];
        for (int i = 0; i < xs.length; i++) {
            if (!java.util.Arrays.equals(xs[i].shape(), s)) {
                throw new IllegalArgumentException("stack: shapes " + Shapes.str(s) + " and " + Shapes.str(xs[i].shape()) + " differ");
            }
            ys[i] = reshape(xs[i], e);
        }
        return concat(a, ys);
    }

    // ---------------------------------------------------------------- products

    /** Batched matrix product: ∂/∂A = g·Bᴴ, ∂/∂B = Aᴴ·g, summed over broadcast batch axes. */
    public static Var matmul(Var a, Var b) {
        return Var.make(a.value().matmul(b.value()), "matmul", g -> {
            if (a.requiresGrad()) a.accumulate(g.matmul(adjoint(b.value())).sumTo(a.shape()));
            if (b.requiresGrad()) b.accumulate(adjoint(a.value()).matmul(g).sumTo(b.shape()));
        }, a, b);
    }

    /** The conjugate transpose of the last two axes. */
    static Tensor adjoint(Tensor t) {
        Tensor tt = t.transpose(-1, -2);
        return tt.isComplex() ? tt.conj() : tt;
    }

    /**
     * The spectral channel contraction {@code y[b,o,m] = Σ_i x[b,i,m]·w[i,o,m]}. Its gradients are
     * contractions too: {@code ∂x[b,i,m] = Σ_o g[b,o,m]·conj(w[i,o,m])} and
     * {@code ∂w[i,o,m] = Σ_b conj(x[b,i,m])·g[b,o,m]}.
     */
    public static Var contractModes(Var x, Var w) {
        return Var.make(Tensor.contractModes(x.value(), w.value()), "contractModes", g -> {
            if (x.requiresGrad()) x.accumulate(Tensor.contractModes(g, swap01(w.value()).conj()));
            if (w.requiresGrad()) w.accumulate(Tensor.contractModes(swap01(x.value()).conj(), g));
        }, x, w);
    }

    private static Tensor swap01(Tensor t) {
        return t.transpose(0, 1);
    }

    /**
     * The mode-k product {@code X ×_k M} (M: J × N_k): every mode-k fibre of X multiplied by M.
     * Composed from permute, reshape and matmul, so it needs no rule of its own.
     */
    public static Var modeProduct(Var x, Var m, int mode) {
        int[] s = x.shape();
        int r = s.length, k = Shapes.axis(mode, r, "modeProduct");
        int[] ms = m.shape();
        if (ms.length != 2 || ms[1] != s[k]) {
            throw new IllegalArgumentException("modeProduct: matrix " + Shapes.str(ms) + " does not act on mode " + mode + " of " + Shapes.str(s));
        }
        int[] front = new int[r], back = new int[r];
        front[0] = k;
        for (int j = 0, i = 1; j < r; j++) if (j != k) front[i++] = j;
        for (int i = 0; i < r; i++) back[front[i]] = i;
        Var moved = reshape(permute(x, front), s[k], -1);
        int[] shape = new int[r];
        shape[0] = ms[0];
        for (int i = 1; i < r; i++) shape[i] = s[front[i]];
        return permute(reshape(matmul(m, moved), shape), back);
    }

    /**
     * A pointwise linear map over the channel axis (a 1×1 convolution):
     * {@code y[b,o,s…] = Σ_i w[o,i]·x[b,i,s…] + bias[o]}; bias may be null. For real tensors a
     * primitive: {@code ∂x = wᵀ·g} per point and {@code ∂w[o,i] = Σ_{b,s} g[b,o,s]·x[b,i,s]}, by the
     * kernels {@link Tensor#channelMix} and {@link Tensor#channelMixWeightGrad}; for complex ones
     * composed from matmul.
     */
    public static Var channelLinear(Var x, Var w, Var bias) {
        int[] xs = x.shape(), ws = w.shape();
        if (xs.length < 2 || ws.length != 2 || ws[1] != xs[1]) {
            throw new IllegalArgumentException("channelLinear: shapes " + Shapes.str(xs) + " and " + Shapes.str(ws)
                    + " do not fit (b, in, …) and (out, in)");
        }
        int[] out = xs.clone();
        out[1] = ws[0];
        Var y;
        if (x.value().isComplex() || w.value().isComplex()) { // composed from matmul
            int spatial = Shapes.prod(xs, 2, xs.length);
            y = reshape(matmul(w, reshape(x, xs[0], xs[1], spatial)), out);
        } else { // the real case, with kernels that need no transposed copies
            y = Var.make(Tensor.channelMix(x.value(), w.value()), "channelLinear", g -> {
                if (x.requiresGrad()) x.accumulate(Tensor.channelMix(g, w.value().transpose(0, 1)));
                if (w.requiresGrad()) w.accumulate(Tensor.channelMixWeightGrad(g, x.value()));
            }, x, w);
        }
        if (bias == null) return y;
        int[] b = new int[xs.length - 1];
        java.util.Arrays.fill(b, 1);
        b[0] = ws[0];
        return add(y, reshape(bias, b));
    }
}
