using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Platform.Demo.Scale;

/// <summary>A member of staff as the generators need them: who, where, and their account.</summary>
public sealed record ScaleStaff(Guid Id, Guid UnitId, Guid UserId, string UserName, string NameZh, string? NameEn,
    CadreLevel Cadre, bool Classified, int Weight);

public sealed record ScaleUnit(Guid Id, string Code, OrgUnitKind Kind, Guid? ParentId, string NameZh = "", string NameEn = "");

/// <summary>A partner institution of a tenant (for the visits and conferences that name one).</summary>
public sealed record ScalePartner(Guid Id, string Name, string Country);

/// <summary>An account holding a role (the deciders of the approval steps).</summary>
public sealed record ScaleUser(Guid Id, string UserName, Guid? StaffId, string DisplayName);

/// <summary>One tenant of the generated city.</summary>
public sealed class ScaleTenant(Guid id, string code, TenantKind kind, string nameEn, string nameZh, string mailDomain)
{
    public Guid Id { get; } = id;
    public string Code { get; } = code;
    public TenantKind Kind { get; } = kind;
    public string NameEn { get; } = nameEn;
    public string NameZh { get; } = nameZh;
    public string MailDomain { get; } = mailDomain;
    public List<ScaleUnit> Units { get; } = [];
    public List<ScaleStaff> Staff { get; } = [];

    /// <summary>Staff by unit, for delegations drawn mostly from one unit.</summary>
    public Dictionary<Guid, List<ScaleStaff>> StaffByUnit { get; } = [];

    /// <summary>Holders of each tenant-wide role (officers, director, leader...).</summary>
    public Dictionary<string, List<ScaleUser>> RoleHolders { get; } = [];

    /// <summary>The unit head of each unit (and of its sub-units, through the tree).</summary>
    public Dictionary<Guid, ScaleUser> UnitHeads { get; } = [];

    /// <summary>The tenant's partner institutions, once the partners are generated.</summary>
    public List<ScalePartner> Partners { get; } = [];

    /// <summary>Staff weighted by how often they travel (professors more than office staff).</summary>
    public Weighted<ScaleStaff>? Travellers { get; set; }

    public ScaleUser Holder(string role, ScaleRandom random) =>
        RoleHolders.TryGetValue(role, out var list) && list.Count > 0 ? random.Pick(list)
            : throw new InvalidOperationException($"{Code} has no holder of {role}");

    /// <summary>The unit head for a unit: its own, else its parent's.</summary>
    public ScaleUser? HeadOf(Guid unitId)
    {
        for (Guid? u = unitId; u is { } id;)
        {
            if (UnitHeads.TryGetValue(id, out var head))
            {
                return head;
            }
            u = Units.FirstOrDefault(x => x.Id == id)?.ParentId;
        }
        return null;
    }
}

/// <summary>The generated city so far: the authority and the institutions.</summary>
public sealed class ScaleCity
{
    public ScaleTenant? Authority { get; set; }
    public List<ScaleTenant> Institutions { get; } = [];
}
