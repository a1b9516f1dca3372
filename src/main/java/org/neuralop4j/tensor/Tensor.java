package org.neuralop4j.tensor;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A dense, contiguous, row-major tensor of doubles, real or complex.
 *
 * <p>Storage is split: {@code re} holds the real parts and, for a complex tensor, {@code im} the
 * imaginary parts (for a real tensor {@code im} is {@code null}). Split storage keeps inner loops
 * over plain {@code double[]} so they vectorize, and costs no object per element.
 *
 * <p>Operations return new tensors and leave their operands unmodified, except the methods whose
 * names end in {@code InPlace}. {@link #reshape} shares storage with its source (the element order
 * of a contiguous tensor does not change); every op that reorders elements copies. Shapes are
 * checked at every public entry; a mismatch throws {@link IllegalArgumentException} naming the op
 * and the shapes.
 */
public final class Tensor {
    private final int[] shape;
    final double[] re;
    final double[] im;

    Tensor(int[] shape, double[] re, double[] im) {
        this.shape = shape;
        this.re = re;
        this.im = im;
    }

    // ---------------------------------------------------------------- factories

    /** A real tensor of zeros. */
    public static Tensor zeros(int... shape) {
        int[] s = shape.clone();
        return new Tensor(s, new double[Shapes.size(s)], null);
    }

    /** A complex tensor of zeros. */
    public static Tensor zerosComplex(int... shape) {
        int[] s = shape.clone();
        int n = Shapes.size(s);
        return new Tensor(s, new double[n], new double[n]);
    }

    /** A real tensor whose every element is {@code value}. */
    public static Tensor full(double value, int... shape) {
        Tensor t = zeros(shape);
        Arrays.fill(t.re, value);
        return t;
    }

    public static Tensor ones(int... shape) {
        return full(1.0, shape);
    }

    /** A real 0-d tensor (shape {@code []}). */
    public static Tensor scalar(double value) {
        return new Tensor(new int[0], new double[] {value}, null);
    }

    /** A real tensor holding a copy of {@code data} (row-major) with the given shape. */
    public static Tensor of(double[] data, int... shape) {
        int[] s = shape.clone();
        if (Shapes.size(s) != data.length) {
            throw new IllegalArgumentException("of: " + data.length + " values do not fill shape " + Shapes.str(s));
        }
        return new Tensor(s, data.clone(), null);
    }

    /**
     * A real tensor over {@code data} itself (no copy): the caller hands the array over and must
     * not write to it afterwards. For kernels that fill a fresh array.
     */
    public static Tensor wrap(double[] data, int... shape) {
        int[] s = shape.clone();
        if (Shapes.size(s) != data.length) {
            throw new IllegalArgumentException("wrap: " + data.length + " values do not fill shape " + Shapes.str(s));
        }
        return new Tensor(s, data, null);
    }

    /** A complex tensor holding copies of {@code re} and {@code im} with the given shape. */
    public static Tensor ofComplex(double[] re, double[] im, int... shape) {
        int[] s = shape.clone();
        int n = Shapes.size(s);
        if (re.length != n || im.length != n) {
            throw new IllegalArgumentException("ofComplex: " + re.length + " real and " + im.length
                    + " imaginary values do not fill shape " + Shapes.str(s));
        }
        return new Tensor(s, re.clone(), im.clone());
    }

    /** The complex tensor {@code re + i·im} from two real tensors of the same shape. */
    public static Tensor complex(Tensor re, Tensor im) {
        if (re.isComplex() || im.isComplex()) throw new IllegalArgumentException("complex: both parts must be real");
        Shapes.requireSame(re.shape, im.shape, "complex");
        return new Tensor(re.shape.clone(), re.re.clone(), im.re.clone());
    }

    /** Standard normal entries (Box–Muller over a {@link SplittableRandom} seeded with {@code seed}). */
    public static Tensor randn(long seed, int... shape) {
        Tensor t = zeros(shape);
        fillNormal(new SplittableRandom(seed), t.re);
        return t;
    }

    /** Complex entries whose real and imaginary parts are independent standard normals. */
    public static Tensor randnComplex(long seed, int... shape) {
        Tensor t = zerosComplex(shape);
        SplittableRandom r = new SplittableRandom(seed);
        fillNormal(r, t.re);
        fillNormal(r, t.im);
        return t;
    }

    /** Entries uniform in {@code [lo, hi)}. */
    public static Tensor uniform(long seed, double lo, double hi, int... shape) {
        if (!(hi > lo)) throw new IllegalArgumentException("uniform: need lo < hi, got [" + lo + ", " + hi + ")");
        Tensor t = zeros(shape);
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < t.re.length; i++) t.re[i] = lo + (hi - lo) * r.nextDouble();
        return t;
    }

    /** Entries uniform in {@code [0, 1)}. */
    public static Tensor rand(long seed, int... shape) {
        return uniform(seed, 0.0, 1.0, shape);
    }

    /** {@code 0, 1, …, n-1} as a 1-d real tensor. */
    public static Tensor arange(int n) {
        return arange(0, n, 1);
    }

    /** {@code start, start+step, …} up to but excluding {@code end}, as numpy's arange. */
    public static Tensor arange(double start, double end, double step) {
        if (step == 0 || Double.isNaN(step)) throw new IllegalArgumentException("arange: step must be non-zero");
        int n = (int) Math.max(0, Math.ceil((end - start) / step));
        Tensor t = zeros(n);
        for (int i = 0; i < n; i++) t.re[i] = start + i * step;
        return t;
    }

    /** {@code n} evenly spaced points from {@code a} to {@code b}, both included (numpy's linspace). */
    public static Tensor linspace(double a, double b, int n) {
        if (n < 0) throw new IllegalArgumentException("linspace: negative count " + n);
        Tensor t = zeros(n);
        for (int i = 0; i < n; i++) t.re[i] = i == 0 ? a : i == n - 1 ? b : a + (b - a) * i / (n - 1);
        return t;
    }

    private static void fillNormal(SplittableRandom r, double[] out) {
        for (int i = 0; i < out.length; i += 2) {
            double u1 = 1.0 - r.nextDouble(); // (0, 1]: log is finite
            double u2 = r.nextDouble();
            double rad = Math.sqrt(-2.0 * Math.log(u1));
            out[i] = rad * Math.cos(2 * Math.PI * u2);
            if (i + 1 < out.length) out[i + 1] = rad * Math.sin(2 * Math.PI * u2);
        }
    }

    // ---------------------------------------------------------------- access

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** The size of one axis; negative axes count from the end. */
    public int dim(int axis) {
        return shape[Shapes.axis(axis, shape.length, "dim")];
    }

    public int rank() {
        return shape.length;
    }

    /** Number of elements. */
    public int size() {
        return re.length;
    }

    public boolean isComplex() {
        return im != null;
    }

    /** The live real-part storage (row-major); writing to it changes this tensor. */
    public double[] re() {
        return re;
    }

    /** The live imaginary-part storage, or {@code null} for a real tensor. */
    public double[] im() {
        return im;
    }

    /** The real part of the element at a multi-index. */
    public double get(int... index) {
        return re[offset(index)];
    }

    /** The imaginary part of the element at a multi-index (0 for a real tensor). */
    public double getIm(int... index) {
        return im == null ? 0.0 : im[offset(index)];
    }

    /** The value of a one-element real tensor. */
    public double item() {
        if (re.length != 1 || im != null) {
            throw new IllegalArgumentException("item: needs a one-element real tensor, got shape " + Shapes.str(shape)
                    + (im != null ? " (complex)" : ""));
        }
        return re[0];
    }

    /** The row-major offset of a multi-index; checks the rank and every coordinate. */
    public int offset(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index " + Arrays.toString(index) + " has rank " + index.length
                    + " but the tensor has shape " + Shapes.str(shape));
        }
        int off = 0;
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= shape[i]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " outside shape " + Shapes.str(shape));
            }
            off = off * shape[i] + index[i];
        }
        return off;
    }

    /** A deep copy. */
    public Tensor copy() {
        return new Tensor(shape.clone(), re.clone(), im == null ? null : im.clone());
    }

    // ---------------------------------------------------------------- complex helpers

    /** This tensor as complex (a copy with zero imaginary part if it is real). */
    public Tensor toComplex() {
        return new Tensor(shape.clone(), re.clone(), im == null ? new double[re.length] : im.clone());
    }

    /** The real part (a copy). */
    public Tensor real() {
        return new Tensor(shape.clone(), re.clone(), null);
    }

    /** The imaginary part (a copy; zeros for a real tensor). */
    public Tensor imag() {
        return new Tensor(shape.clone(), im == null ? new double[re.length] : im.clone(), null);
    }

    /** The complex conjugate (a copy of a real tensor is returned as is). */
    public Tensor conj() {
        if (im == null) return copy();
        double[] ni = new double[im.length];
        for (int i = 0; i < ni.length; i++) ni[i] = -im[i];
        return new Tensor(shape.clone(), re.clone(), ni);
    }

    /** The elementwise modulus, a real tensor ({@link Math#hypot} avoids overflow). */
    public Tensor abs() {
        Flops.add(re.length);
        double[] out = new double[re.length];
        if (im == null) {
            for (int i = 0; i < out.length; i++) out[i] = Math.abs(re[i]);
        } else {
            for (int i = 0; i < out.length; i++) out[i] = Math.hypot(re[i], im[i]);
        }
        return new Tensor(shape.clone(), out, null);
    }

    // ---------------------------------------------------------------- elementwise

    /** {@code this + b}, broadcasting. */
    public Tensor add(Tensor b) {
        return Elementwise.binary(this, b, Elementwise.Op.ADD);
    }

    /** {@code this - b}, broadcasting. */
    public Tensor sub(Tensor b) {
        return Elementwise.binary(this, b, Elementwise.Op.SUB);
    }

    /** {@code this * b} elementwise (complex product where either is complex), broadcasting. */
    public Tensor mul(Tensor b) {
        return Elementwise.binary(this, b, Elementwise.Op.MUL);
    }

    /** {@code this / b} elementwise (complex quotient where either is complex), broadcasting. */
    public Tensor div(Tensor b) {
        return Elementwise.binary(this, b, Elementwise.Op.DIV);
    }

    /** {@code -this}. */
    public Tensor neg() {
        return scale(-1.0);
    }

    /** {@code s · this}. */
    public Tensor scale(double s) {
        Flops.add(im == null ? re.length : 2L * re.length);
        double[] r = new double[re.length];
        for (int i = 0; i < r.length; i++) r[i] = s * re[i];
        double[] m = null;
        if (im != null) {
            m = new double[im.length];
            for (int i = 0; i < m.length; i++) m[i] = s * im[i];
        }
        return new Tensor(shape.clone(), r, m);
    }

    /** {@code f} applied to every element of a real tensor (in parallel chunks: f must be pure). */
    public Tensor map(java.util.function.DoubleUnaryOperator f) {
        requireReal("map");
        Flops.add(re.length);
        double[] r = new double[re.length];
        Parallel.forRange(r.length, 1 << 14, (s, e) -> {
            for (int i = s; i < e; i++) r[i] = f.applyAsDouble(re[i]);
        });
        return new Tensor(shape.clone(), r, null);
    }

    /**
     * {@code this += b} in place; {@code b} must have this shape. A real tensor cannot receive a
     * complex {@code b}.
     */
    public Tensor addInPlace(Tensor b) {
        Shapes.requireSame(shape, b.shape, "addInPlace");
        if (b.im != null && im == null) throw new IllegalArgumentException("addInPlace: cannot add a complex tensor into a real one");
        Flops.add(b.im == null ? re.length : 2L * re.length);
        for (int i = 0; i < re.length; i++) re[i] += b.re[i];
        if (b.im != null) for (int i = 0; i < im.length; i++) im[i] += b.im[i];
        return this;
    }

    /** Sets every element to zero, in place. */
    public void fillZero() {
        Arrays.fill(re, 0.0);
        if (im != null) Arrays.fill(im, 0.0);
    }

    // ---------------------------------------------------------------- reductions

    /** Sum over the given axes, which are removed; no axes means all axes (a 0-d result). */
    public Tensor sum(int... axes) {
        return Reduce.sum(this, axes, false);
    }

    /** Mean over the given axes, which are removed; no axes means all axes. */
    public Tensor mean(int... axes) {
        return Reduce.sum(this, axes, true);
    }

    /**
     * Sums a tensor that was broadcast from {@code target} back to {@code target}'s shape: the
     * reduction that the gradient of a broadcasting op needs.
     */
    public Tensor sumTo(int... target) {
        return Reduce.sumTo(this, target);
    }

    // ---------------------------------------------------------------- movement

    /** The same elements under another shape (one dimension may be -1); shares storage. */
    public Tensor reshape(int... newShape) {
        return new Tensor(Movement.resolveReshape(shape, newShape), re, im);
    }

    /** This tensor repeated along broadcast axes to {@code target} (numpy's broadcast_to, copied). */
    public Tensor broadcastTo(int... target) {
        return Movement.broadcastTo(this, target);
    }

    /** Axes reordered: result axis i is this tensor's axis {@code perm[i]}. Copies. */
    public Tensor permute(int... perm) {
        return Movement.permute(this, perm);
    }

    /** Swaps two axes. */
    public Tensor transpose(int a, int b) {
        int[] p = new int[shape.length];
        for (int i = 0; i < p.length; i++) p[i] = i;
        int x = Shapes.axis(a, p.length, "transpose"), y = Shapes.axis(b, p.length, "transpose");
        p[x] = y;
        p[y] = x;
        return permute(p);
    }

    /** Indices {@code [start, end)} along {@code axis}. Copies. */
    public Tensor slice(int axis, int start, int end) {
        return Movement.slice(this, axis, start, end);
    }

    /** Zero padding: {@code before} zeros ahead of and {@code after} zeros behind {@code axis}. */
    public Tensor pad(int axis, int before, int after) {
        return Movement.pad(this, axis, before, after);
    }

    /** Tensors joined along an existing axis; all other dimensions must agree. */
    public static Tensor concat(int axis, Tensor... ts) {
        return Movement.concat(axis, ts);
    }

    /** Tensors of one shape stacked along a new axis. */
    public static Tensor stack(int axis, Tensor... ts) {
        return Movement.stack(axis, ts);
    }

    // ---------------------------------------------------------------- products

    /** Batched matrix product {@code (…, m, k) @ (…, k, n) → (…, m, n)}, batch axes broadcast. */
    public Tensor matmul(Tensor b) {
        return MatMul.matmul(this, b);
    }

    /**
     * A pointwise linear map over the channel axis (a 1×1 convolution) of real tensors:
     * {@code y[b,o,s…] = Σ_i w[o,i]·x[b,i,s…]}; x (b, in, …), w (out, in).
     */
    public static Tensor channelMix(Tensor x, Tensor w) {
        return MatMul.channelMix(x, w);
    }

    /**
     * The weight gradient of {@link #channelMix}: {@code gw[o,i] = Σ_b Σ_s g[b,o,s]·x[b,i,s]}, as
     * dot products of contiguous rows (no transposed copies); g (b, out, …), x (b, in, …), real.
     */
    public static Tensor channelMixWeightGrad(Tensor g, Tensor x) {
        return MatMul.channelMixWeightGrad(g, x);
    }

    /**
     * The per-mode channel contraction of a spectral layer:
     * {@code out[b, o, m…] = Σ_i x[b, i, m…] · w[i, o, m…]}.
     */
    public static Tensor contractModes(Tensor x, Tensor w) {
        return MatMul.contractModes(x, w);
    }

    // ---------------------------------------------------------------- comparison and printing

    /**
     * numpy's {@code allclose}: same shape and {@code |a - b| ≤ atol + rtol·|b|} for every element
     * (moduli for complex values; a real tensor compares as complex with zero imaginary part).
     */
    public boolean allClose(Tensor b, double rtol, double atol) {
        if (!Arrays.equals(shape, b.shape)) return false;
        for (int i = 0; i < re.length; i++) {
            double ai = im == null ? 0 : im[i], bi = b.im == null ? 0 : b.im[i];
            double d = Math.hypot(re[i] - b.re[i], ai - bi);
            if (!(d <= atol + rtol * Math.hypot(b.re[i], bi))) return false;
        }
        return true;
    }

    /** The largest elementwise modulus of {@code this - b}; shapes must match. */
    public double maxAbsDiff(Tensor b) {
        Shapes.requireSame(shape, b.shape, "maxAbsDiff");
        double m = 0;
        for (int i = 0; i < re.length; i++) {
            double ai = im == null ? 0 : im[i], bi = b.im == null ? 0 : b.im[i];
            m = Math.max(m, Math.hypot(re[i] - b.re[i], ai - bi));
        }
        return m;
    }

    /** The largest elementwise modulus. */
    public double maxAbs() {
        double m = 0;
        for (int i = 0; i < re.length; i++) m = Math.max(m, im == null ? Math.abs(re[i]) : Math.hypot(re[i], im[i]));
        return m;
    }

    /** Shape, kind, and the values when there are at most 64 of them (nested like numpy). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Tensor").append(Shapes.str(shape)).append(im == null ? " real" : " complex");
        if (re.length <= 64) {
            sb.append(' ');
            Printer.append(sb, this, 0, 0);
        }
        return sb.toString();
    }

    void requireReal(String op) {
        if (im != null) throw new IllegalArgumentException(op + ": needs a real tensor, got complex " + Shapes.str(shape));
    }

    int[] shapeRef() {
        return shape;
    }
}
