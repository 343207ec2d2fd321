package dev.cascade.runtime.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

class InboxTests {

    @Test
    void drains_in_push_order_and_only_once() {
        Inbox inbox = new Inbox();
        inbox.push("a");
        inbox.push("b");
        ArrayDeque<Object> queue = new ArrayDeque<>();
        assertThat(inbox.drainTo(queue)).isEqualTo(2);
        inbox.push("c");
        assertThat(inbox.drainTo(queue)).isEqualTo(1);
        assertThat(inbox.drainTo(queue)).isZero();
        assertThat(queue).containsExactly("a", "b", "c");
    }

    @Test
    void a_closed_inbox_refuses_pushes_and_hands_back_what_was_not_drained() {
        Inbox inbox = new Inbox();
        inbox.push("a");
        ArrayDeque<Object> queue = new ArrayDeque<>();
        inbox.drainTo(queue);
        inbox.push("b");
        inbox.push("c");
        inbox.close(queue);
        assertThat(inbox.push("d")).isFalse();
        assertThat(inbox.drainTo(queue)).isZero();
        assertThat(queue).containsExactly("a", "b", "c");
    }

    @Test
    void concurrent_senders_each_keep_their_order() throws InterruptedException {
        Inbox inbox = new Inbox();
        int senders = 4;
        int each = 50_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int sender = s;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    inbox.push(new int[] {sender, i});
                }
            }));
        }
        go.countDown();
        ArrayDeque<Object> queue = new ArrayDeque<>();
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                inbox.drainTo(queue); // drains race with pushes
            }
        }
        inbox.drainTo(queue);
        int[] next = new int[senders];
        for (Object entry : queue) {
            int[] message = (int[]) entry;
            assertThat(message[1]).as("sender %d's messages in order", message[0]).isEqualTo(next[message[0]]++);
        }
        assertThat(next).containsOnly(each);
    }
}
