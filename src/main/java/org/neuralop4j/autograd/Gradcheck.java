package org.neuralop4j.autograd;

import java.util.Arrays;
import java.util.Locale;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.neuralop4j.tensor.Shapes;
import org.neuralop4j.tensor.Tensor;

/**
 * Checks an analytic gradient against central finite differences, in double precision:
 * {@code ∂L/∂x_j ≈ (L(x + h·e_j) − L(x − h·e_j)) / 2h}, perturbing the real part and, for a complex
 * input, the imaginary part of every element of every input.
 *
 * <pre>{@code
 * Gradcheck.Result r = Gradcheck.check(v -> Ops.sum(Pointwise.square(v[0])), Tensor.randn(1, 3, 4));
 * r.require(1e-6);   // throws, naming the worst element, if the error is larger
 * }</pre>
 *
 * The error of an input (or leaf) is {@code max_j |analytic_j − numeric_j|} divided by the largest magnitude
 * of either gradient (so it is relative to the gradient's scale); the result reports the worst
 * input and element.
 */
public final class Gradcheck {
    private Gradcheck() {}

    /** The finite-difference step used by {@link #check(Function, Tensor...)}. */
    public static final double STEP = 1e-6;

    /** The outcome: the largest relative error and where it occurred. */
    public record Result(double maxRelError, int input, String index, String part, double analytic, double numeric) {
        /** Throws {@link IllegalStateException} describing the worst element if the error exceeds tol. */
        public Result require(double tol) {
            if (!(maxRelError <= tol)) throw new IllegalStateException("gradcheck failed: " + this);
            return this;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "relative error %.3g at input %d, index %s (%s part): analytic %.17g, numeric %.17g",
                    maxRelError, input, index, part, analytic, numeric);
        }
    }

    /** Checks f (which must return a real scalar) at the given inputs, every one differentiated. */
    public static Result check(Function<Var[], Var> f, Tensor... inputs) {
        return check(f, STEP, inputs);
    }

    public static Result check(Function<Var[], Var> f, double h, Tensor... inputs) {
        Var[] params = new Var[inputs.length];
        for (int i = 0; i < inputs.length; i++) params[i] = Var.param(inputs[i].copy());
        return check(() -> f.apply(params), List.of(params), h);
    }

    /**
     * Checks the gradients of a loss with respect to given leaves — a module's parameters, say:
     * {@code Gradcheck.check(() -> loss(model.forward(x)), model.parameters(), Gradcheck.STEP)}.
     * The leaves' values are perturbed in place and restored; their accumulated gradients are
     * cleared first and hold the analytic gradient afterwards.
     */
    public static Result check(Supplier<Var> loss, List<Var> leaves, double h) {
        for (Var v : leaves) v.zeroGrad();
        loss.get().backward();
        Result worst = new Result(0, -1, "[]", "-", 0, 0);
        for (int i = 0; i < leaves.size(); i++) {
            Tensor x = leaves.get(i).value(), grad = leaves.get(i).grad();
            double scale = 0, maxDiff = -1;
            int at = 0;
            boolean atIm = false;
            double atA = 0, atN = 0;
            for (int part = 0; part < (x.isComplex() ? 2 : 1); part++) {
                double[] data = part == 0 ? x.re() : x.im();
                double[] an = grad == null ? null : part == 0 ? grad.re() : grad.im();
                for (int j = 0; j < data.length; j++) {
                    double keep = data[j];
                    data[j] = keep + h;
                    double plus = evaluate(loss);
                    data[j] = keep - h;
                    double minus = evaluate(loss);
                    data[j] = keep;
                    double numeric = (plus - minus) / (2 * h);
                    double analytic = an == null ? 0.0 : an[j];
                    scale = Math.max(scale, Math.max(Math.abs(numeric), Math.abs(analytic)));
                    double d = Math.abs(analytic - numeric);
                    if (d > maxDiff || Double.isNaN(d)) {
                        maxDiff = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
                        at = j;
                        atIm = part == 1;
                        atA = analytic;
                        atN = numeric;
                    }
                }
            }
            double rel = maxDiff <= 0 ? 0.0 : scale == 0 ? Double.POSITIVE_INFINITY : maxDiff / scale;
            if (rel > worst.maxRelError() || worst.input() < 0) {
                worst = new Result(rel, i, Arrays.toString(Shapes.unravel(at, x.shape())), atIm ? "imaginary" : "real", atA, atN);
            }
        }
        return worst;
    }

    private static double evaluate(Supplier<Var> loss) {
        try (Var.NoGrad ignored = Var.noGrad()) {
            Tensor out = loss.get().value();
            if (out.size() != 1 || out.isComplex()) throw new IllegalArgumentException("gradcheck: the loss must be a real scalar");
            return out.re()[0];
        }
    }
}
