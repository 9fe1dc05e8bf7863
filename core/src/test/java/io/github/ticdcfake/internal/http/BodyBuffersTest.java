package io.github.ticdcfake.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyBuffersTest {
  private final BodyBuffers pool = new BodyBuffers();

  @Test
  void smallAnswersAreNotPooled() {
    pool.giveBack(new byte[1024]);

    assertThat(pool.borrow(1024)).isNull();
    assertThat(pool.idleBytes()).isZero();
  }

  @Test
  void aBufferGivenBackIsLentAgainOnlyOnce() {
    byte[] big = new byte[200_000];
    pool.giveBack(big);

    assertThat(pool.borrow(150_000)).isSameAs(big);
    assertThat(pool.borrow(150_000)).isNull();
  }

  @Test
  void aBorrowerGetsTheSmallestIdleBufferThatFits() {
    byte[] large = new byte[400_000];
    byte[] medium = new byte[200_000];
    pool.giveBack(large);
    pool.giveBack(medium);

    assertThat(pool.borrow(150_000)).isSameAs(medium);
    assertThat(pool.borrow(150_000)).isSameAs(large);
  }

  @Test
  void aBufferTooSmallForTheAnswerIsNotLent() {
    pool.giveBack(new byte[100_000]);

    assertThat(pool.borrow(300_000)).isNull();
  }

  @Test
  void atMostTwoBuffersAreKeptAndTheLargerOnesWin() {
    pool.giveBack(new byte[100_000]);
    pool.giveBack(new byte[200_000]);
    pool.giveBack(new byte[300_000]);

    assertThat(pool.idleBytes()).isEqualTo(500_000);
  }

  @Test
  void anOutsizedBufferIsNotKept() {
    pool.giveBack(new byte[BodyBuffers.MAX_POOLED + 1]);

    assertThat(pool.idleBytes()).isZero();
  }
}
