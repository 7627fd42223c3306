namespace Waishi.Web.Platform.Tenancy;

/// <summary>
/// The tenant the current request (or command) acts for. Scoped: one per request. The data layer
/// filters every read of tenant-owned rows by it and refuses writes into another tenant.
/// </summary>
public sealed class TenantContext
{
    public Guid? TenantId { get; private set; }
    public TenantKind? Kind { get; private set; }

    /// <summary>True only for system work that spans tenants (start-up, command line, jobs,
    /// sign-in lookups). Never set from request input.</summary>
    public bool IsSystem { get; private set; }

    public bool IsAuthority => Kind == TenantKind.Authority;

    public void Set(Guid tenantId, TenantKind kind)
    {
        TenantId = tenantId;
        Kind = kind;
        IsSystem = false;
    }

    /// <summary>Runs the caller with tenant filters lifted until the returned scope is disposed.</summary>
    public IDisposable AsSystem()
    {
        var previous = IsSystem;
        IsSystem = true;
        return new Restore(() => IsSystem = previous);
    }

    private sealed class Restore(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
