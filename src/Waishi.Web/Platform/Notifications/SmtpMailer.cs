using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;

namespace Waishi.Web.Platform.Notifications;

/// <summary>
/// Sends one outbox message by SMTP. The Message-ID header is derived from the outbox message id,
/// so a message that is sent again after a crash carries the same id and receivers can drop the copy.
/// </summary>
public sealed class SmtpMailer(IOptions<SmtpOptions> options, IOptions<NotificationOptions> notifications)
{
    public bool IsEnabled => options.Value.IsEnabled;

    /// <summary>The longest one SMTP conversation may take.</summary>
    public TimeSpan Timeout => TimeSpan.FromSeconds(Math.Max(1, options.Value.TimeoutSeconds));

    public static string MessageIdHeader(Guid messageId) => $"<{messageId:N}@waishi>";

    /// <summary>The message's link as the mail shows it: absolute when <c>Notifications:PublicBaseUrl</c> is set.</summary>
    private string? Link(string? link)
    {
        if (string.IsNullOrEmpty(link))
        {
            return null;
        }
        var root = notifications.Value.PublicBaseUrl;
        return Uri.TryCreate(root, UriKind.Absolute, out var baseUri) && link.StartsWith('/')
            ? new Uri(baseUri, link).ToString()
            : link;
    }

    public async Task SendAsync(OutboxMessage message, string to, CancellationToken ct)
    {
        var settings = options.Value;
        using var mail = new MailMessage
        {
            From = new MailAddress(settings.Sender),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = Link(message.Link) is { } link ? $"{message.Body}\r\n\r\n{link}" : message.Body,
            BodyEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };
        // Base64 keeps Chinese text intact through any relay, whatever it supports.
        mail.BodyTransferEncoding = System.Net.Mime.TransferEncoding.Base64;
        mail.To.Add(new MailAddress(to));
        mail.Headers.Add("Message-ID", MessageIdHeader(message.Id));

        using var client = new SmtpClient(settings.Host, settings.Port)
        {
            EnableSsl = settings.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = settings.TimeoutSeconds * 1000,
        };
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            client.Credentials = new NetworkCredential(settings.UserName, settings.Password);
        }
        // SmtpClient.Timeout only governs synchronous sends; bound the asynchronous one here so
        // that a silent server cannot hold the dispatcher (or its graceful stop) forever.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        await client.SendMailAsync(mail, timeout.Token);
    }
}
