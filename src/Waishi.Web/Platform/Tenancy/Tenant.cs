using Waishi.Web.Platform.Data;

namespace Waishi.Web.Platform.Tenancy;

public enum TenantKind
{
    /// <summary>The municipal Foreign Affairs Office: approves what institutions route to it.</summary>
    Authority,
    /// <summary>A university or other institution.</summary>
    Institution,
}

public sealed class Tenant : Entity
{
    public required string Code { get; set; }
    public required string NameEn { get; set; }
    public required string NameZh { get; set; }
    public TenantKind Kind { get; set; }
    public string? AddressEn { get; set; }
    public string? AddressZh { get; set; }
    public string? Phone { get; set; }
    public string? Fax { get; set; }
    public string? Website { get; set; }
    public bool IsActive { get; set; } = true;

    public string Name(bool chinese) => chinese ? NameZh : NameEn;
}
