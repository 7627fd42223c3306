using System.Diagnostics;

namespace Waishi.Bench.Trips;

public sealed record LoadResult(long Count, double Seconds, double P50Ms, double P99Ms)
{
    public double PerSecond => Seconds > 0 ? Count / Seconds : 0;
}

/// <summary>Runs one operation from several concurrent workers, each starting the next call as
/// soon as its last one returned (a closed loop, like wrk), and measures every call.</summary>
public static class Load
{
    public static async Task<LoadResult> RunAsync(Func<CancellationToken, Task> operation, int workers, TimeSpan duration, CancellationToken ct = default)
    {
        var latencies = new List<long>[workers];
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = new List<long>(4096);
            while (clock.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                await operation(ct);
                mine.Add(Stopwatch.GetTimestamp() - start);
            }
        }, ct)).ToList();
        await Task.WhenAll(tasks);
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new LoadResult(all.Count, seconds, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private static double Percentile(List<long> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return 0;
        }
        var index = (int)Math.Ceiling(p * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)] * 1000.0 / Stopwatch.Frequency;
    }
}
