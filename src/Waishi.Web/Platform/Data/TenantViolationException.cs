namespace Waishi.Web.Platform.Data;

/// <summary>Raised when a write would cross a tenant boundary. Never shown to users as such: the
/// request answers 404 or 400.</summary>
public sealed class TenantViolationException(string message) : InvalidOperationException(message);
