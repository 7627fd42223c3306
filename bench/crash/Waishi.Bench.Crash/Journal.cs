using System.Text;

namespace Waishi.Bench.Crash;

/// <summary>
/// The client's record of what the server acknowledged: one tab-separated line per write, each
/// flushed to disk (fsync) before the next request, so that a line in the journal is a write the
/// server answered with success before the kill. Lines starting with <c>try</c> record what was sent
/// (for the all-or-nothing checks), whether or not it was acknowledged.
/// </summary>
public sealed class Journal : IDisposable
{
    private readonly FileStream file;
    private readonly Lock gate = new();

    public Journal(string path) =>
        file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 1, FileOptions.None);

    public int Acknowledged { get; private set; }

    public void Write(params object[] fields)
    {
        var line = Encoding.UTF8.GetBytes(string.Join('\t', fields) + "\n");
        lock (gate)
        {
            file.Write(line);
            file.Flush(flushToDisk: true);
            if (!fields[0].ToString()!.StartsWith("try", StringComparison.Ordinal))
            {
                Acknowledged++;
            }
        }
    }

    public static List<string[]> Read(string path) =>
        File.Exists(path)
            ? [.. File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => l.Split('\t'))]
            : [];

    public void Dispose() => file.Dispose();
}
