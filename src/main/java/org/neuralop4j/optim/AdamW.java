package org.neuralop4j.optim;

import java.util.List;
import org.neuralop4j.autograd.Var;

/** AdamW: Adam with decoupled weight decay {@code p ← p·(1 − lr·λ)} (see {@link Adam}). */
public final class AdamW extends Adam {
    public AdamW(List<Var> params, Config c) {
        super(params, c, true);
    }
}
