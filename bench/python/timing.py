"""The Python side of bench/harness.ts's timeIt, shared by every peer script here."""
import time


def time_it(fn, min_seconds):
    """Median seconds per call over batches, the batch doubling until it takes 10 ms."""
    for _ in range(3):
        fn()
    samples = []
    n = 1
    start = time.perf_counter()
    while time.perf_counter() - start < min_seconds or len(samples) < 5:
        t0 = time.perf_counter()
        for _ in range(n):
            fn()
        dt = time.perf_counter() - t0
        samples.append(dt / n)
        if dt < 0.01:
            n *= 2
    samples.sort()
    return samples[len(samples) // 2]
