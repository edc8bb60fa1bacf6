package dev.gradproof.properties.kit;

import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.engine.AutogradAdapter.Capability;
import dev.gradproof.properties.engine.Capabilities;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Skips a property of {@link AutogradContract} annotated with {@link Requires} when the engine
 * lacks what it needs (an op, a capability, a rank, numpy broadcasting, float64), naming its rule
 * and what is missing, and records the skip for the report. Runs before any try, so a skip is
 * never counted as a rejected try.
 */
public final class RequirementsHook implements SkipExecutionHook {

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        Optional<Requires> requires = context.findAnnotation(Requires.class);
        Optional<AutogradContract<?>> found = requires.isEmpty() ? Optional.empty() : KitSkips.contract(context);
        if (found.isEmpty()) {
            return SkipResult.doNotSkip();
        }
        AutogradContract<?> contract = found.get();
        AutogradAdapter<?> engine = contract.engine();
        List<String> missing = missing(requires.get(), engine, contract);
        if (missing.isEmpty()) {
            return SkipResult.doNotSkip();
        }
        return KitSkips.skip(context, contract, engine.name(),
                "not supported: " + engine.name() + " does not declare " + String.join(", ", missing));
    }

    private static List<String> missing(Requires needs, AutogradAdapter<?> engine, AutogradContract<?> contract) {
        Capabilities declared = engine.declared();
        List<String> missing = new ArrayList<>();
        for (String op : needs.ops()) {
            if (!engine.ops().contains(op)) {
                missing.add("op " + op);
            }
        }
        for (Capability capability : needs.capabilities()) {
            if (!engine.capabilities().contains(capability)) {
                missing.add("capability " + capability);
            }
        }
        if (needs.networks() && !contract.runsNetworks()) {
            missing.add("the ops of a network (matmul, add and a loss) with rank 2 and numpy broadcasting");
        }
        if (declared.maxRank() < needs.minRank()) {
            missing.add("tensors of rank " + needs.minRank() + " (max rank " + declared.maxRank() + ")");
        }
        if (needs.numpyBroadcasting() && declared.broadcasting() != Capabilities.Broadcasting.NUMPY) {
            missing.add("numpy broadcasting of a bias [H] to [N, H] (broadcasting " + declared.broadcasting() + ")");
        }
        if (needs.float64() && declared.precision() != Capabilities.Precision.FLOAT64) {
            missing.add("float64 values for finite differences (precision " + declared.precision() + ")");
        }
        return missing;
    }
}
