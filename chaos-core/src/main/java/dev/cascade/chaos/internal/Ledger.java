package dev.cascade.chaos.internal;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultLedger;
import dev.cascade.chaos.LedgerEntry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/** The fault ledger as it fills: entries are registered pending, then fire or are skipped. */
public final class Ledger {
    private static final class Entry {
        final Duration at;
        final Fault fault;
        LedgerEntry.Status status = LedgerEntry.Status.PENDING;
        final List<LedgerEntry.Hit> hits = new ArrayList<>();
        String why = "";

        Entry(Duration at, Fault fault) {
            this.at = at;
            this.fault = fault;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final List<Entry> entries = new ArrayList<>();

    /** Registers a planned fault; returns its number (from 1). */
    public int plan(Duration at, Fault fault) {
        lock.lock();
        try {
            entries.add(new Entry(at, fault));
            return entries.size();
        } finally {
            lock.unlock();
        }
    }

    public void hit(int number, LedgerEntry.Hit hit) {
        lock.lock();
        try {
            Entry entry = entries.get(number - 1);
            entry.status = LedgerEntry.Status.FIRED;
            entry.why = "";
            entry.hits.add(hit);
        } finally {
            lock.unlock();
        }
    }

    public void skip(int number, String why) {
        lock.lock();
        try {
            Entry entry = entries.get(number - 1);
            if (entry.status == LedgerEntry.Status.PENDING) {
                entry.status = LedgerEntry.Status.SKIPPED;
                entry.why = why;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Fired fault {@code number} did not do all it meant to: {@code why} says what it fell short of. */
    public void fellShort(int number, String why) {
        lock.lock();
        try {
            Entry entry = entries.get(number - 1);
            if (entry.status == LedgerEntry.Status.FIRED) {
                entry.why = why;
            }
        } finally {
            lock.unlock();
        }
    }

    /** A pending fault says what it waits for. */
    public void waiting(int number, String what) {
        lock.lock();
        try {
            Entry entry = entries.get(number - 1);
            if (entry.status == LedgerEntry.Status.PENDING) {
                entry.why = what;
            }
        } finally {
            lock.unlock();
        }
    }

    /** The run ended: what is still pending never happened. Returns the entries this skipped, to be traced. */
    public List<LedgerEntry> close(String why) {
        lock.lock();
        try {
            List<LedgerEntry> closed = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                Entry entry = entries.get(i);
                if (entry.status == LedgerEntry.Status.PENDING) {
                    entry.status = LedgerEntry.Status.SKIPPED;
                    entry.why = entry.why.isEmpty() ? why : why + " (" + entry.why + ")";
                    closed.add(new LedgerEntry(i + 1, entry.at, entry.fault, entry.status, entry.hits, entry.why));
                }
            }
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** Where fault {@code number} stands now. */
    public LedgerEntry.Status status(int number) {
        lock.lock();
        try {
            return entries.get(number - 1).status;
        } finally {
            lock.unlock();
        }
    }

    public FaultLedger snapshot() {
        lock.lock();
        try {
            List<LedgerEntry> copy = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                Entry entry = entries.get(i);
                copy.add(new LedgerEntry(i + 1, entry.at, entry.fault, entry.status, entry.hits, entry.why));
            }
            return new FaultLedger(copy);
        } finally {
            lock.unlock();
        }
    }
}
