package org.neuralop4j.autograd;

import java.util.function.DoubleUnaryOperator;
import org.neuralop4j.tensor.Flops;
import org.neuralop4j.tensor.Parallel;
import org.neuralop4j.tensor.Shapes;
import org.neuralop4j.tensor.Special;
import org.neuralop4j.tensor.Tensor;

/**
 * Elementwise functions and softmax. Each real function is given with its derivative, written
 * next to it; the rule multiplies the incoming gradient by the derivative at the input.
 */
public final class Pointwise {
    private Pointwise() {}


    /** y = f(x) for a real x, with ∂x = f'(x)·g. */
    static Var unary(Var x, String op, DoubleUnaryOperator f, DoubleUnaryOperator df) {
        Tensor v = x.value();
        if (v.isComplex()) throw new IllegalArgumentException(op + ": needs a real input, got complex " + Shapes.str(v.shape()));
        return Var.make(v.map(f), op, g -> x.accumulate(g.mul(v.map(df))), x);
    }

    /** GELU, the exact form {@code x·Φ(x) = x/2·(1 + erf(x/√2))}; derivative {@code Φ(x) + x·φ(x)}. */
    public static Var gelu(Var x) {
        Tensor v = x.value();
        if (v.isComplex()) throw new IllegalArgumentException("gelu: needs a real input, got complex " + Shapes.str(v.shape()));
        double[] xs = v.re(), y = new double[xs.length], dy = new double[xs.length]; // dy = Φ + xφ, kept for the rule
        Parallel.forRange(xs.length, 1 << 13, (s, e) -> Special.gelu(xs, y, dy, s, e));
        Flops.add(xs.length);
        return Var.make(Tensor.wrap(y, v.shape()), "gelu", g -> {
            double[] gs = g.re(), out = new double[gs.length];
            Flops.add(gs.length);
            Parallel.forRange(out.length, 1 << 14, (s, e) -> {
                for (int i = s; i < e; i++) out[i] = gs[i] * dy[i];
            });
            x.accumulate(Tensor.wrap(out, v.shape()));
        }, x);
    }

    /** max(x, 0); derivative 1 for x &gt; 0, else 0 (PyTorch's choice at 0). */
    public static Var relu(Var x) {
        return unary(x, "relu", t -> t > 0 ? t : 0.0, t -> t > 0 ? 1.0 : 0.0);
    }

    /** tanh; derivative 1 − tanh². */
    public static Var tanh(Var x) {
        return unary(x, "tanh", Math::tanh, t -> {
            double y = Math.tanh(t);
            return 1 - y * y;
        });
    }

    /** 1/(1 + e^{−x}); derivative σ(1 − σ). */
    public static Var sigmoid(Var x) {
        return unary(x, "sigmoid", Pointwise::sigma, t -> sigma(t) * (1 - sigma(t)));
    }

    private static double sigma(double t) {
        return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
    }

    /** e^x; derivative e^x. */
    public static Var exp(Var x) {
        return unary(x, "exp", Math::exp, Math::exp);
    }

    /** ln x; derivative 1/x. */
    public static Var log(Var x) {
        return unary(x, "log", Math::log, t -> 1 / t);
    }

    /** √x; derivative 1/(2√x). */
    public static Var sqrt(Var x) {
        return unary(x, "sqrt", Math::sqrt, t -> 0.5 / Math.sqrt(t));
    }

    /** x^p for a real constant p; derivative p·x^{p−1}. */
    public static Var pow(Var x, double p) {
        return unary(x, "pow", t -> Math.pow(t, p), t -> p * Math.pow(t, p - 1));
    }

    /**
     * |x|. Real: derivative sign(x) (0 at 0). Complex: |z| is real and {@code ∂|z| = g·z/|z|}
     * (∂|z|/∂Re z = Re z/|z|, ∂|z|/∂Im z = Im z/|z|; 0 at z = 0, as PyTorch).
     */
    public static Var abs(Var x) {
        Tensor v = x.value();
        Tensor m = v.abs();
        if (!v.isComplex()) return unary(x, "abs", Math::abs, Math::signum);
        return Var.make(m, "abs", g -> {
            Tensor safe = m.map(t -> t == 0 ? 0.0 : 1.0 / t);
            x.accumulate(v.mul(g.mul(safe)));
        }, x);
    }

    /** x² (real), or z² (complex, holomorphic: ∂z = conj(2z)·g). */
    public static Var square(Var x) {
        Tensor v = x.value();
        return Var.make(v.mul(v), "square", g -> x.accumulate(g.mul(v.conj().scale(2))), x);
    }

    /**
     * Softmax along an axis of a real tensor, {@code y = e^{x − max}/Σ e^{x − max}} (the max is
     * subtracted for range, which leaves y unchanged). Gradient {@code y·(g − Σ_axis g·y)}.
     */
    public static Var softmax(Var x, int axis) {
        Tensor v = x.value();
        if (v.isComplex()) throw new IllegalArgumentException("softmax: needs a real input");
        int[] shape = v.shape();
        int a = Shapes.axis(axis, shape.length, "softmax");
        int n = shape[a], inner = Shapes.prod(shape, a + 1, shape.length), outer = Shapes.prod(shape, 0, a);
        double[] in = v.re(), out = new double[in.length];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                double max = Double.NEGATIVE_INFINITY, sum = 0;
                for (int k = 0; k < n; k++) max = Math.max(max, in[base + k * inner]);
                for (int k = 0; k < n; k++) sum += out[base + k * inner] = Math.exp(in[base + k * inner] - max);
                for (int k = 0; k < n; k++) out[base + k * inner] /= sum;
            }
        }
        Tensor y = Tensor.of(out, shape);
        int[] keep = shape.clone();
        keep[a] = 1;
        return Var.make(y, "softmax", g -> {
            Tensor dot = g.mul(y).sum(a).reshape(keep);
            x.accumulate(y.mul(g.sub(dot)));
        }, x);
    }
}
