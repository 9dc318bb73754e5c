package dev.ariadne.tracegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class RetryTest {
  @Test
  void retriesWhatAReceiverRefusesForNowNotWhatItRefusesForGood() {
    assertTrue(Retry.isRetryable(Status.UNAVAILABLE.asRuntimeException()));
    assertTrue(Retry.isRetryable(new CompletionException(Status.RESOURCE_EXHAUSTED.asRuntimeException())));
    assertFalse(Retry.isRetryable(Status.INVALID_ARGUMENT.asRuntimeException()));
    assertTrue(Retry.isRetryable(new HttpSender.RefusedException(503, "busy")));
    assertTrue(Retry.isRetryable(new CompletionException(new HttpSender.RefusedException(429, "slow down"))));
    assertFalse(Retry.isRetryable(new HttpSender.RefusedException(400, "bad")));
    assertFalse(Retry.isRetryable(new HttpSender.RefusedException(413, "too large")));
  }

  @Test
  void backsOffExponentiallyUpToASecond() {
    assertEquals(10, Retry.backoffMillis(2));
    assertEquals(20, Retry.backoffMillis(3));
    assertEquals(640, Retry.backoffMillis(8));
    assertEquals(1_000, Retry.backoffMillis(9));
  }
}
