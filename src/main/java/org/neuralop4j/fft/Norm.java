package org.neuralop4j.fft;

/**
 * Normalization of a transform pair, named as numpy names it. For a transform of length n:
 * BACKWARD scales the inverse by 1/n (the default), ORTHO scales both by 1/√n (unitary), FORWARD
 * scales the forward by 1/n.
 */
public enum Norm {
    BACKWARD, ORTHO, FORWARD;

    /**
     * The normalization of the adjoint: the adjoint of a transform with this normalization is the
     * opposite-direction transform with {@code dual()} (BACKWARD and FORWARD swap, ORTHO stays).
     */
    public Norm dual() {
        return switch (this) {
            case BACKWARD -> FORWARD;
            case ORTHO -> ORTHO;
            case FORWARD -> BACKWARD;
        };
    }

    /** The factor applied to a forward ({@code inverse = false}) or inverse transform of length n. */
    double factor(int n, boolean inverse) {
        return switch (this) {
            case BACKWARD -> inverse ? 1.0 / n : 1.0;
            case ORTHO -> 1.0 / Math.sqrt(n);
            case FORWARD -> inverse ? 1.0 : 1.0 / n;
        };
    }
}
