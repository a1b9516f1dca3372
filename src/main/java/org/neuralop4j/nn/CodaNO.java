package org.neuralop4j.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuralop4j.autograd.Ops;
import org.neuralop4j.autograd.Var;
import org.neuralop4j.tensor.Tensor;

/**
 * The Codomain Attention Neural Operator (Rahman et al., "Pretraining Codomain Attention Neural
 * Operators for Solving Multiphysics PDEs", NeurIPS 2024, arXiv 2403.12553). An input with V
 * physical variables, (batch, V, grid…), becomes V token functions; each is concatenated with its
 * variable's positional encoding ({@link Vspe}) and lifted by a map shared by all variables; an
 * encoder and a predictor of {@link CodaLayer}s attend across the tokens; a shared projection
 * returns one channel per token: (batch, V, grid…).
 *
 * <p>Because every map is shared across tokens and the attention treats tokens as a set, the model
 * runs on any number of variables: a system with one more variable needs one more VSPE
 * ({@link #addVariable}), nothing else. Parameter names: {@code vspe.NAME.weight},
 * {@code lifting.…}, {@code encoder.i.…}, {@code predictor.i.…}, {@code projection.…}.
 */
public final class CodaNO extends Module {
    /** Sizes of a CoDA-NO; {@code nModes} per spatial axis (even), as {@link SpectralConv}. */
    public record Config(int[] nModes, int hidden, int heads, int headChannels, int encoderLayers, int predictorLayers, int vspeChannels,
                         int[] vspeModes, long seed) {
        public Config {
            nModes = nModes.clone();
            vspeModes = vspeModes.clone();
            if (hidden < 1 || heads < 1 || headChannels < 1 || encoderLayers < 0 || predictorLayers < 0 || vspeChannels < 1
                    || vspeModes.length != nModes.length) {
                throw new IllegalArgumentException("CodaNO: invalid sizes");
            }
        }
    }

    private final Config config;
    private final Module vspes;
    private final Map<String, Vspe> byName = new LinkedHashMap<>();
    private final ChannelMLP lifting, projection;
    private final CodaLayer[] encoder, predictor;

    public CodaNO(Config c, List<String> variables) {
        config = c;
        vspes = addModule("vspe", new Module() {});
        lifting = addModule("lifting", new ChannelMLP(1 + c.vspeChannels(), c.hidden(), c.hidden(), 2, c.seed() + 1));
        encoder = layers("encoder", c.encoderLayers(), c.seed() + 100);
        predictor = layers("predictor", c.predictorLayers(), c.seed() + 200);
        projection = addModule("projection", new ChannelMLP(c.hidden(), 1, c.hidden(), 2, c.seed() + 300));
        for (String v : variables) addVariable(v);
    }

    private CodaLayer[] layers(String name, int n, long seed) {
        Module holder = addModule(name, new Module() {});
        CodaLayer[] out = new CodaLayer[n];
        for (int i = 0; i < n; i++) {
            out[i] = holder.addModule(String.valueOf(i), new CodaLayer(config.hidden(), config.heads(), config.headChannels(), config.nModes(),
                    seed + 10L * i));
        }
        return out;
    }

    public Config config() {
        return config;
    }

    /** The variables this model has encodings for, in the order they were added. */
    public List<String> variables() {
        return new ArrayList<>(byName.keySet());
    }

    /** A new variable: a new VSPE, seeded from the name; every other parameter is shared. */
    public void addVariable(String name) {
        if (byName.containsKey(name) || name.isEmpty() || name.contains(".")) throw new IllegalArgumentException("CodaNO: bad or repeated variable '" + name + "'");
        byName.put(name, vspes.addModule(name, new Vspe(config.vspeChannels(), config.vspeModes(), config.seed() + name.hashCode())));
    }

    /** The encoder's layers followed by the predictor's: x (batch, V, grid…) with the named variables → (batch, V, grid…). */
    public Var forward(Var x, List<String> variables) {
        int[] s = x.shape();
        int d = config.nModes().length, tokens = variables.size();
        if (s.length != d + 2 || s[1] != tokens) {
            throw new IllegalArgumentException("CodaNO: input " + Arrays.toString(s) + " is not (batch, " + tokens + " variables, " + d + " spatial axes)");
        }
        int batch = s[0];
        int[] grid = Arrays.copyOfRange(s, 2, s.length);
        Var[] per = new Var[tokens];
        int[] one = s.clone();
        one[1] = config.vspeChannels();
        Var zeros = Var.constant(Tensor.zeros(one));
        for (int v = 0; v < tokens; v++) {
            Vspe e = byName.get(variables.get(v));
            if (e == null) throw new IllegalArgumentException("CodaNO: no encoding for variable '" + variables.get(v) + "' (have " + byName.keySet() + ")");
            per[v] = Ops.concat(1, Ops.slice(x, 1, v, v + 1), Ops.add(zeros, e.sample(grid))); // (batch, 1 + pe, grid…)
        }
        int[] tokenShape = s.clone();
        tokenShape[0] = batch * tokens;
        tokenShape[1] = 1 + config.vspeChannels();
        // (batch, tokens, 1 + pe, grid…) → (batch·tokens, 1 + pe, grid…): tokens ride along the batch axis
        Var t = lifting.forward(Ops.reshape(Ops.stack(1, per), tokenShape));
        for (CodaLayer l : encoder) t = l.forward(t, tokens);
        for (CodaLayer l : predictor) t = l.forward(t, tokens);
        return Ops.reshape(projection.forward(t), s);
    }

    /** The encoder's layers. */
    public List<CodaLayer> encoderLayers() {
        return List.of(encoder);
    }

    /**
     * A model for fine-tuning on {@code variables}: the lifting, the encoder and the VSPEs of the
     * variables the pretrained model knows are copied; new variables get new VSPEs; the predictor
     * and the projection start fresh (seeded by {@code seed}).
     */
    public static CodaNO finetune(CodaNO pretrained, List<String> variables, long seed) {
        Config c = pretrained.config;
        CodaNO m = new CodaNO(new Config(c.nModes(), c.hidden(), c.heads(), c.headChannels(), c.encoderLayers(), c.predictorLayers(),
                c.vspeChannels(), c.vspeModes(), seed), variables);
        Map<String, Tensor> mine = m.stateDict(), theirs = pretrained.stateDict();
        for (Map.Entry<String, Tensor> e : mine.entrySet()) {
            String k = e.getKey();
            boolean shared = k.startsWith("lifting.") || k.startsWith("encoder.") || k.startsWith("vspe.");
            Tensor src = theirs.get(k);
            if (!shared || src == null) continue;
            System.arraycopy(src.re(), 0, e.getValue().re(), 0, src.size());
            if (src.isComplex()) System.arraycopy(src.im(), 0, e.getValue().im(), 0, src.size());
        }
        return m;
    }

    /** The parameters to train when fine-tuning: all, or (frozen) all but the lifting, the encoder and the copied VSPEs. */
    public List<Var> trainable(boolean freezeEncoder, List<String> newVariables) {
        List<Var> out = new ArrayList<>();
        for (Map.Entry<String, Var> e : namedParameters().entrySet()) {
            String k = e.getKey();
            boolean frozen = freezeEncoder && (k.startsWith("lifting.") || k.startsWith("encoder.")
                    || (k.startsWith("vspe.") && !newVariables.contains(k.substring(5, k.indexOf('.', 5)))));
            if (!frozen) out.add(e.getValue());
        }
        return out;
    }
}
