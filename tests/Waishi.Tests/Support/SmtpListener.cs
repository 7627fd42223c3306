using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Waishi.Tests.Support;

/// <summary>
/// A small SMTP server on 127.0.0.1 (random port) for tests: enough of RFC 5321 for a client
/// (EHLO/HELO, MAIL FROM, RCPT TO, DATA with dot-unstuffing, RSET, NOOP, QUIT). It records each
/// accepted message and can refuse messages with a 4xx reply after DATA (a given number, or a
/// fraction at random) and take its time over each message.
/// </summary>
public sealed partial class SmtpListener : IAsyncDisposable
{
    public sealed record Mail(string From, IReadOnlyList<string> Recipients, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body)
    {
        public string? Header(string name) =>
            Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

        public string? MessageId => Header("Message-ID");

        public string Subject => DecodeWords(Header("Subject") ?? "");
    }

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<Mail> _accepted = new();
    private readonly Task _acceptLoop;
    private int _refuseNext;
    private int _refused;

    public SmtpListener()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    /// <summary>Settings that point the app's SMTP delivery here.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = Port.ToString(),
        ["Smtp:Sender"] = "waishi@test.example",
    };

    public IReadOnlyList<Mail> Messages => [.. _accepted];

    /// <summary>Messages refused so far.</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>Refuse the next <paramref name="count"/> messages with 451.</summary>
    public void RefuseNext(int count) => Interlocked.Exchange(ref _refuseNext, count);

    /// <summary>Refuse this fraction of messages (0 to 1) at random.</summary>
    public double RefuseFraction { get; set; }

    /// <summary>Makes the random refusals repeatable (with <see cref="RefuseFraction"/>); they are
    /// answered with one of several transient 4xx replies.</summary>
    public int? Seed
    {
        set => _random = value is { } seed ? new Random(seed) : Random.Shared;
    }

    private Random _random = Random.Shared;

    private static readonly string[] TransientReplies =
    [
        "451 4.3.0 Try again later",
        "452 4.3.1 Insufficient system storage",
        "450 4.2.0 Mailbox busy, try again later",
    ];

    /// <summary>Accepted messages per Message-ID, as a mail store that drops copies would show them.</summary>
    public IReadOnlyDictionary<string, int> CopiesByMessageId =>
        Messages.GroupBy(m => m.MessageId ?? "").ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Pause before answering the end of DATA, so that a test can act while messages are in flight.</summary>
    public TimeSpan DelayPerMessage { get; set; }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 127.0.0.1 ESMTP test listener");
            string? from = null;
            var recipients = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-127.0.0.1 greets you");
                        await writer.WriteLineAsync("250 8BITMIME");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 127.0.0.1");
                        break;
                    case "MAIL":
                        from = Address(line);
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.1.0 OK");
                        break;
                    case "RCPT" when from is null:
                        await writer.WriteLineAsync("503 5.5.1 MAIL first");
                        break;
                    case "RCPT":
                        recipients.Add(Address(line));
                        await writer.WriteLineAsync("250 2.1.5 OK");
                        break;
                    case "DATA" when recipients.Count == 0:
                        await writer.WriteLineAsync("503 5.5.1 RCPT first");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = await ReadDataAsync(reader);
                        if (DelayPerMessage > TimeSpan.Zero)
                        {
                            await Task.Delay(DelayPerMessage, _stop.Token);
                        }
                        if (ShouldRefuse(out var reply))
                        {
                            Interlocked.Increment(ref _refused);
                            await writer.WriteLineAsync(reply);
                        }
                        else
                        {
                            _accepted.Enqueue(Parse(from!, recipients, data));
                            await writer.WriteLineAsync("250 2.0.0 Queued");
                        }
                        from = null;
                        recipients = [];
                        break;
                    case "RSET":
                        from = null;
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
            // the client went away mid-conversation
        }
    }

    private bool ShouldRefuse(out string reply)
    {
        reply = TransientReplies[0];
        while (true)
        {
            var left = Volatile.Read(ref _refuseNext);
            if (left <= 0)
            {
                if (RefuseFraction <= 0)
                {
                    return false;
                }
                lock (_random)
                {
                    reply = TransientReplies[_random.Next(TransientReplies.Length)];
                    return _random.NextDouble() < RefuseFraction;
                }
            }
            if (Interlocked.CompareExchange(ref _refuseNext, left - 1, left) == left)
            {
                return true;
            }
        }
    }

    private async Task<List<string>> ReadDataAsync(StreamReader reader)
    {
        var lines = new List<string>();
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            if (line == ".")
            {
                break;
            }
            lines.Add(line.StartsWith('.') ? line[1..] : line);
        }
        return lines;
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<');
        var end = line.IndexOf('>', Math.Max(start, 0));
        return start >= 0 && end > start ? line[(start + 1)..end] : line[(line.IndexOf(':') + 1)..].Trim();
    }

    private static Mail Parse(string from, List<string> recipients, List<string> lines)
    {
        var headers = new List<KeyValuePair<string, string>>();
        var i = 0;
        for (; i < lines.Count && lines[i].Length > 0; i++)
        {
            if ((lines[i][0] == ' ' || lines[i][0] == '\t') && headers.Count > 0)
            {
                var last = headers[^1];
                headers[^1] = new(last.Key, last.Value + " " + lines[i].Trim());
                continue;
            }
            var colon = lines[i].IndexOf(':');
            if (colon > 0)
            {
                headers.Add(new(lines[i][..colon].Trim(), lines[i][(colon + 1)..].Trim()));
            }
        }
        var body = string.Join("\r\n", lines.Skip(i + 1));
        var encoding = headers.FirstOrDefault(h => h.Key.Equals("Content-Transfer-Encoding", StringComparison.OrdinalIgnoreCase)).Value;
        if (string.Equals(encoding, "base64", StringComparison.OrdinalIgnoreCase))
        {
            body = Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c)))));
        }
        return new Mail(from, [.. recipients], headers, body);
    }

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=(\s+(?==\?))?")]
    private static partial Regex EncodedWord();

    /// <summary>Decodes RFC 2047 encoded words (B and Q), as clients write non-ASCII subjects.</summary>
    private static string DecodeWords(string value) => EncodedWord().Replace(value, m =>
    {
        var charset = Encoding.GetEncoding(m.Groups[1].Value);
        if (m.Groups[2].Value is "B" or "b")
        {
            return charset.GetString(Convert.FromBase64String(m.Groups[3].Value));
        }
        var text = m.Groups[3].Value.Replace('_', ' ');
        var bytes = new List<byte>();
        for (var k = 0; k < text.Length; k++)
        {
            if (text[k] == '=' && k + 2 < text.Length)
            {
                bytes.Add(Convert.ToByte(text.Substring(k + 1, 2), 16));
                k += 2;
            }
            else
            {
                bytes.Add((byte)text[k]);
            }
        }
        return charset.GetString([.. bytes]);
    });

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}
