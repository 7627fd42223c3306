using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Trips;

/// <summary>
/// A tenant's values for the trip policy checks. A tenant without a row uses <see cref="Defaults"/>;
/// the policy page writes the row the first time it is saved.
/// </summary>
public sealed class TripPolicy : TenantEntity
{
    /// <summary>Applications are filed at least this many days before departure, or carry a justification.</summary>
    public int LeadTimeDays { get; set; } = 30;
    /// <summary>Trips a person may make per calendar year (counting submitted trips by departure year).</summary>
    public int TripsPerPersonPerYear { get; set; } = 2;
    /// <summary>A unit cannot file new trips while one of its members' passports is this many days overdue.</summary>
    public int UnitLockOverdueDays { get; set; } = 30;
    /// <summary>Working days (Monday to Friday) an approved trip stays on the public notice page before final approval.</summary>
    public int PublicityWorkingDays { get; set; } = 5;
    /// <summary>A trip report is due this many days after the return date.</summary>
    public int ReportDueDays { get; set; } = 20;
    /// <summary>A travel document checked out for a trip is due back this many days after the return date.</summary>
    public int DocumentReturnDays { get; set; } = 7;

    public List<TripTypeLimit> Limits { get; set; } = [];

    /// <summary>
    /// Default limits per trip type: 3 countries and 10 days for conferences, research cooperation
    /// and training; 2 regions and 5 days for Hong Kong/Macao and 1 region and 5 days for Taiwan;
    /// study visits 3 countries and 30 days; visiting scholars 2 countries and 365 days.
    /// </summary>
    public static (int Countries, int Days) DefaultLimit(TripType type) => type switch
    {
        TripType.HongKongMacao => (2, 5),
        TripType.Taiwan => (1, 5),
        TripType.StudyVisit => (3, 30),
        TripType.VisitingScholar => (2, 365),
        _ => (3, 10),
    };

    public static TripPolicy Defaults() => new()
    {
        Limits = [.. Enum.GetValues<TripType>().Select(t => new TripTypeLimit
        {
            Type = t, MaxCountries = DefaultLimit(t).Countries, MaxDays = DefaultLimit(t).Days,
        })],
    };

    public TripTypeLimit LimitFor(TripType type) =>
        Limits.FirstOrDefault(l => l.Type == type)
        ?? new TripTypeLimit { Type = type, MaxCountries = DefaultLimit(type).Countries, MaxDays = DefaultLimit(type).Days };

    /// <summary>The current tenant's policy, or the defaults when it has none yet (not tracked).</summary>
    public static async Task<TripPolicy> LoadAsync(AppDbContext db, CancellationToken ct = default) =>
        await db.Set<TripPolicy>().AsNoTracking().Include(p => p.Limits).FirstOrDefaultAsync(ct) ?? Defaults();
}

public sealed class TripTypeLimit : TenantEntity
{
    public Guid TripPolicyId { get; set; }
    public TripType Type { get; set; }
    public int MaxCountries { get; set; }
    public int MaxDays { get; set; }
}
