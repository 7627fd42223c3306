namespace Waishi.Web.Platform.Notifications;

/// <summary>The points in the delivery of one message where an instance can die with a visible effect.</summary>
public enum DeliveryPoint
{
    /// <summary>The message is claimed; nothing of it is delivered yet.</summary>
    Claimed,
    /// <summary>The inbox item is committed; the e-mail is not sent yet.</summary>
    InboxWritten,
    /// <summary>The mail server accepted the e-mail; that it was sent is not recorded yet.</summary>
    EmailSent,
}

/// <summary>
/// A fault drill for the dispatcher: called at each <see cref="DeliveryPoint"/>, it may throw
/// <see cref="InstanceHaltedException"/> to stop the instance there as a kill -9 would. Nothing
/// registers one in production; the failure tests do.
/// </summary>
public interface IDeliveryDrill
{
    void At(DeliveryPoint point, Guid messageId);
}

/// <summary>Stops a dispatcher instance where it stands: it writes nothing more (no failure, no
/// release of its claim), so the database is left exactly as a killed process leaves it.</summary>
public sealed class InstanceHaltedException(DeliveryPoint point, Guid messageId)
    : Exception($"Dispatcher halted at {point} of message {messageId}.")
{
    public DeliveryPoint Point { get; } = point;
    public Guid MessageId { get; } = messageId;
}
