package org.neuralop4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuralop4j.props.Gen;
import org.neuralop4j.props.Props;

class TensorTest {
    record Pair(Tensor a, Tensor b) {}

    static Gen<Pair> broadcastPairs() {
        return (r, size) -> {
            int[][] s = Gen.broadcastShapes(4, 5).next(r, size);
            return new Pair(Gen.anyTensor(r, s[0]), Gen.anyTensor(r, s[1]));
        };
    }

    /** The element of x that broadcasting reads for output index idx (right-aligned, size-1 axes repeat). */
    static double[] at(Tensor x, int[] idx) {
        int[] s = x.shape();
        int[] j = new int[s.length];
        for (int d = 0; d < s.length; d++) j[d] = s[d] == 1 ? 0 : idx[idx.length - s.length + d];
        return new double[] {x.get(j), x.getIm(j)};
    }

    @Test
    void broadcastingArithmeticMatchesElementByElement() {
        Props.forAll("a op b broadcasts as numpy", broadcastPairs(), p -> {
            Tensor sum = p.a().add(p.b()), diff = p.a().sub(p.b()), prod = p.a().mul(p.b()), quot = p.a().div(p.b());
            int[] out = sum.shape();
            int[] idx = new int[out.length];
            for (int off = 0; off < sum.size(); off++) {
                idx = org.neuralop4j.tensor.Shapes.unravel(off, out);
                double[] x = at(p.a(), idx), y = at(p.b(), idx);
                assertEquals(x[0] + y[0], sum.get(idx), 1e-15);
                assertEquals(x[1] + y[1], sum.getIm(idx), 1e-15);
                assertEquals(x[0] - y[0], diff.get(idx), 1e-15);
                assertEquals(x[0] * y[0] - x[1] * y[1], prod.get(idx), 1e-14);
                assertEquals(x[0] * y[1] + x[1] * y[0], prod.getIm(idx), 1e-14);
                // (a / b) · b = a
                double qr = quot.get(idx), qi = quot.getIm(idx);
                assertEquals(x[0], qr * y[0] - qi * y[1], 1e-12 * (1 + Math.hypot(x[0], x[1])));
                assertEquals(x[1], qr * y[1] + qi * y[0], 1e-12 * (1 + Math.hypot(x[0], x[1])));
            }
        });
    }

    @Test
    void incompatibleShapesNameTheOpAndBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 3).add(Tensor.zeros(4, 3)));
        assertTrue(e.getMessage().contains("add") && e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4, 3]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).matmul(Tensor.zeros(2, 3)));
        assertTrue(e.getMessage().contains("matmul") && e.getMessage().contains("[2, 3]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(6).reshape(4, -1));
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).permute(0, 0));
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).slice(1, 2, 4));
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(new double[3], 2, 2));
    }

    @Test
    void permuteAndReshapeRoundTrip() {
        Props.forAll("permute by p then by p⁻¹ is the identity; reshape round trips", Gen.tensors(Gen.shapes(1, 5, 4), true), x -> {
            SplittableRandom r = new SplittableRandom(x.size());
            int n = x.rank();
            int[] p = new int[n];
            for (int i = 0; i < n; i++) p[i] = i;
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1), t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            int[] inv = new int[n];
            for (int i = 0; i < n; i++) inv[p[i]] = i;
            Tensor y = x.permute(p);
            for (int i = 0; i < n; i++) assertEquals(x.dim(p[i]), y.dim(i));
            assertEquals(0.0, y.permute(inv).maxAbsDiff(x));
            assertEquals(0.0, x.reshape(-1).reshape(x.shape()).maxAbsDiff(x));
            // permute moves elements: y at index j equals x at index j permuted back
            int[] j = new int[n], k = new int[n];
            for (int d = 0; d < n; d++) j[d] = y.dim(d) - 1;
            for (int d = 0; d < n; d++) k[p[d]] = j[d];
            assertEquals(x.get(k), y.get(j));
            assertEquals(x.getIm(k), y.getIm(j));
        });
    }

    @Test
    void sliceConcatPadAndStackAgree() {
        Props.forAll("concat of slices = x; slice of pad = x; stack = concat of unsqueezed", Gen.tensors(Gen.shapes(1, 4, 6), false), x -> {
            int a = x.size() % x.rank();
            int n = x.dim(a), cut = n / 2;
            Tensor joined = Tensor.concat(a, x.slice(a, 0, cut), x.slice(a, cut, n));
            assertEquals(0.0, joined.maxAbsDiff(x));
            Tensor padded = x.pad(a, 2, 3);
            assertEquals(n + 5, padded.dim(a));
            assertEquals(0.0, padded.slice(a, 2, 2 + n).maxAbsDiff(x));
            assertEquals(0.0, padded.slice(a, 0, 2).maxAbs());
            assertEquals(0.0, padded.slice(a, n + 2, n + 5).maxAbs());
            Tensor st = Tensor.stack(a, x, x.scale(2));
            assertEquals(2, st.dim(a));
            assertEquals(0.0, st.slice(a, 1, 2).reshape(x.shape()).maxAbsDiff(x.scale(2)));
        });
    }

    @Test
    void sumsOverAxesMatchLoops() {
        Props.forAll("sum over axes = loop", Gen.tensors(Gen.shapes(1, 4, 5), true), x -> {
            int a = x.size() % x.rank();
            Tensor s = x.sum(a);
            int[] shape = x.shape();
            int outer = 1, inner = 1;
            for (int d = 0; d < a; d++) outer *= shape[d];
            for (int d = a + 1; d < shape.length; d++) inner *= shape[d];
            for (int o = 0; o < outer; o++) {
                for (int i = 0; i < inner; i++) {
                    double re = 0, im = 0;
                    for (int k = 0; k < shape[a]; k++) {
                        re += x.re()[(o * shape[a] + k) * inner + i];
                        im += x.im()[(o * shape[a] + k) * inner + i];
                    }
                    assertEquals(re, s.re()[o * inner + i], 1e-12);
                    assertEquals(im, s.im()[o * inner + i], 1e-12);
                }
            }
            double total = 0;
            for (double v : x.re()) total += v;
            assertEquals(total, x.sum().re()[0], 1e-11);
            assertEquals(total / x.size(), x.mean().re()[0], 1e-12);
        });
    }

    @Test
    void sumToUndoesBroadcasting() {
        Props.forAll("(a + b).sumTo(b.shape) = Σ over broadcast copies", broadcastPairs(), p -> {
            Tensor a = p.a().real(), b = p.b().real();
            Tensor ones = Tensor.ones(a.shape()).add(Tensor.zeros(b.shape())); // the broadcast shape, all ones
            Tensor reduced = ones.sumTo(b.shape());
            int copies = ones.size() / Math.max(1, b.size());
            assertArrayEquals(b.shape(), reduced.shape());
            for (double v : reduced.re()) assertEquals(copies, v);
        });
    }

    @Test
    void broadcastToRepeatsAlongBroadcastAxes() {
        Props.forAll("broadcastTo(s) = x + zeros(s)", broadcastPairs(), p -> {
            int[] target = p.a().add(p.b()).shape();
            Tensor x = p.a();
            assertEquals(0.0, x.broadcastTo(target).maxAbsDiff(x.add(Tensor.zeros(target))));
        });
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(3).broadcastTo(2, 4));
    }

    @Test
    void matmulMatchesATripleLoop() {
        Gen<Pair> cases = (r, size) -> {
            int m = 1 + r.nextInt(6), k = 1 + r.nextInt(6), n = 1 + r.nextInt(6), b = 1 + r.nextInt(3);
            boolean broadcastA = r.nextBoolean();
            Tensor a = r.nextBoolean() ? Tensor.randnComplex(r.nextLong(), broadcastA ? new int[] {m, k} : new int[] {b, m, k})
                    : Tensor.randn(r.nextLong(), broadcastA ? new int[] {m, k} : new int[] {b, m, k});
            Tensor c = r.nextBoolean() ? Tensor.randnComplex(r.nextLong(), b, k, n) : Tensor.randn(r.nextLong(), b, k, n);
            return new Pair(a, c);
        };
        Props.forAll("matmul = Σ_p a[i,p]·b[p,j], batch broadcast", cases, p -> {
            Tensor a = p.a(), b = p.b(), c = a.matmul(b);
            int nb = b.dim(0), m = a.dim(-2), k = a.dim(-1), n = b.dim(-1);
            assertArrayEquals(new int[] {nb, m, n}, c.shape());
            for (int q = 0; q < nb; q++) {
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double re = 0, im = 0;
                        for (int t = 0; t < k; t++) {
                            int[] ai = a.rank() == 2 ? new int[] {i, t} : new int[] {q, i, t};
                            double xr = a.get(ai), xi = a.getIm(ai), yr = b.get(q, t, j), yi = b.getIm(q, t, j);
                            re += xr * yr - xi * yi;
                            im += xr * yi + xi * yr;
                        }
                        assertEquals(re, c.get(q, i, j), 1e-12);
                        assertEquals(im, c.getIm(q, i, j), 1e-12);
                    }
                }
            }
        });
    }

    @Test
    void modeContractionMatchesALoop() {
        Gen<Pair> cases = (r, size) -> {
            int b = 1 + r.nextInt(3), i = 1 + r.nextInt(4), o = 1 + r.nextInt(4), m1 = 1 + r.nextInt(5), m2 = 1 + r.nextInt(4);
            return new Pair(Tensor.randnComplex(r.nextLong(), b, i, m1, m2),
                    r.nextBoolean() ? Tensor.randnComplex(r.nextLong(), i, o, m1, m2) : Tensor.randn(r.nextLong(), i, o, m1, m2));
        };
        Props.forAll("contractModes = Σ_i x[b,i,m]·w[i,o,m]", cases, p -> {
            Tensor x = p.a(), w = p.b(), y = Tensor.contractModes(x, w);
            for (int b = 0; b < x.dim(0); b++)
                for (int o = 0; o < w.dim(1); o++)
                    for (int u = 0; u < x.dim(2); u++)
                        for (int v = 0; v < x.dim(3); v++) {
                            double re = 0, im = 0;
                            for (int i = 0; i < x.dim(1); i++) {
                                double xr = x.get(b, i, u, v), xi = x.getIm(b, i, u, v), wr = w.get(i, o, u, v), wi = w.getIm(i, o, u, v);
                                re += xr * wr - xi * wi;
                                im += xr * wi + xi * wr;
                            }
                            assertEquals(re, y.get(b, o, u, v), 1e-12);
                            assertEquals(im, y.getIm(b, o, u, v), 1e-12);
                        }
        });
        assertThrows(IllegalArgumentException.class, () -> Tensor.contractModes(Tensor.zeros(2, 3, 4), Tensor.zeros(3, 5, 5)));
    }

    @Test
    void channelMapsMatchBatchedMatmul() {
        Gen<Pair> cases = (r, size) -> {
            int b = 1 + r.nextInt(3), i = 1 + r.nextInt(11), o = 1 + r.nextInt(11), s1 = 1 + r.nextInt(9), s2 = 1 + r.nextInt(40);
            return new Pair(Tensor.randn(r.nextLong(), b, i, s1, s2), Tensor.randn(r.nextLong(), o, i));
        };
        Props.forAll("channelMix(x, w) = w @ x per batch; its weight gradient = Σ_b g @ xᵀ", cases, p -> {
            Tensor x = p.a(), w = p.b();
            int b = x.dim(0), i = x.dim(1), o = w.dim(0), s = x.size() / (b * i);
            Tensor flat = x.reshape(b, i, s);
            Tensor expected = w.matmul(flat).reshape(b, o, x.dim(2), x.dim(3));
            assertTrue(Tensor.channelMix(x, w).allClose(expected, 1e-12, 1e-12));
            Tensor g = Tensor.randn(x.size() + 1, b, o, x.dim(2), x.dim(3));
            Tensor gw = g.reshape(b, o, s).matmul(flat.transpose(1, 2)).sum(0);
            assertTrue(Tensor.channelMixWeightGrad(g, x).allClose(gw, 1e-12, 1e-12));
        });
    }

    @Test
    void factoriesAndComplexHelpers() {
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, Tensor.linspace(0, 1, 5).re());
        assertArrayEquals(new double[] {1, 1.5, 2, 2.5}, Tensor.arange(1, 3, 0.5).re());
        assertEquals(Tensor.randn(7, 3, 3).maxAbsDiff(Tensor.randn(7, 3, 3)), 0.0, "seeded draws repeat");
        assertTrue(Tensor.randn(7, 9).maxAbsDiff(Tensor.randn(8, 9)) > 0);
        Tensor u = Tensor.uniform(1, -2, 3, 1000);
        for (double v : u.re()) assertTrue(v >= -2 && v < 3);
        Tensor z = Tensor.complex(Tensor.of(new double[] {3, 0}, 2), Tensor.of(new double[] {4, -1}, 2));
        assertArrayEquals(new double[] {5, 1}, z.abs().re());
        assertArrayEquals(new double[] {-4, 1}, z.conj().im());
        assertArrayEquals(new double[] {3, 0}, z.real().re());
        assertArrayEquals(new double[] {4, -1}, z.imag().re());
        Tensor n = Tensor.randn(3, 20000);
        assertEquals(0.0, n.mean().item(), 0.03);
        assertEquals(1.0, n.mul(n).mean().item(), 0.05);
    }

    @Test
    void allCloseFollowsNumpy() {
        Tensor a = Tensor.of(new double[] {1, 2}, 2);
        assertTrue(a.allClose(Tensor.of(new double[] {1 + 1e-9, 2}, 2), 1e-8, 0));
        assertFalse(a.allClose(Tensor.of(new double[] {1.1, 2}, 2), 1e-8, 1e-8));
        assertFalse(a.allClose(Tensor.of(new double[] {1, 2}, 1, 2), 1, 1), "shapes differ");
        assertFalse(a.allClose(Tensor.of(new double[] {Double.NaN, 2}, 2), 1, 1), "NaN is never close");
    }

    @Test
    void toStringShowsShapeAndSmallValues() {
        String s = Tensor.ofComplex(new double[] {1, 2}, new double[] {-1, 0.5}, 1, 2).toString();
        assertEquals("Tensor[1, 2] complex [[1.-1.i, 2.+0.500000i]]", s);
        assertEquals("Tensor[100, 100] real", Tensor.zeros(100, 100).toString());
    }
}
