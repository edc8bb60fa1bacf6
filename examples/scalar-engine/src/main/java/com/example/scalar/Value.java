package com.example.scalar;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scalar autograd engine in the style of micrograd, written for gradproof's examples: a value
 * holds one number, its parents and the step that passes its gradient back to them.
 *
 * <p>Limits (documented for the kit): scalars only; ops add, sub, mul, neg, tanh, exp, relu,
 * x + c, c x and x^p; backward always seeds 1 and sorts the graph without recursion, so graphs of any
 * depth work; leaf gradients accumulate over repeated backward calls (intermediate ones are reset
 * first).
 *
 * <p>The seeded bug, switched on by {@link Ops#withSeededBug()}: mul assigns its input gradients
 * ({@code =}) instead of adding them ({@code +=}), micrograd's classic mistake, wrong as soon as
 * a value feeds a product twice ({@code x * x}).
 */
public final class Value {

    private final double data;
    private double grad;
    private final List<Value> parents;
    private Runnable backwardStep = () -> { };

    Value(double data, List<Value> parents) {
        this.data = data;
        this.parents = parents;
    }

    /** A leaf. */
    public static Value of(double data) {
        return new Value(data, List.of());
    }

    public double data() {
        return data;
    }

    public double grad() {
        return grad;
    }

    /** Forgets the gradient. */
    public void zeroGrad() {
        grad = 0;
    }

    void step(Runnable step) {
        this.backwardStep = step;
    }

    void addGrad(double g) {
        grad += g;
    }

    void setGrad(double g) {
        grad = g;
    }

    /** Backpropagates from this value with gradient 1 into every value it depends on. */
    public void backward() {
        List<Value> order = topologicalOrder();
        for (Value v : order) {
            if (!v.parents.isEmpty()) {
                v.grad = 0;
            }
        }
        grad += 1;
        for (int i = order.size() - 1; i >= 0; i--) {
            order.get(i).backwardStep.run();
        }
    }

    /** Parents before children, with an explicit stack: no recursion, so any depth works. */
    private List<Value> topologicalOrder() {
        List<Value> order = new ArrayList<>();
        Map<Value, Boolean> seen = new IdentityHashMap<>();
        Deque<Value> stack = new ArrayDeque<>();
        Deque<Integer> next = new ArrayDeque<>();
        seen.put(this, true);
        stack.push(this);
        next.push(0);
        while (!stack.isEmpty()) {
            Value v = stack.peek();
            int k = next.pop();
            if (k < v.parents.size()) {
                next.push(k + 1);
                Value parent = v.parents.get(k);
                if (seen.put(parent, true) == null) {
                    stack.push(parent);
                    next.push(0);
                }
            } else {
                stack.pop();
                order.add(v);
            }
        }
        return order;
    }

    @Override
    public String toString() {
        return "Value(" + data + ")";
    }
}
