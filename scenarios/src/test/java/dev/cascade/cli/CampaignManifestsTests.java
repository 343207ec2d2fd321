package dev.cascade.cli;

import dev.cascade.cli.campaign.CampaignCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped set-ups in {@code docs/campaigns}: they parse as YAML of the expected shape, their shard
 * counts agree, and the commands they run work here (with fewer iterations, and paths of this machine).
 */
class CampaignManifestsTests {
    private static final Path DOCS = Path.of("..", "docs", "campaigns");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int campaign(List<String> command, Map<String, String> env) {
        assertThat(List.copyOf(command.subList(0, 4))).as("runs the cascade jar's campaign command").isIn(
                List.of("java", "-jar", "/cascade/cascade.jar", "campaign"),
                List.of("java", "-jar", "scenarios/target/cascade.jar", "campaign"));
        out.reset();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new CampaignCommand(print, print, env, false).execute(command.subList(4, command.size()));
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object yaml, Object... path) {
        Object value = yaml;
        for (Object step : path) {
            value = step instanceof Integer index ? ((List<Object>) value).get(index) : ((Map<String, Object>) value).get(step);
            assertThat(value).as("%s in the manifest", List.of(path)).isNotNull();
        }
        return (T) value;
    }

    @Test
    void the_kubernetes_indexed_job_runs_each_index_as_a_shard_and_the_merge_job_merges_them(@TempDir Path dir) throws IOException {
        List<Object> documents = TinyYaml.documents(Files.readString(DOCS.resolve("indexed-job.yaml")));
        assertThat(documents).hasSize(2);
        assertThat((String) at(documents.get(0), "kind")).isEqualTo("PersistentVolumeClaim");
        Object job = documents.get(1);
        assertThat((String) at(job, "kind")).isEqualTo("Job");
        assertThat((String) at(job, "spec", "completionMode")).isEqualTo("Indexed");
        Map<String, Object> container = at(job, "spec", "template", "spec", "containers", 0);
        assertThat((String) at(container, "env", 0, "valueFrom", "fieldRef", "fieldPath"))
                .isEqualTo("metadata.annotations['batch.kubernetes.io/job-completion-index']");
        List<String> command = at(container, "command");
        assertThat(command.get(command.indexOf("--shards") + 1)).isEqualTo(at(job, "spec", "completions"));

        int shards = 4;
        for (int index = 0; index < shards; index++) {
            List<String> here = new ArrayList<>();
            for (String arg : command) {
                here.add(arg.replace("/tree/tree.json", "examples/cache-crash.json").replace("1000000", "40")
                        .replace("/results/shard-$(SHARD)", dir.resolve("shard-" + index).toString()));
            }
            here.set(here.indexOf("--shards") + 1, Integer.toString(shards));
            assertThat(campaign(here, Map.of("JOB_COMPLETION_INDEX", Integer.toString(index)))).as(out.toString()).isZero();
            assertThat(out.toString()).contains("shard " + index + "/" + shards + " (from JOB_COMPLETION_INDEX)");
        }
        Object merge = TinyYaml.documents(Files.readString(DOCS.resolve("merge-job.yaml"))).getFirst();
        List<String> mergeCommand = new ArrayList<>();
        for (Object arg : (List<?>) at(merge, "spec", "template", "spec", "containers", 0, "command")) {
            mergeCommand.add(((String) arg).replace("/results", dir.toString()));
        }
        assertThat(campaign(mergeCommand, Map.of())).isIn(0, 1);
        assertThat(out.toString()).contains("shards merged: 4 of 4", "runs: 40,");
        assertThat(dir.resolve("merged/index.html")).exists();
    }

    @Test
    void the_github_actions_workflow_runs_one_shard_per_matrix_entry_and_merges_them(@TempDir Path dir) throws IOException {
        Object workflow = TinyYaml.documents(Files.readString(DOCS.resolve("github-actions.yml"))).getFirst();
        List<String> matrix = at(workflow, "jobs", "shard", "strategy", "matrix", "shard");
        List<Map<String, Object>> steps = at(workflow, "jobs", "shard", "steps");
        String run = steps.stream().map(step -> (String) step.get("run")).filter(text -> text != null && text.contains("campaign run")).findFirst().orElseThrow();
        assertThat(run).contains("--shard ${{ matrix.shard }}/" + matrix.size());
        assertThat((String) at(workflow, "jobs", "merge", "needs")).isEqualTo("shard");

        for (String shard : matrix) {
            String here = run.replace("${{ github.run_number }}", "5").replace("${{ matrix.shard }}", shard).replace("1000000", "40")
                    .replace("scenarios/examples/", "examples/").replace(" campaign/", " " + dir.resolve("campaign") + "/");
            assertThat(campaign(words(here), Map.of())).as(out.toString()).isZero();
        }
        List<Map<String, Object>> mergeSteps = at(workflow, "jobs", "merge", "steps");
        String merge = mergeSteps.stream().map(step -> (String) step.get("run")).filter(text -> text != null && text.contains("campaign merge"))
                .findFirst().orElseThrow();
        String here = merge.replace("merge campaign ", "merge " + dir.resolve("campaign") + " ").replace("--out campaign-merged", "--out " + dir.resolve("merged"));
        assertThat(campaign(words(here), Map.of())).isIn(0, 1);
        assertThat(out.toString()).contains("shards merged: 8 of 8", "runs: 40,");
    }

    /** Splits a shell command line into words, honouring single quotes. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : line.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    words.add(word.toString());
                }
                word.setLength(0);
                any = false;
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) {
            words.add(word.toString());
        }
        return words;
    }
}
