package dev.gradproof.properties.graph;

import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints a {@link GraphSpec} as an expression: leaves as {@code x0[2,3]}, the arithmetic gates
 * infix, everything else as a call; op nodes used more than once are bound first, {@code t4 = ...;},
 * so that a fork reads as a fork.
 */
final class ExpressionPrinter {

    private final GraphSpec spec;
    private final String[] text;
    private final boolean[] infix;

    private ExpressionPrinter(GraphSpec spec) {
        this.spec = spec;
        this.text = new String[spec.size()];
        this.infix = new boolean[spec.size()];
    }

    static String print(GraphSpec spec) {
        return new ExpressionPrinter(spec).print();
    }

    private String print() {
        List<String> bindings = new ArrayList<>();
        boolean[] live = spec.reachable();
        int[] uses = spec.uses();
        for (int i = 0; i < spec.size(); i++) {
            Node node = spec.node(i);
            if (!live[i]) {
                continue;
            }
            if (node instanceof LeafNode leaf) {
                text[i] = leaf.name() + dims(leaf.shape().dims());
                continue;
            }
            OpNode op = (OpNode) node;
            String expression = expression(op);
            boolean shared = uses[i] > 1 && i != spec.output();
            if (shared) {
                String name = "t" + i;
                bindings.add(name + " = " + expression + "; ");
                text[i] = name;
            } else {
                text[i] = expression;
                infix[i] = isInfix(op.op());
            }
        }
        return String.join("", bindings) + text[spec.output()];
    }

    private static boolean isInfix(String op) {
        return switch (op) {
            case Ops.ADD, Ops.SUB, Ops.MUL, Ops.DIV, Ops.ADD_CONSTANT, Ops.MUL_CONSTANT, Ops.NEG -> true;
            default -> false;
        };
    }

    private String expression(OpNode node) {
        OpCall call = node.call();
        List<Integer> in = node.inputs();
        return switch (call.op()) {
            case Ops.ADD -> operand(in.get(0)) + " + " + operand(in.get(1));
            case Ops.SUB -> operand(in.get(0)) + " - " + operand(in.get(1));
            case Ops.MUL -> operand(in.get(0)) + " * " + operand(in.get(1));
            case Ops.DIV -> operand(in.get(0)) + " / " + operand(in.get(1));
            case Ops.NEG -> "-" + operand(in.get(0));
            case Ops.ADD_CONSTANT -> operand(in.get(0)) + (call.scalar() < 0 ? " - " + number(-call.scalar())
                    : " + " + number(call.scalar()));
            case Ops.MUL_CONSTANT -> number(call.scalar()) + " * " + operand(in.get(0));
            case Ops.LEAKY_RELU, Ops.ELU, Ops.POW -> call(call.op(), in, number(call.scalar()));
            case Ops.SUM_AXIS -> call(Ops.SUM, in, axis(call));
            case Ops.MEAN_AXIS -> call(Ops.MEAN, in, axis(call));
            case Ops.SOFTMAX, Ops.LOG_SOFTMAX -> call(call.op(), in, "axis=" + call.axis());
            case Ops.BROADCAST_TO, Ops.RESHAPE -> call(call.op(), in, dims(call.ints()));
            case Ops.SOFTMAX_CROSS_ENTROPY, Ops.SVM_HINGE -> call(call.op(), in, "labels=" + dims(call.ints()));
            case Ops.L2 -> Ops.L2 + "(" + number(call.scalar()) + ", " + args(in) + ")";
            default -> call(call.op(), in, null);
        };
    }

    private String call(String name, List<Integer> in, String parameter) {
        return name + "(" + args(in) + (parameter == null ? "" : ", " + parameter) + ")";
    }

    private String args(List<Integer> in) {
        return in.stream().map(i -> text[i]).collect(Collectors.joining(", "));
    }

    private String operand(int index) {
        return infix[index] ? "(" + text[index] + ")" : text[index];
    }

    private static String axis(OpCall call) {
        return "axis=" + call.axis() + (call.keepDims() ? ", keepDims" : "");
    }

    private static String dims(int[] dims) {
        return Arrays.toString(dims).replace(" ", "");
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
