package dev.gradproof.properties.graph;

import java.util.ArrayList;
import java.util.List;

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
                text[i] = leaf.name() + OpDeclarations.dims(leaf.shape().dims());
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
        return OpDeclarations.find(op).map(OpDeclaration::infix).orElse(false);
    }

    private String expression(OpNode node) {
        if (node.op().equals(ShapeRules.DETACH)) {
            return ShapeRules.DETACH + "(" + text[node.inputs().get(0)] + ")";
        }
        OpDeclaration declaration = OpDeclarations.of(node.op());
        // an infix op's operands get parentheses; a call's arguments need none: they are separated by commas
        List<String> operands = node.inputs().stream().map(i -> declaration.infix() ? operand(i) : text[i]).toList();
        return declaration.printer().print(node.call(), operands);
    }

    private String operand(int index) {
        return infix[index] ? "(" + text[index] + ")" : text[index];
    }
}
