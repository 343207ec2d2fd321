package dev.cascade.cli.otp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Erlang harness: its sources ship in this package as resources; on first use they are
 * compiled with {@code erlc} into a cache directory named by their content hash
 * ({@code $XDG_CACHE_HOME/cascade/otp/<hash>}, else {@code ~/.cache/...}), and each batch of
 * scenarios runs in one {@code erl} node, several scenarios at a time.
 */
final class Harness {
    static final List<String> MODULES = List.of("cascade_otp", "cascade_otp_json", "cascade_otp_order",
            "cascade_otp_run", "cascade_otp_sup", "cascade_otp_worker");
    static final String MISSING = "cascade otp needs Erlang/OTP 25 or newer, but %s is not on the PATH. Install it"
            + " (Debian/Ubuntu: apt-get install -y erlang-base erlang-dev; other systems: OTP 25 or newer from"
            + " https://www.erlang.org/downloads) and run the command again.";

    private final Path erl;
    private final Path erlc;
    private final Path cache;

    private Harness(Path erl, Path erlc, Path cache) {
        this.erl = erl;
        this.erlc = erlc;
        this.cache = cache;
    }

    /** The harness, when {@code erl} and {@code erlc} are on {@code path} (a PATH value); else the message saying what to install. */
    static Harness find(String path, Map<String, String> env) throws MissingErlang {
        Path erl = onPath(path, "erl").orElseThrow(() -> new MissingErlang(MISSING.formatted("erl")));
        Path erlc = onPath(path, "erlc").orElseThrow(() -> new MissingErlang(MISSING.formatted("erlc")));
        String base = env.getOrDefault("XDG_CACHE_HOME", "");
        Path root = base.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(base);
        return new Harness(erl, erlc, root.resolve("cascade").resolve("otp"));
    }

    static final class MissingErlang extends Exception {
        MissingErlang(String message) {
            super(message);
        }
    }

    private static Optional<Path> onPath(String path, String program) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, program))) {
                return Optional.of(Path.of(dir, program));
            }
        }
        return Optional.empty();
    }

    /** Compiles the sources into the cache unless that exact version is there already; returns the beam directory. */
    Path compiled() throws IOException, InterruptedException {
        Map<String, byte[]> sources = new java.util.LinkedHashMap<>();
        MessageDigest digest = sha256();
        for (String module : MODULES) {
            try (InputStream in = Harness.class.getResourceAsStream(module + ".erl")) {
                if (in == null) {
                    throw new IOException("the harness source " + module + ".erl is missing from the cascade jar");
                }
                byte[] bytes = in.readAllBytes();
                sources.put(module, bytes);
                digest.update(bytes);
            }
        }
        Path dir = cache.resolve(HexFormat.of().formatHex(digest.digest()).substring(0, 16));
        if (MODULES.stream().allMatch(m -> Files.isRegularFile(dir.resolve(m + ".beam")))) {
            return dir;
        }
        Path work = Files.createDirectories(cache).resolve("build-" + ProcessHandle.current().pid());
        Files.createDirectories(work);
        List<String> command = new ArrayList<>(List.of(erlc.toString(), "-o", work.toString()));
        for (var source : sources.entrySet()) {
            Path file = work.resolve(source.getKey() + ".erl");
            Files.write(file, source.getValue());
            command.add(file.toString());
        }
        Result compile = exec(command);
        if (compile.status() != 0) {
            throw new IOException("erlc could not compile the harness (" + compile.status() + "): " + compile.output());
        }
        try {
            Files.move(work, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException alreadyThere) { // another run compiled it at the same time
            if (!Files.isDirectory(dir)) {
                throw alreadyThere;
            }
        }
        return dir;
    }

    /** The OTP release of {@code erl}, e.g. 25. */
    int otpRelease() throws IOException, InterruptedException {
        Result result = exec(List.of(erl.toString(), "-noshell", "-eval",
                "io:format(\"~s\", [erlang:system_info(otp_release)]), halt()."));
        try {
            return Integer.parseInt(result.output().strip());
        } catch (NumberFormatException odd) {
            throw new IOException("could not read the OTP release from erl: " + result.output());
        }
    }

    /** Runs each {@code (scenario file, outcome file)} pair on OTP, {@code parallel} at a time. */
    Result run(List<Path[]> jobs, int parallel) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(erl.toString(), "-noshell", "-pa", compiled().toString(),
                "-run", "cascade_otp", "main", Integer.toString(parallel)));
        for (Path[] job : jobs) {
            command.add(job[0].toAbsolutePath().toString());
            command.add(job[1].toAbsolutePath().toString());
        }
        return exec(command);
    }

    record Result(int status, String output) {}

    private static Result exec(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new UncheckedIOException(new IOException(impossible));
        }
    }
}
