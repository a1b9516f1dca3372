package org.neuralop4j.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuralop4j.autograd.Check.grads;

import org.junit.jupiter.api.Test;
import org.neuralop4j.fft.Norm;
import org.neuralop4j.props.Gen;
import org.neuralop4j.props.Props;
import org.neuralop4j.tensor.Tensor;

/** The Fourier transforms' gradients, and the adjoint identities they rest on. */
class SpectralGradTest {
    static final int TRIES = 25;
    static final Norm[] NORMS = Norm.values();

    /** A tensor of rank 1..3, real or complex, with an axis and a normalization. */
    record Case(Tensor x, int axis, Norm norm) {}

    static Gen<Case> cases(boolean complex) {
        return (r, size) -> {
            Tensor x = Gen.tensors(Gen.shapes(1, 3, 7), complex).next(r, size);
            return new Case(x, r.nextInt(x.rank()), NORMS[r.nextInt(3)]);
        };
    }

    @Test
    void complexTransforms() {
        Props.forAll("fft and ifft gradients (real and complex input)", TRIES, cases(true), c -> {
            grads(v -> SpectralOps.fft(v[0], c.axis(), c.norm()), c.x());
            grads(v -> SpectralOps.ifft(v[0], c.axis(), c.norm()), c.x());
            grads(v -> SpectralOps.fft(v[0], c.axis(), c.norm()), c.x().real());
        });
    }

    @Test
    void realTransforms() {
        Props.forAll("rfft gradients, odd and even lengths", TRIES, cases(false), c -> {
            grads(v -> SpectralOps.rfft(v[0], c.axis(), c.norm()), c.x());
        });
        Gen<Object[]> bins = (r, size) -> {
            int n = 1 + r.nextInt(9), have = 1 + r.nextInt(n / 2 + 3); // fewer, exactly, or more bins than n/2+1
            return new Object[] {n, Tensor.randnComplex(r.nextLong(), 1 + r.nextInt(2), have), NORMS[r.nextInt(3)]};
        };
        Props.forAll("irfft gradients, any number of bins", TRIES, bins, c -> {
            int n = (Integer) c[0];
            grads(v -> SpectralOps.irfft(v[0], n, 1, (Norm) c[2]), (Tensor) c[1]);
        });
    }

    @Test
    void multiDimensionalTransforms() {
        Gen<Tensor> grids = (r, size) -> Tensor.randn(r.nextLong(), 1 + r.nextInt(2), 2 + r.nextInt(5), 2 + r.nextInt(5));
        Props.forAll("fftn, ifftn, rfftn, irfftn gradients", TRIES, grids, x -> {
            int[] ax = {1, 2};
            grads(v -> SpectralOps.fftn(v[0], ax, Norm.BACKWARD), x);
            grads(v -> SpectralOps.ifftn(v[0], ax, Norm.ORTHO), x.toComplex());
            grads(v -> SpectralOps.rfftn(v[0], ax, Norm.FORWARD), x);
            Tensor spec = org.neuralop4j.fft.Fft.rfftn(x, ax, Norm.BACKWARD);
            int[] sizes = {x.dim(1) + 1, x.dim(2)};
            grads(v -> SpectralOps.irfftn(v[0], ax, sizes, Norm.BACKWARD), spec);
        });
    }

    @Test
    void truncatedTransforms() {
        Gen<Object[]> cases = (r, size) -> {
            int n1 = 2 + r.nextInt(7), n2 = 1 + r.nextInt(8);
            Tensor x = Tensor.randn(r.nextLong(), 1 + r.nextInt(2), n1, n2);
            int[] modes = {1 + r.nextInt(n1 / 2), 1 + r.nextInt(n2 / 2 + 1)};
            int[] out = {2 * modes[0] + r.nextInt(6), Math.max(1, 2 * modes[1] - 2) + r.nextInt(6)};
            return new Object[] {x, modes, out, NORMS[r.nextInt(3)]};
        };
        Props.forAll("rfftnTruncated and irfftnTruncated gradients", TRIES, cases, c -> {
            Tensor x = (Tensor) c[0];
            int[] modes = (int[]) c[1], out = (int[]) c[2], ax = {1, 2};
            Norm norm = (Norm) c[3];
            grads(v -> SpectralOps.rfftnTruncated(v[0], ax, modes, norm), x);
            Tensor m = org.neuralop4j.fft.Fft.rfftnTruncated(x, ax, modes, norm).add(Tensor.randnComplex(5, 1, 2 * modes[0], modes[1]));
            grads(v -> SpectralOps.irfftnTruncated(v[0], ax, out, norm), m);
        });
    }

    @Test
    void fftAdjointIdentity() {
        // ⟨Fx, y⟩ = ⟨x, Fᴴy⟩, with Fᴴy from its definition (Σ_k e^{+2πijk/n} y_k) and from the gradient
        // of L(x) = Re⟨Fx, y⟩, which under the convention of Var is exactly Fᴴy
        Props.forAll("<Fx, y> = <x, F^H y>", TRIES, (r, size) -> 1 + r.nextInt(40), n -> {
            Tensor x = Tensor.randnComplex(n, n), y = Tensor.randnComplex(n + 1, n);
            double[] hr = new double[n], hi = new double[n];
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    double a = 2 * Math.PI * ((long) j * k % n) / n, c = Math.cos(a), s = Math.sin(a);
                    hr[j] += c * y.re()[k] - s * y.im()[k];
                    hi[j] += s * y.re()[k] + c * y.im()[k];
                }
            }
            Tensor fhy = Tensor.ofComplex(hr, hi, n);
            Var xv = Var.param(x);
            Var fx = SpectralOps.fft(xv, 0, Norm.BACKWARD);
            Var inner = Ops.sum(ComplexOps.real(Ops.mul(fx, Var.constant(y.conj()))));
            inner.backward();
            assertTrue(xv.grad().maxAbsDiff(fhy) <= 1e-10 * (1 + fhy.maxAbs()), "gradient = F^H y");
            Tensor lhs = org.neuralop4j.fft.Fft.fft(x).mul(y.conj()).sum(), rhs = x.mul(fhy.conj()).sum();
            assertEquals(lhs.re()[0], rhs.re()[0], 1e-9 * n);
            assertEquals(lhs.im()[0], rhs.im()[0], 1e-9 * n);
        });
    }
}
