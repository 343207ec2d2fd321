package dev.cascade.genserver.internal;

import dev.cascade.genserver.GenServer;
import dev.cascade.internal.Echo;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.internal.ProcessCell;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The report of messages a GenServer without {@code handleInfo} drops (OTP's G11 warning),
 * summarised: the first one a process drops is logged at WARNING; the rest are counted by type and
 * logged as one line when the process ends. A flood of 160 messages is two log records, not 160;
 * each message is in the trace.
 *
 * <pre>{@code
 * UnhandledInfo.report(server, message);   // what GenServer's default handleInfo does
 * }</pre>
 */
public final class UnhandledInfo {
    private static final System.Logger LOG = System.getLogger(GenServer.class.getName());

    /** The counts of one process, by message type; written by its own thread only. */
    private static final class Counts {
        final Map<String, AtomicInteger> byType = new ConcurrentHashMap<>();
    }

    /** The counts of one node's processes, attached to its kernel. */
    private static final class Table {
        final Map<Pid, Counts> byPid = new ConcurrentHashMap<>();
    }

    private UnhandledInfo() {}

    public static void report(GenServer<?> server, Object message) {
        ProcessCell cell = ProcessCell.current();
        if (cell == null) { // called outside a process (a unit test of the handler): nothing to summarise over
            LOG.log(System.Logger.Level.WARNING, "undefined handleInfo in {0}; unhandled message: {1}",
                    server.getClass().getName(), cut(message));
            return;
        }
        Table table = cell.kernel().attach(Table.class, Table::new);
        Counts counts = table.byPid.get(cell.self());
        if (counts == null) {
            counts = new Counts();
            table.byPid.put(cell.self(), counts);
            LOG.log(System.Logger.Level.WARNING, "undefined handleInfo in {0} ({1}); unhandled message: {2}; further unhandled "
                    + "messages to {1} are counted and reported once when it ends (the trace holds each one)",
                    server.getClass().getName(), cell.self(), cut(message));
            Counts mine = counts;
            cell.termination().whenComplete((reason, error) -> summary(table, cell.self(), server, mine));
        }
        counts.byType.computeIfAbsent(type(message), t -> new AtomicInteger()).incrementAndGet();
    }

    private static void summary(Table table, Pid pid, GenServer<?> server, Counts counts) {
        table.byPid.remove(pid);
        Map<String, Integer> sorted = new TreeMap<>();
        counts.byType.forEach((type, n) -> sorted.put(type, n.get()));
        int total = sorted.values().stream().mapToInt(Integer::intValue).sum();
        if (total > 1) {
            StringBuilder byType = new StringBuilder();
            sorted.forEach((type, n) -> byType.append(byType.isEmpty() ? "" : ", ").append(n).append(' ').append(type));
            LOG.log(System.Logger.Level.WARNING, "{0} ({1}) ended; its undefined handleInfo dropped {2} unhandled messages: {3}",
                    pid, server.getClass().getName(), total, byType);
        }
    }

    private static String type(Object message) {
        if (message == null) {
            return "null";
        }
        String name = message.getClass().getSimpleName();
        return name.isEmpty() ? message.getClass().getName() : name;
    }

    /** The message as the log shows it: cut and escaped, as every echoed value is (its toString may hold anything). */
    private static String cut(Object message) {
        return Echo.value(String.valueOf(message));
    }
}
