namespace Waishi.Web.Platform.Notifications;

/// <summary>Configuration section "Smtp". E-mail delivery is off while <see cref="Host"/> is empty.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    /// <summary>The From address, e.g. "Waishi &lt;waishi@example.edu.cn&gt;".</summary>
    public string Sender { get; set; } = "waishi@localhost";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public bool EnableSsl { get; set; }
    /// <summary>How long one SMTP conversation may take.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>Configuration section "Notifications": the outbox dispatcher.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Run the dispatcher in this instance.</summary>
    public bool DispatcherEnabled { get; set; } = true;
    /// <summary>Pause between looks at the outbox when it was empty.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>Messages claimed at once.</summary>
    public int BatchSize { get; set; } = 20;
    /// <summary>How long a claim holds; a crashed instance's messages are taken again after it.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>Wait after the first failed attempt; doubled after each further failure.</summary>
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Longest wait between two attempts.</summary>
    public TimeSpan RetryMax { get; set; } = TimeSpan.FromHours(6);
    /// <summary>A message is marked dead after this many failed attempts.</summary>
    public int MaxAttempts { get; set; } = 8;
    /// <summary>Delivered messages are deleted from the outbox after this many days (housekeeping job).</summary>
    public int KeepDeliveredDays { get; set; } = 30;
    /// <summary>Address of the site as users reach it (e.g. https://waishi.example.edu.cn), so that
    /// e-mails carry full links; without it they carry the path only.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The wait before the next attempt after <paramref name="failedAttempts"/> failures (1, 2, …).</summary>
    public TimeSpan BackOff(int failedAttempts)
    {
        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var ticks = RetryBase.Ticks * Math.Pow(2, exponent);
        return ticks >= RetryMax.Ticks ? RetryMax : TimeSpan.FromTicks((long)ticks);
    }
}
