package dev.cascade.spec.internal;

import dev.cascade.internal.json.JsonValue;
import dev.cascade.spec.CascadeSpec;
import dev.cascade.spec.SpecSyntax;
import dev.cascade.spec.TreeOutline;

import java.util.ArrayList;
import java.util.List;

/** Reads a scenario file's {@code specs} section: an array of spec names, each checked against the tree. */
public final class SpecsParser {
    /** A problem at {@code specs[index]}. */
    public static final class Bad extends RuntimeException {
        private final int index;

        Bad(int index, String problem) {
            super(problem);
            this.index = index;
        }

        /** The index in {@code specs}, or -1 for the section itself. */
        public int index() {
            return index;
        }
    }

    private SpecsParser() {}

    /** The specs, in order; {@code section} is the value of the {@code specs} field. */
    public static List<CascadeSpec> read(JsonValue section, TreeOutline tree) {
        if (!(section instanceof JsonValue.JsonArray array)) {
            throw new Bad(-1, "expected an array of specs like [\"rootSurvives()\"] but was " + section.describe());
        }
        List<CascadeSpec> specs = new ArrayList<>();
        for (int i = 0; i < array.elements().size(); i++) {
            if (!(array.elements().get(i) instanceof JsonValue.JsonString text)) {
                throw new Bad(i, "expected a spec like \"rootSurvives()\" but was " + array.elements().get(i).describe());
            }
            try {
                specs.add(SpecSyntax.parse(text.value(), tree));
            } catch (IllegalArgumentException bad) {
                throw new Bad(i, bad.getMessage());
            }
        }
        return specs;
    }
}
