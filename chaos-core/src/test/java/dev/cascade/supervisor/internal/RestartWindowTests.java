package dev.cascade.supervisor.internal;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * otp-semantics 3.6 as Cascade applies it (the box at 3.6, scenario-format "Restart intensity"): in
 * exact time, a window of the period's length closed at both ends, the new restart included; more
 * than {@code intensity} restarts in it means give up. Times are explicit nanoseconds, so the
 * boundaries are tested exactly, with no clock.
 */
class RestartWindowTests {
    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @Nested
    class Counting {

        @Test
        void i5_intensity_n_allows_n_restarts_within_the_period_and_the_next_one_gives_up() {
            RestartWindow window = new RestartWindow(3, TEN_SECONDS);
            assertThat(window.add(0)).isTrue();
            assertThat(window.add(SECOND)).isTrue();
            assertThat(window.add(2 * SECOND)).isTrue();
            assertThat(window.add(3 * SECOND)).as("the 4th restart within 10 s, intensity 3").isFalse();
        }

        @Test
        void i5_intensity_zero_gives_up_at_the_first_restart() {
            assertThat(new RestartWindow(0, TEN_SECONDS).add(0)).isFalse();
        }

        @Test
        void i4_the_new_restart_is_counted_together_with_the_earlier_ones() {
            RestartWindow window = new RestartWindow(1, TEN_SECONDS);
            assertThat(window.add(5 * SECOND)).as("1 restart, intensity 1").isTrue();
            assertThat(window.add(5 * SECOND)).as("2 restarts at the same instant").isFalse();
        }
    }

    @Nested
    class The_window_in_exact_time {

        @Test
        void i3_a_restart_exactly_one_period_earlier_still_counts() {
            RestartWindow window = new RestartWindow(1, TEN_SECONDS);
            window.add(0);
            assertThat(window.add(10 * SECOND)).isFalse();
        }

        @Test
        void i3_a_restart_one_nanosecond_more_than_a_period_earlier_no_longer_counts() {
            RestartWindow window = new RestartWindow(1, TEN_SECONDS);
            window.add(0);
            assertThat(window.add(10 * SECOND + 1)).isTrue();
        }

        @Test
        void i3_the_window_slides_old_restarts_drop_out_as_new_ones_come() {
            RestartWindow window = new RestartWindow(2, TEN_SECONDS);
            assertThat(window.add(0)).isTrue();
            assertThat(window.add(6 * SECOND)).isTrue();
            assertThat(window.add(12 * SECOND)).as("0 s has left the window: 6 s, 12 s").isTrue();
            assertThat(window.add(16 * SECOND)).as("6 s, 12 s, 16 s are within 10 s").isFalse();
        }

        @Test
        void i6_unlike_otp_whole_seconds_restarts_more_than_a_period_apart_never_count_together() {
            RestartWindow window = new RestartWindow(1, Duration.ofSeconds(1));
            window.add(50_000_000L);                       // 0.05 s: OTP 25 sees second 0
            assertThat(window.add(1_550_000_000L))         // 1.55 s: OTP 25 sees second 1, and counts both
                    .as("1.5 s apart with period 1 s").isTrue();
        }

        @Test
        void the_clock_origin_does_not_matter_even_across_an_overflow_of_nano_time() {
            long beforeOverflow = Long.MAX_VALUE - SECOND / 2;
            RestartWindow window = new RestartWindow(1, TEN_SECONDS);
            window.add(beforeOverflow);
            assertThat(window.add(beforeOverflow + SECOND)).as("1 s later, past Long.MAX_VALUE").isFalse();

            RestartWindow other = new RestartWindow(1, TEN_SECONDS);
            other.add(beforeOverflow);
            assertThat(other.add(beforeOverflow + 11 * SECOND)).as("11 s later, past Long.MAX_VALUE").isTrue();
        }
    }
}
