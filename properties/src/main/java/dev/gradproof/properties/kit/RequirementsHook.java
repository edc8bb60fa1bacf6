package dev.gradproof.properties.kit;

import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.properties.engine.AutogradAdapter.Capability;
import dev.gradproof.properties.generators.NetworkArbitrary;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Skips a property of {@link AutogradContract} annotated with {@link Requires} when the engine
 * lacks what it needs, naming what is missing. Runs before any try, so a skip is never counted as
 * a rejected try.
 */
public final class RequirementsHook implements SkipExecutionHook {

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        Optional<Requires> requires = context.findAnnotation(Requires.class);
        Optional<Class<?>> container = context.optionalContainerClass();
        if (requires.isEmpty() || container.isEmpty() || !AutogradContract.class.isAssignableFrom(container.get())) {
            return SkipResult.doNotSkip();
        }
        AutogradAdapter<?> engine = ((AutogradContract<?>) context.newInstance(container.get())).engine();
        List<String> missing = new ArrayList<>();
        for (String op : requires.get().ops()) {
            if (!engine.ops().contains(op)) {
                missing.add("op " + op);
            }
        }
        for (Capability capability : requires.get().capabilities()) {
            if (!engine.capabilities().contains(capability)) {
                missing.add("capability " + capability);
            }
        }
        if (requires.get().networks() && !NetworkArbitrary.supports(engine.ops())) {
            missing.add("the ops of a network (matmul, add and a loss)");
        }
        return missing.isEmpty() ? SkipResult.doNotSkip()
                : SkipResult.skip("not supported: " + engine.name() + " does not declare " + String.join(", ", missing));
    }
}
