package dev.cascade.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Headless Chromium for the report tests: loads a page from disk (no server, no network) and gives
 * back the DOM after its scripts ran, or a screenshot. Each load gets a fresh profile directory.
 */
final class Browser {
    static final String MISSING = "headless Chromium not found (looked at $CASCADE_CHROMIUM, /usr/bin/chromium, "
            + "/usr/bin/chromium-browser, /usr/bin/google-chrome); install it to run the report tests in a browser: "
            + "apt-get install -y chromium (Debian/Ubuntu), or set CASCADE_CHROMIUM to a Chromium binary";

    private final Path binary;

    private Browser(Path binary) {
        this.binary = binary;
    }

    static Optional<Browser> find() {
        List<String> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("CASCADE_CHROMIUM")).ifPresent(candidates::add);
        candidates.addAll(List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"));
        return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst().map(Browser::new);
    }

    /** The browser, or the test is skipped with how to install one. */
    static Browser required() {
        Optional<Browser> browser = find();
        assumeTrue(browser.isPresent(), MISSING);
        return browser.get();
    }

    /** The DOM of {@code page} after its scripts ran, without the script elements' own text (which quotes markup). */
    String dom(Path page) {
        return dom(page, "");
    }

    /** The DOM of {@code page}, opened at {@code #fragment} (empty: none), after its scripts ran. */
    String dom(Path page, String fragment) {
        return run(page, fragment, List.of("--dump-dom"), Optional.empty()).replaceAll("(?s)<script\\b[^>]*>.*?</script>", "<script></script>");
    }

    /** A screenshot of {@code page}, {@code width} x {@code height} CSS pixels. */
    Path screenshot(Path page, Path png, int width, int height) {
        run(page, "", List.of("--hide-scrollbars", "--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath()),
                Optional.of(png));
        return png;
    }

    private String run(Path page, String fragment, List<String> what, Optional<Path> output) {
        Path profile = null;
        try {
            profile = Files.createTempDirectory("cascade-chromium");
            List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--user-data-dir=" + profile));
            command.addAll(what);
            command.add(page.toAbsolutePath().toUri() + (fragment.isEmpty() ? "" : "#" + fragment));
            Path log = profile.resolve("stderr.txt");
            Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Chromium did not finish loading " + page + " within 120 s");
            }
            if (process.exitValue() != 0 || output.isPresent() && !Files.exists(output.get())) {
                throw new IllegalStateException("Chromium failed on " + page + " (exit " + process.exitValue() + "): "
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        } finally {
            delete(profile);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }

    /** The value of attribute {@code name} on the dumped page's html element. */
    static String htmlAttribute(String dom, String name) {
        Matcher m = Pattern.compile("<html[^>]*\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(dom);
        return m.find() ? m.group(1) : null;
    }

    /** How many elements of the dump carry class {@code name} (as the first class of their class attribute). */
    static int count(String dom, String elementAndClass) {
        Matcher m = Pattern.compile(elementAndClass).matcher(dom);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
