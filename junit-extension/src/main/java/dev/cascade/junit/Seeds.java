package dev.cascade.junit;

import dev.cascade.internal.Echo;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** A test's seed, by precedence: the annotation's, {@code cascade.seed}, or derived from the test's unique id. */
record Seeds(long value, Source source) {
    static final String PARAMETER = "cascade.seed";

    /** Where a seed came from, as failure messages and result records say it. */
    enum Source {
        ANNOTATION("from @CascadeTest(seed)"),
        CONFIGURATION("from cascade.seed"),
        RANDOM("drawn at random: cascade.seed=random"),
        DERIVED("derived from the test's id");

        final String says;

        Source(String says) {
            this.says = says;
        }
    }

    static Seeds of(ExtensionContext context, Optional<CascadeTest> annotation) {
        Optional<long[]> given = annotation.map(CascadeTest::seed).filter(seeds -> seeds.length > 0);
        if (given.isPresent()) {
            long[] seeds = given.get();
            if (seeds.length > 1) {
                throw new ExtensionConfigurationException("@CascadeTest(seed = ...) takes one seed but " + context.getDisplayName()
                        + " has " + seeds.length + "; write seed = " + seeds[0]);
            }
            return new Seeds(seeds[0], Source.ANNOTATION);
        }
        Optional<String> configured = context.getConfigurationParameter(PARAMETER).map(String::strip).filter(s -> !s.isEmpty());
        if (configured.isPresent()) {
            String text = configured.get();
            if (text.equalsIgnoreCase("random")) {
                return new Seeds(ThreadLocalRandom.current().nextLong(), Source.RANDOM);
            }
            return new Seeds(parse(text), Source.CONFIGURATION);
        }
        return new Seeds(derive(context.getUniqueId()), Source.DERIVED);
    }

    /** A decimal number ({@code -12}) or hex with {@code 0x} ({@code 0x5eed}). */
    static long parse(String text) {
        try {
            if (text.startsWith("0x") || text.startsWith("0X")) {
                return Long.parseUnsignedLong(text.substring(2), 16);
            }
            return Long.parseLong(text);
        } catch (NumberFormatException bad) {
            throw new ExtensionConfigurationException("cascade.seed must be a number (42, -7, 0x5eed) or random but was "
                    + Echo.quoted(text) + "; set it with -Dcascade.seed=42 or in junit-platform.properties", bad);
        }
    }

    /** The same id gives the same seed on every run and machine: FNV-1a over its UTF-8 bytes, then mixed (SplitMix64). */
    static long derive(String uniqueId) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : uniqueId.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        long z = hash + 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
