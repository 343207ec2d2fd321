package dev.cascade.fuzz;

import dev.cascade.fuzz.Doc.Arr;
import dev.cascade.fuzz.Doc.Member;
import dev.cascade.fuzz.Doc.Num;
import dev.cascade.fuzz.Doc.Obj;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mutates a generated scenario document the way a hostile user or a broken generator would: in its
 * structure (type swaps, deleted, duplicated and unknown keys, extreme and boundary numbers in every
 * spelling, deep nesting, long paths, hostile Unicode) and in its bytes (flips, truncation, a BOM,
 * invalid UTF-8). Each mutation says what it did, for the report of a failure.
 */
final class Mutator {
    /** Boundary and extreme numbers, in the spellings JSON allows and some it does not. */
    static final String[] NUMBERS = {"0", "-1", "1", "-0", "0.5", "1.0", "1e0", "1E3", "1e-5", "2147483646", "2147483647",
            "2147483648", "-2147483648", "4294967296", "9007199254740993", "1000000000000000", "1e15", "1E15", "1.0e15",
            "9223372036", "9.2e9", "9223372036854", "9.2e12", "9223372036854775", "9223372036854775807",
            "9223372036854775808", "-9223372036854775808", "9.2e18", "1e19", "1e308", "1e309", "-1e309",
            "99999999999999999999999999999", "36500", "3153600000000", "3153600000001", "01", "+1", ".5", "1.", "0x10",
            "NaN", "Infinity"};
    private static final String[] STRINGS = {"", " ", "\uFEFFroot", "root\u202E", "\u001B[31mred", "r\u0000t", "root/", "/root",
            "root//w0", "ROOT", "root/w0/", "é", "\uD83D\uDCA5", "\uD800", "shutdown:", "shutdown:x:y", "a".repeat(300),
            "kill", "normal", "infinity", "brutal_kill", "true", "null", "1"};
    private static final int[] DEPTHS = {10, 99, 100, 199, 200, 201, 1_000, 100_000};

    private final SplittableRandom random;
    private final List<String> did = new ArrayList<>();

    Mutator(SplittableRandom random) {
        this.random = random;
    }

    /** What the mutations did, in order. */
    String description() {
        return String.join("; ", did);
    }

    /** One to three mutations of {@code document}; a byte mutation ends the chain and returns the bytes. */
    byte[] mutate(Obj document) {
        Object root = document;
        int roll = random.nextInt(20);
        int count = roll < 12 ? 1 : roll < 17 ? 2 : 3;
        for (int i = 0; i < count; i++) {
            int what = random.nextInt(12);
            if (what >= 9) {
                return bytes(Doc.write(root).getBytes(StandardCharsets.UTF_8), what);
            }
            root = structure(root, what);
        }
        return Doc.write(root).getBytes(StandardCharsets.UTF_8);
    }

    private Object structure(Object root, int what) {
        List<Slot> slots = slots(root);
        List<Slot> numbers = slots.stream().filter(s -> s.get() instanceof Num).toList();
        Slot slot = (what == 3 || what == 4) && !numbers.isEmpty() && random.nextInt(4) != 0
                ? numbers.get(random.nextInt(numbers.size())) // numbers where the scenario has numbers: boundaries get run
                : slots.get(random.nextInt(slots.size()));
        switch (what) {
            case 0 -> {
                Object swapped = swap(slot.get());
                did.add("type swap at " + slot + " to " + Doc.write(cut(swapped)));
                slot.set(swapped);
            }
            case 1 -> {
                if (slot.owner instanceof Obj obj && slot.index < obj.members().size()) {
                    did.add("deleted key " + slot);
                    obj.members().remove(slot.index);
                }
            }
            case 2 -> {
                if (slot.owner instanceof Obj obj) {
                    did.add("duplicated key " + slot);
                    obj.members().add(obj.members().get(slot.index));
                }
            }
            case 3, 4 -> {
                Num number = new Num(NUMBERS[random.nextInt(NUMBERS.length)]);
                did.add("number " + number.text() + " at " + slot);
                slot.set(number);
            }
            case 5 -> {
                String path = longPath();
                did.add("long path (" + path.length() + " chars) at " + slot);
                slot.set(path);
            }
            case 6 -> {
                String text = STRINGS[random.nextInt(STRINGS.length)];
                did.add("string " + Doc.write(text) + " at " + slot);
                slot.set(text);
            }
            case 7 -> {
                int depth = DEPTHS[random.nextInt(DEPTHS.length)];
                did.add("nested " + depth + " deep at " + slot);
                slot.set(nest(slot.get(), depth));
            }
            default -> {
                if (slot.owner instanceof Obj obj) {
                    did.add("unknown key beside " + slot);
                    obj.members().add(new Member("extra_" + random.nextInt(3), Doc.num(1)));
                } else {
                    did.add("nothing (no object at " + slot + ")");
                }
            }
        }
        return root;
    }

    private byte[] bytes(byte[] text, int what) {
        byte[] bytes = text.clone();
        switch (what) {
            case 9 -> {
                int flips = 1 + random.nextInt(4);
                for (int i = 0; i < flips && bytes.length > 0; i++) {
                    int at = random.nextInt(bytes.length);
                    bytes[at] = (byte) random.nextInt(256);
                }
                did.add(flips + " byte flips");
            }
            case 10 -> {
                int length = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
                did.add("truncated to " + length + " of " + bytes.length + " bytes");
                bytes = java.util.Arrays.copyOf(bytes, length);
            }
            default -> {
                byte[][] prefixes = {{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xC3}, {(byte) 0xFF, (byte) 0xFE}, {0}};
                byte[] prefix = prefixes[random.nextInt(prefixes.length)];
                int at = random.nextBoolean() ? 0 : random.nextInt(bytes.length + 1);
                byte[] out = new byte[bytes.length + prefix.length];
                System.arraycopy(bytes, 0, out, 0, at);
                System.arraycopy(prefix, 0, out, at, prefix.length);
                System.arraycopy(bytes, at, out, at + prefix.length, bytes.length - at);
                did.add("inserted bytes " + java.util.HexFormat.of().formatHex(prefix) + " at " + at);
                bytes = out;
            }
        }
        return bytes;
    }

    private String longPath() {
        int segments = new int[] {2, 64, 1_000, 10_000, 100_000}[random.nextInt(5)];
        StringBuilder path = new StringBuilder("root");
        for (int i = 1; i < segments; i++) {
            path.append("/w").append(random.nextInt(3));
        }
        return path.toString();
    }

    private Object swap(Object value) {
        Object[] others = {Doc.num(1), "text", true, false, null, new Arr(List.of()), new Obj(List.of()), new Arr(List.of(Doc.num(1)))};
        Object pick;
        do {
            pick = others[random.nextInt(others.length)];
        } while (pick != null && value != null && pick.getClass() == value.getClass() && random.nextInt(4) != 0);
        return pick;
    }

    private static Object cut(Object value) {
        return value instanceof String s && s.length() > 40 ? s.substring(0, 40) + "…" : value;
    }

    private Object nest(Object inner, int depth) {
        Object value = inner;
        for (int i = 0; i < depth; i++) {
            value = random.nextBoolean() ? new Arr(List.of(value)) : Obj.of("k", value);
        }
        return value;
    }

    /** A place in the document that holds a value: a member of an object or an element of an array. */
    private static final class Slot {
        final Object owner;
        final int index;
        final String where;

        Slot(Object owner, int index, String where) {
            this.owner = owner;
            this.index = index;
            this.where = where;
        }

        Object get() {
            return owner instanceof Obj obj ? obj.members().get(index).value() : ((Arr) owner).elements().get(index);
        }

        void set(Object value) {
            if (owner instanceof Obj obj) {
                obj.members().set(index, new Member(obj.members().get(index).key(), value));
            } else {
                ((Arr) owner).elements().set(index, value);
            }
        }

        @Override
        public String toString() {
            return where;
        }
    }

    /** Every slot of the document, found without recursion. */
    private static List<Slot> slots(Object root) {
        List<Slot> slots = new ArrayList<>();
        List<Object[]> todo = new ArrayList<>();
        todo.add(new Object[] {root, ""});
        while (!todo.isEmpty()) {
            Object[] next = todo.removeLast();
            String at = (String) next[1];
            if (at.length() > 300) {
                continue; // inside a nesting an earlier mutation made: mutations stay near the scenario's own fields
            }
            switch (next[0]) {
                case Obj obj -> {
                    for (int i = 0; i < obj.members().size(); i++) {
                        String where = at.isEmpty() ? obj.members().get(i).key() : at + "." + obj.members().get(i).key();
                        slots.add(new Slot(obj, i, where));
                        todo.add(new Object[] {obj.members().get(i).value(), where});
                    }
                }
                case Arr arr -> {
                    for (int i = 0; i < arr.elements().size(); i++) {
                        String where = at + "[" + i + "]";
                        slots.add(new Slot(arr, i, where));
                        todo.add(new Object[] {arr.elements().get(i), where});
                    }
                }
                case null, default -> { }
            }
        }
        return slots;
    }

}
