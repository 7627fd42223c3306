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

    /// <summary>
    /// Runs the operation in slices of five seconds, for at least thirty seconds and then until two
    /// slices in a row serve within 5% of each other, or <paramref name="limit"/> has passed: the
    /// runtime recompiles the hot code with its optimising compiler in bursts for tens of seconds
    /// under load (a page served 130 requests/s in the first five seconds, 140 for the next ten and
    /// 390 after thirty), and a fixed short warm-up measured that instead.
    /// Returns the rate of each slice, to be printed.
    /// </summary>
    public static async Task<List<double>> WarmAsync(Func<CancellationToken, Task> operation, int workers, TimeSpan limit, CancellationToken ct = default)
    {
        const int MinimumSlices = 6;
        var slice = TimeSpan.FromSeconds(5);
        var rates = new List<double>();
        var clock = Stopwatch.StartNew();
        do
        {
            rates.Add((await RunAsync(operation, workers, slice, ct)).PerSecond);
        }
        while (clock.Elapsed + slice <= limit
            && (rates.Count < MinimumSlices || Math.Abs(rates[^1] - rates[^2]) > 0.05 * Math.Max(rates[^1], rates[^2])));
        return rates;
    }

    /// <summary>"130, 240, 385, 390 req/s in 20 s": a warm-up's slices for the log.</summary>
    public static string Describe(List<double> rates) =>
        $"{string.Join(", ", rates.Select(r => r.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))} req/s in {rates.Count * 5} s";

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
