package org.neuralop4j.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuralop4j.nn.CodaNO;
import org.neuralop4j.nn.FNO;
import org.neuralop4j.nn.FnoConfig;
import org.neuralop4j.nn.Skip;
import org.neuralop4j.tensor.Tensor;

/**
 * An FNO saved as a safetensors file: its parameters under their state-dict names, its
 * {@link FnoConfig} as JSON in the metadata key {@value #CONFIG}, and whatever other metadata and
 * tensors the caller adds. Extra tensors live under the reserved prefix {@value #EXTRA} (the
 * command keeps optimizer state there), so the model's names stay exactly PyTorch's.
 */
public final class Checkpoint {
    private Checkpoint() {}

    public static final String CONFIG = "config";
    public static final String EXTRA = "extra.";
    /** Metadata key: the modes in use per axis (IFNO; equal to n_modes otherwise). */
    public static final String ACTIVE_MODES = "active_modes";

    /** A loaded checkpoint: the model with its parameters, the metadata, and the extra tensors (prefix removed). */
    public record Loaded(FNO model, Map<String, String> metadata, Map<String, Tensor> extra) {}

    public static void save(Path file, FNO model, Map<String, String> metadata, Map<String, Tensor> extra) throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>(model.stateDict());
        extra.forEach((k, v) -> tensors.put(EXTRA + k, v));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(CONFIG, Json.write(toJson(model.config())));
        List<Object> active = new ArrayList<>();
        for (int k : model.activeModes()) active.add((long) k);
        meta.put(ACTIVE_MODES, Json.write(active));
        meta.put("format", "neuralop4j FNO checkpoint 1");
        meta.putAll(metadata);
        Safetensors.write(file, tensors, meta);
    }

    /**
     * Loads a checkpoint. A file without a configuration, or whose tensors do not match the model
     * the configuration describes (every missing, unexpected or mis-shaped name is listed), is refused.
     */
    public static Loaded load(Path file) throws IOException {
        Safetensors.Contents c = Safetensors.read(file);
        String config = c.metadata().get(CONFIG);
        if (config == null) throw new IOException(file + ": no '" + CONFIG + "' in the metadata; not a neuralop4j model checkpoint");
        FNO model;
        try {
            model = new FNO(fromJson(Json.parseObject(config)));
        } catch (RuntimeException e) {
            throw new IOException(file + ": bad model configuration: " + e.getMessage());
        }
        Map<String, Tensor> params = new LinkedHashMap<>(), extra = new LinkedHashMap<>();
        c.tensors().forEach((k, v) -> {
            if (k.startsWith(EXTRA)) extra.put(k.substring(EXTRA.length()), v);
            else params.put(k, v);
        });
        try {
            model.loadStateDict(params);
            String active = c.metadata().get(ACTIVE_MODES);
            if (active != null) {
                List<?> l = (List<?>) Json.parse(active);
                int[] k = new int[l.size()];
                for (int j = 0; j < k.length; j++) k[j] = Math.toIntExact((Long) l.get(j));
                model.setActiveModes(k);
            }
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IOException(file + ": " + e.getMessage());
        }
        return new Loaded(model, c.metadata(), extra);
    }

    /** A CoDA-NO saved with {@link #saveCoda}: the model with its variables, and the metadata. */
    public record LoadedCoda(CodaNO model, Map<String, String> metadata) {}

    /** A CoDA-NO: parameters by name, its configuration and variables in the metadata key {@value #CODA}. */
    public static void saveCoda(Path file, CodaNO model, Map<String, String> metadata) throws IOException {
        CodaNO.Config c = model.config();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n_modes", ints(c.nModes()));
        m.put("hidden", c.hidden());
        m.put("heads", c.heads());
        m.put("head_channels", c.headChannels());
        m.put("encoder_layers", c.encoderLayers());
        m.put("predictor_layers", c.predictorLayers());
        m.put("vspe_channels", c.vspeChannels());
        m.put("vspe_modes", ints(c.vspeModes()));
        m.put("seed", c.seed());
        m.put("variables", new ArrayList<Object>(model.variables()));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(CODA, Json.write(m));
        meta.put("format", "neuralop4j CoDA-NO checkpoint 1");
        meta.putAll(metadata);
        Safetensors.write(file, model.stateDict(), meta);
    }

    public static LoadedCoda loadCoda(Path file) throws IOException {
        Safetensors.Contents c = Safetensors.read(file);
        String json = c.metadata().get(CODA);
        if (json == null) throw new IOException(file + ": no '" + CODA + "' in the metadata; not a CoDA-NO checkpoint");
        CodaNO model;
        try {
            Map<String, Object> m = Json.parseObject(json);
            List<String> vars = new ArrayList<>();
            for (Object o : (List<?>) need(m, "variables")) vars.add((String) o);
            model = new CodaNO(new CodaNO.Config(intArray(need(m, "n_modes")), integer(m, "hidden"), integer(m, "heads"), integer(m, "head_channels"),
                    integer(m, "encoder_layers"), integer(m, "predictor_layers"), integer(m, "vspe_channels"), intArray(need(m, "vspe_modes")),
                    (Long) need(m, "seed")), vars);
            model.loadStateDict(c.tensors());
        } catch (RuntimeException e) {
            throw new IOException(file + ": " + e.getMessage());
        }
        return new LoadedCoda(model, c.metadata());
    }

    public static final String CODA = "codano";

    private static List<Object> ints(int[] a) {
        List<Object> l = new ArrayList<>();
        for (int v : a) l.add((long) v);
        return l;
    }

    private static int[] intArray(Object o) {
        List<?> l = (List<?>) o;
        int[] a = new int[l.size()];
        for (int i = 0; i < a.length; i++) a[i] = Math.toIntExact((Long) l.get(i));
        return a;
    }

    /** The configuration as a JSON object with neuraloperator's argument names. */
    public static Map<String, Object> toJson(FnoConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> modes = new ArrayList<>();
        for (int k : c.nModes()) modes.add((long) k);
        m.put("n_modes", modes);
        m.put("in_channels", c.inChannels());
        m.put("out_channels", c.outChannels());
        m.put("hidden_channels", c.hiddenChannels());
        m.put("n_layers", c.nLayers());
        m.put("lifting_channels", c.liftingChannels());
        m.put("projection_channels", c.projectionChannels());
        m.put("positional_embedding", c.positionalEmbedding());
        m.put("skip", c.skip().name().toLowerCase());
        m.put("channel_mlp", c.channelMlp());
        m.put("channel_mlp_expansion", c.channelMlpExpansion());
        m.put("domain_padding", c.domainPadding());
        m.put("seed", c.seed());
        m.put("tucker_rank", c.tuckerRank());
        return m;
    }

    public static FnoConfig fromJson(Map<String, Object> m) {
        List<?> modes = (List<?>) need(m, "n_modes");
        int[] nModes = new int[modes.size()];
        for (int k = 0; k < nModes.length; k++) nModes[k] = Math.toIntExact((Long) modes.get(k));
        return new FnoConfig(nModes, integer(m, "in_channels"), integer(m, "out_channels"), integer(m, "hidden_channels"),
                integer(m, "n_layers"), integer(m, "lifting_channels"), integer(m, "projection_channels"),
                (Boolean) need(m, "positional_embedding"), Skip.Kind.valueOf(((String) need(m, "skip")).toUpperCase()),
                (Boolean) need(m, "channel_mlp"), number(m, "channel_mlp_expansion"), number(m, "domain_padding"),
                (Long) need(m, "seed"), number(m, "tucker_rank"));
    }

    private static Object need(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) throw new IllegalArgumentException("missing '" + key + "'");
        return v;
    }

    private static int integer(Map<String, Object> m, String key) {
        return Math.toIntExact((Long) need(m, key));
    }

    private static double number(Map<String, Object> m, String key) {
        return ((Number) need(m, key)).doubleValue();
    }
}
