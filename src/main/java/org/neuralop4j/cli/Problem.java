package org.neuralop4j.cli;

import java.util.function.IntConsumer;
import org.neuralop4j.pde.Samples;
import org.neuralop4j.tensor.Tensor;

/**
 * The PDE problems the command can make data for with the library's own solvers, each with the
 * defaults of a run that finishes in a few minutes on two cores.
 */
enum Problem {
    /** −∇·(a∇u) = 1, a ↦ u (Li et al. 2021, §5.2). */
    DARCY("darcy", 2, 32, 600, 100, 12, 24, 10, 16),
    /**
     * Burgers, ν = 0.05, u(·, 0) ↦ u(·, 0.5) (as Li et al. 2021, §5.1, with less viscosity and a
     * shorter time: on the unit domain ν = 0.1 leaves about 2% of the initial amplitude at t = 1).
     */
    BURGERS("burgers", 1, 128, 500, 100, 16, 32, 15, 16),
    /** Heat, ν = 0.01, u(·, 0) ↦ u(·, 0.5), exact. */
    HEAT("heat", 1, 64, 400, 100, 12, 16, 30, 16),
    /** Navier–Stokes vorticity, ν = 1e-3, ω(·, 0) ↦ ω(·, 1) (Li et al. 2021, §5.3, one step of their rollout). */
    NAVIER_STOKES("navier-stokes", 2, 32, 300, 50, 12, 24, 10, 8),
    /** Forced Navier–Stokes as three variables (u, v, ω): t = 0 ↦ t = 0.1 (CoDA-NO pretraining data). */
    FLOW("flow", 2, 32, 200, 50, 12, 24, 10, 8),
    /** Boussinesq flow as four variables (u, v, ω, θ): t = 0 ↦ t = 0.1 (CoDA-NO fine-tuning data). */
    BOUSSINESQ("boussinesq", 2, 32, 100, 50, 12, 24, 20, 8);

    final String id;
    final int dims, resolution, trainSamples, testSamples, modes, width, epochs, batch;

    Problem(String id, int dims, int resolution, int trainSamples, int testSamples, int modes, int width, int epochs, int batch) {
        this.id = id;
        this.dims = dims;
        this.resolution = resolution;
        this.trainSamples = trainSamples;
        this.testSamples = testSamples;
        this.modes = modes;
        this.width = width;
        this.epochs = epochs;
        this.batch = batch;
    }

    static Problem of(String id) {
        for (Problem p : values()) if (p.id.equals(id)) return p;
        throw new IllegalArgumentException(id);
    }

    static String[] ids() {
        Problem[] ps = values();
        String[] out = new String[ps.length];
        for (int i = 0; i < ps.length; i++) out[i] = ps[i].id;
        return out;
    }

    /** The names of the variables (channels) of the data. */
    java.util.List<String> variables() {
        return switch (this) {
            case FLOW -> java.util.List.of("u", "v", "w");
            case BOUSSINESQ -> java.util.List.of("u", "v", "w", "T");
            default -> java.util.List.of("u");
        };
    }

    /** {x, y}, each (count, variables, n…); sample i depends only on (seed, i). */
    Tensor[] generate(int count, int n, long seed, IntConsumer progress) {
        return switch (this) {
            case DARCY -> Samples.darcy(count, n, seed, progress);
            case BURGERS -> Samples.burgers(count, n, 0.05, 0.5, 200, seed, progress);
            case HEAT -> Samples.heat(count, n, 0.01, 0.5, seed, progress);
            case NAVIER_STOKES -> Samples.navierStokes(count, n, 1e-3, 1.0, 100, seed, progress);
            case FLOW -> Samples.flowFields(count, n, false, 0.1, 20, seed, progress);
            case BOUSSINESQ -> Samples.flowFields(count, n, true, 0.1, 20, seed, progress);
        };
    }
}
