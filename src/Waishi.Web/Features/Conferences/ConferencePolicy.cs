using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Conferences;

/// <summary>
/// A tenant's values for conference applications and plans. A tenant without a row uses the
/// defaults of the properties; the policy page writes the row the first time it is saved.
/// </summary>
public sealed class ConferencePolicy : TenantEntity
{
    /// <summary>Applications are filed at least this many months before the start, or carry a justification.</summary>
    public int LeadMonths { get; set; } = 4;
    /// <summary>The lead time when a foreign NGO takes part.</summary>
    public int LeadMonthsWithNgo { get; set; } = 8;
    /// <summary>The city approves conferences of at least this many participants.</summary>
    public int CityTotalThreshold { get; set; } = 200;
    /// <summary>The city approves conferences with at least this many foreign participants.</summary>
    public int CityForeignThreshold { get; set; } = 50;
    /// <summary>Comma-separated words: a title or topic containing one of them goes to the city.</summary>
    public string SensitiveKeywords { get; set; } = DefaultKeywords;
    /// <summary>Month (1-12) by the end of which units hand in next year's conference plan.</summary>
    public int PlanDueMonth { get; set; } = 11;
    /// <summary>Month in which units without a plan for next year are reminded.</summary>
    public int PlanReminderMonth { get; set; } = 10;
    /// <summary>The summary is due this many days after the last day of the conference.</summary>
    public int SummaryDueDays { get; set; } = 30;

    public const string DefaultKeywords = "Taiwan,Tibet,Xinjiang,religion,human rights,military,national security";

    public IReadOnlyList<string> Keywords =>
        [.. SensitiveKeywords.Split([',', '，', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>The current tenant's policy, or the defaults when it has none yet (not tracked).</summary>
    public static async Task<ConferencePolicy> LoadAsync(AppDbContext db, CancellationToken ct = default) =>
        await db.Set<ConferencePolicy>().AsNoTracking().FirstOrDefaultAsync(ct) ?? new ConferencePolicy();

    public static async Task<ConferencePolicy> ForTenantAsync(AppDbContext db, Guid tenantId, CancellationToken ct = default) =>
        await db.Set<ConferencePolicy>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(p => p.TenantId == tenantId, ct)
        ?? new ConferencePolicy();

    public List<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        Range(errors, nameof(LeadMonths), "Lead time (months)", LeadMonths, 0, 24);
        Range(errors, nameof(LeadMonthsWithNgo), "Lead time with a foreign NGO (months)", LeadMonthsWithNgo, 0, 24);
        Range(errors, nameof(CityTotalThreshold), "City approval from (participants)", CityTotalThreshold, 1, 1_000_000);
        Range(errors, nameof(CityForeignThreshold), "City approval from (foreign participants)", CityForeignThreshold, 1, 1_000_000);
        Range(errors, nameof(PlanDueMonth), "Plans due by the end of (month)", PlanDueMonth, 1, 12);
        Range(errors, nameof(PlanReminderMonth), "Plan reminder in (month)", PlanReminderMonth, 1, 12);
        Range(errors, nameof(SummaryDueDays), "Summary due (days after the end)", SummaryDueDays, 1, 365);
        if (SensitiveKeywords.Length > 2000)
        {
            errors.Add(new(nameof(SensitiveKeywords), "Shorten this to at most {0} characters.", 2000));
        }
        return errors;
    }

    private static void Range(List<FieldError> errors, string field, string label, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add(new(field, "{0} must be between {1} and {2}; it is {3}.", label, min, max, value));
        }
    }
}

internal sealed class ConferencePolicyConfiguration : IEntityTypeConfiguration<ConferencePolicy>
{
    public void Configure(EntityTypeBuilder<ConferencePolicy> b)
    {
        b.Property(p => p.SensitiveKeywords).HasMaxLength(2000);
        b.HasIndex(p => p.TenantId).IsUnique();
        b.Ignore(p => p.Keywords);
    }
}
