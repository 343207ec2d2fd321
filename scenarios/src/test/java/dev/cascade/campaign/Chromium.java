package dev.cascade.campaign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Headless Chromium for the campaign page tests, as the reports module's tests use it: loads a page
 * from disk (no server, no network) with a fresh profile and gives back the DOM after its scripts ran.
 */
final class Chromium {
    static final String MISSING = "headless Chromium not found (looked at $CASCADE_CHROMIUM, /usr/bin/chromium, "
            + "/usr/bin/chromium-browser, /usr/bin/google-chrome); install it to check the campaign index in a browser: "
            + "apt-get install -y chromium (Debian/Ubuntu), or set CASCADE_CHROMIUM to a Chromium binary";

    private final Path binary;

    private Chromium(Path binary) {
        this.binary = binary;
    }

    /** The browser, or the test is skipped saying how to install one. */
    static Chromium required() {
        List<String> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("CASCADE_CHROMIUM")).ifPresent(candidates::add);
        candidates.addAll(List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"));
        Optional<Path> found = candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst();
        assumeTrue(found.isPresent(), MISSING);
        return new Chromium(found.get());
    }

    /** The DOM of {@code page} after its scripts ran, script elements emptied (their text quotes markup). */
    String dom(Path page, Path profile) throws IOException, InterruptedException {
        Path log = Files.createDirectories(profile).resolve("stderr.txt");
        Process process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(), "--dump-dom", page.toAbsolutePath().toUri().toString())
                .redirectError(log.toFile()).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Chromium did not finish loading " + page + " within 120 s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("Chromium failed on " + page + " (exit " + process.exitValue() + "): " + Files.readString(log));
        }
        return new String(out, StandardCharsets.UTF_8).replaceAll("(?s)<script\\b[^>]*>.*?</script>", "<script></script>");
    }

    /** The value of attribute {@code name} on the page's html element, empty if it has none. */
    static String htmlAttribute(String dom, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<html[^>]*\\s" + java.util.regex.Pattern.quote(name) + "=\"([^\"]*)\"").matcher(dom);
        return m.find() ? m.group(1) : "";
    }
}
