package com.example.scalar;

import java.util.List;

/** The engine's ops on {@link Value}s; {@link #withSeededBug()} gives the ops with the seeded bug in mul. */
public final class Ops {

    private final boolean seededBug;

    private Ops(boolean seededBug) {
        this.seededBug = seededBug;
    }

    /** The correct ops. */
    public static Ops correct() {
        return new Ops(false);
    }

    /** The ops with mul's seeded bug. */
    public static Ops withSeededBug() {
        return new Ops(true);
    }

    public Value add(Value a, Value b) {
        Value out = new Value(a.data() + b.data(), List.of(a, b));
        out.step(() -> {
            a.addGrad(out.grad());
            b.addGrad(out.grad());
        });
        return out;
    }

    public Value sub(Value a, Value b) {
        Value out = new Value(a.data() - b.data(), List.of(a, b));
        out.step(() -> {
            a.addGrad(out.grad());
            b.addGrad(-out.grad());
        });
        return out;
    }

    public Value mul(Value a, Value b) {
        Value out = new Value(a.data() * b.data(), List.of(a, b));
        out.step(() -> {
            if (seededBug) {
                a.setGrad(b.data() * out.grad());
                b.setGrad(a.data() * out.grad());
            } else {
                a.addGrad(b.data() * out.grad());
                b.addGrad(a.data() * out.grad());
            }
        });
        return out;
    }

    public Value neg(Value a) {
        Value out = new Value(-a.data(), List.of(a));
        out.step(() -> a.addGrad(-out.grad()));
        return out;
    }

    public Value addConstant(Value a, double c) {
        Value out = new Value(a.data() + c, List.of(a));
        out.step(() -> a.addGrad(out.grad()));
        return out;
    }

    public Value mulConstant(Value a, double c) {
        Value out = new Value(a.data() * c, List.of(a));
        out.step(() -> a.addGrad(c * out.grad()));
        return out;
    }

    public Value pow(Value a, double p) {
        Value out = new Value(Math.pow(a.data(), p), List.of(a));
        out.step(() -> a.addGrad(p * Math.pow(a.data(), p - 1) * out.grad()));
        return out;
    }

    public Value tanh(Value a) {
        double t = Math.tanh(a.data());
        Value out = new Value(t, List.of(a));
        out.step(() -> a.addGrad((1 - t * t) * out.grad()));
        return out;
    }

    public Value exp(Value a) {
        double e = Math.exp(a.data());
        Value out = new Value(e, List.of(a));
        out.step(() -> a.addGrad(e * out.grad()));
        return out;
    }

    public Value relu(Value a) {
        Value out = new Value(a.data() > 0 ? a.data() : 0, List.of(a));
        out.step(() -> a.addGrad(a.data() > 0 ? out.grad() : 0));
        return out;
    }
}
