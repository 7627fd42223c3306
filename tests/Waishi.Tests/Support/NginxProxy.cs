using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Waishi.Tests.Support;

/// <summary>
/// nginx from the distribution, run as an ordinary process with the configuration the benchmark
/// script uses (bench/nginx/waishi.conf.template): a round-robin listener over two instances and
/// one listener pinned to each. Its files live in a temporary directory; Dispose stops it by pid
/// and removes them.
/// </summary>
public sealed class NginxProxy : IDisposable
{
    private readonly Process _process;
    private readonly string _prefix;

    /// <summary>Round robin over both instances.</summary>
    public string BalancedUrl { get; }
    public string PinnedToA { get; }
    public string PinnedToB { get; }

    private NginxProxy(Process process, string prefix, int port, int portA, int portB)
    {
        _process = process;
        _prefix = prefix;
        BalancedUrl = $"http://127.0.0.1:{port}";
        PinnedToA = $"http://127.0.0.1:{portA}";
        PinnedToB = $"http://127.0.0.1:{portB}";
    }

    /// <summary>The nginx binary (WAISHI_NGINX, or Debian's), or null when it is not installed.</summary>
    public static string? Executable =>
        new[] { Environment.GetEnvironmentVariable("WAISHI_NGINX"), "/usr/sbin/nginx", "/usr/bin/nginx" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));

    /// <summary>The lines of the access log: client, request, status and the upstream that answered.</summary>
    public string[] AccessLog => File.Exists(Path.Combine(_prefix, "access.log")) ? File.ReadAllLines(Path.Combine(_prefix, "access.log")) : [];

    public static async Task<NginxProxy> StartAsync(string instanceA, string instanceB)
    {
        var nginx = Executable ?? throw new InvalidOperationException("nginx is not installed (apt-get install nginx).");
        var prefix = Path.Combine(Path.GetTempPath(), "waishi-nginx-" + Guid.NewGuid().ToString("N")[..12]);
        // nginx started as root serves with an unprivileged worker, which must reach its temp paths.
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The nginx tests run on Linux.");
        }
        Directory.CreateDirectory(prefix, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var ports = FreePorts(3);
        var config = File.ReadAllText(Template())
            .Replace("@PREFIX@", prefix)
            .Replace("@INSTANCE_A@", instanceA)
            .Replace("@INSTANCE_B@", instanceB)
            .Replace("@PORT_A@", ports[1].ToString())
            .Replace("@PORT_B@", ports[2].ToString())
            .Replace("@PORT@", ports[0].ToString());
        var configPath = Path.Combine(prefix, "nginx.conf");
        File.WriteAllText(configPath, config);
        var start = new ProcessStartInfo(nginx)
        {
            ArgumentList = { "-p", prefix, "-c", configPath, "-e", Path.Combine(prefix, "error.log") },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        var proxy = new NginxProxy(process, prefix, ports[0], ports[1], ports[2]);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (process.HasExited)
            {
                var log = File.Exists(Path.Combine(prefix, "error.log")) ? File.ReadAllText(Path.Combine(prefix, "error.log")) : "";
                proxy.Dispose();
                throw new InvalidOperationException($"nginx stopped at start: {await process.StandardError.ReadToEndAsync()} {log}");
            }
            if (ports.All(Listening))
            {
                return proxy;
            }
            await Task.Delay(100);
        }
        proxy.Dispose();
        throw new InvalidOperationException("nginx did not listen within 10 s.");
    }

    /// <summary>The configuration template, found by walking up from the test binaries to the repository.</summary>
    private static string Template()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "bench", "nginx", "waishi.conf.template");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("bench/nginx/waishi.conf.template was not found above the test binaries.");
    }

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        listeners.ForEach(l => l.Stop());
        return ports;
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            // TERM lets the master stop its worker; a killed master would leave the worker listening.
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
            {
                kill.WaitForExit();
            }
            if (!_process.WaitForExit(10_000))
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_prefix, recursive: true);
        }
        catch (IOException)
        {
            // Removed with the temp directory later.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
