package dev.cascade.chaos.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Armed rules by the key they act on (a path, or a pair of paths), each key's rules in the order they
 * were armed. A hook reads only the rules of its own key, and arming or retiring a rule costs
 * {@code O(log n)}, so a plan of 100,000 faults costs no more per message than a plan of one (a
 * single list scanned by every hook, or copied on every arming, made both quadratic).
 *
 * @param <K> what a rule is keyed by
 * @param <R> the rule
 */
final class ArmedRules<K, R> {
    /** How to retire a rule. */
    interface Armed {
        void retire();
    }

    private final Map<K, ConcurrentSkipListMap<Long, R>> byKey = new ConcurrentHashMap<>();
    private final AtomicLong order = new AtomicLong();
    private final AtomicInteger size = new AtomicInteger();

    /** Arms {@code rule} for {@code key}, after the rules already armed for it. */
    Armed arm(K key, R rule) {
        long number = order.incrementAndGet();
        ConcurrentSkipListMap<Long, R> rules = byKey.computeIfAbsent(key, k -> new ConcurrentSkipListMap<>());
        rules.put(number, rule);
        size.incrementAndGet();
        return () -> {
            if (rules.remove(number) != null) {
                size.decrementAndGet();
            }
        };
    }

    /** Whether no rule is armed at all: the hooks' fast path. */
    boolean isEmpty() {
        return size.get() == 0;
    }

    /** The rules armed for {@code key}, in arming order (a live view: rules retired meanwhile may still show). */
    Collection<R> of(K key) {
        ConcurrentSkipListMap<Long, R> rules = byKey.get(key);
        return rules == null ? List.of() : rules.values();
    }

    /** Every armed rule, in arming order. */
    List<R> all() {
        return byKey.values().stream().flatMap(rules -> rules.entrySet().stream())
                .sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
    }
}
