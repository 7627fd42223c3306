namespace Waishi.Web.Platform.Demo.Scale;

/// <summary>
/// A seeded random stream with the helpers the generators need. <see cref="System.Random"/> with a
/// seed uses a fixed algorithm, so the same seed gives the same sequence on every run and machine.
/// </summary>
public sealed class ScaleRandom(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>The stream of one generator: the city seed mixed with a stable hash of its name.</summary>
    public static ScaleRandom For(int seed, string name)
    {
        var h = 17;
        foreach (var c in name)
        {
            h = unchecked(h * 31 + c);
        }
        return new ScaleRandom(unchecked(seed * 1_000_003 + h) & int.MaxValue);
    }

    /// <summary>The underlying generator, for helpers that take a <see cref="System.Random"/>.</summary>
    public Random Raw => _random;

    public int Next(int max) => _random.Next(max);

    public int Next(int min, int max) => _random.Next(min, max);

    public double NextDouble() => _random.NextDouble();

    public bool Chance(double p) => _random.NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>An item chosen with the given weights (precomputed by <see cref="Weighted{T}"/>).</summary>
    public T Pick<T>(Weighted<T> weighted) => weighted.Pick(_random.NextDouble());

    /// <summary>An id shaped like the app's (UUID version 7: the time in its first 48 bits, then
    /// random bits), with the time given and the random bits from this stream.</summary>
    public Guid NextId(DateTime at)
    {
        Span<byte> b = stackalloc byte[16];
        _random.NextBytes(b[6..]);
        var ms = (ulong)Math.Max(0, (at - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerMillisecond);
        b[0] = (byte)(ms >> 40);
        b[1] = (byte)(ms >> 32);
        b[2] = (byte)(ms >> 24);
        b[3] = (byte)(ms >> 16);
        b[4] = (byte)(ms >> 8);
        b[5] = (byte)ms;
        b[6] = (byte)(0x70 | (b[6] & 0x0F));
        b[8] = (byte)(0x80 | (b[8] & 0x3F));
        return new Guid(b, bigEndian: true);
    }
}

/// <summary>Items with weights, for picking in proportion.</summary>
public sealed class Weighted<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public Weighted(IEnumerable<(T Item, double Weight)> items)
    {
        var list = items.Where(i => i.Weight > 0).ToList();
        _items = [.. list.Select(i => i.Item)];
        _cumulative = new double[list.Count];
        var total = list.Sum(i => i.Weight);
        var sum = 0.0;
        for (var i = 0; i < list.Count; i++)
        {
            sum += list[i].Weight / total;
            _cumulative[i] = sum;
        }
    }

    public IReadOnlyList<T> Items => _items;

    public T Pick(double u)
    {
        var i = Array.BinarySearch(_cumulative, u);
        i = i < 0 ? ~i : i;
        return _items[Math.Min(i, _items.Length - 1)];
    }
}
