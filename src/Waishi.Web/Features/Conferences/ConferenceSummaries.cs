using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Conferences;

/// <summary>What the organisers record after the conference (会后总结): how many came, from where, and what came of it.</summary>
public sealed class SummaryInput
{
    public long Version { get; set; }
    public int? ActualParticipants { get; set; }
    public List<ConferenceInput.CountryRow>? Countries { get; set; }
    public string? Outcomes { get; set; }

    public static SummaryInput From(Conference c) => new()
    {
        Version = c.Version, ActualParticipants = c.ActualParticipants, Outcomes = c.Outcomes,
        Countries = [.. c.ActualByCountry.Select(x => new ConferenceInput.CountryRow { CountryCode = x.CountryCode, Count = x.Count })],
    };
}

/// <summary>The summary's rules, its due date and the reminder points (the due date, then weekly).</summary>
public static class ConferenceSummaries
{
    public static List<FieldError> Validate(SummaryInput input)
    {
        var errors = new List<FieldError>();
        if (input.ActualParticipants is not { } total || total < 0 || total > 1_000_000)
        {
            errors.Add(new(nameof(SummaryInput.ActualParticipants), "Enter how many people took part, 0 or more."));
        }
        input.Countries = ConferenceInput.CountryRows(errors, nameof(SummaryInput.Countries), input.Countries);
        if (input.ActualParticipants is { } all && input.Countries.Sum(c => c.Count ?? 0) > all)
        {
            errors.Add(new(nameof(SummaryInput.Countries), "The participants by country add up to {0}, more than the {1} who took part.",
                input.Countries.Sum(c => c.Count ?? 0), all));
        }
        if (string.IsNullOrWhiteSpace(input.Outcomes))
        {
            errors.Add(new(nameof(SummaryInput.Outcomes), "Describe the outcomes of the conference."));
        }
        ConferenceInput.Check(errors, nameof(SummaryInput.Outcomes), input.Outcomes, 4000);
        return errors;
    }

    /// <summary>Records the summary on a tracked conference, replacing the actual rows. The caller saves.</summary>
    public static void Apply(AppDbContext db, Conference c, SummaryInput input, DateTime nowUtc)
    {
        var old = c.Countries.Where(x => x.Actual).ToList();
        db.RemoveRange(old);
        var rows = (input.Countries ?? []).Select((r, i) => new ConferenceCountry
        {
            ConferenceId = c.Id, Actual = true, CountryCode = r.CountryCode!, Count = r.Count!.Value, SortOrder = i,
        }).ToList();
        c.Countries = [.. c.Countries.Where(x => !x.Actual), .. rows];
        db.AddRange(rows);
        c.ActualParticipants = input.ActualParticipants;
        c.Outcomes = input.Outcomes!.Trim();
        c.SummarySubmittedUtc ??= nowUtc;
        db.Entry(c).Property(x => x.Version).IsModified = true;
    }

    /// <summary>Approved conferences whose summary is past its due date and not recorded.</summary>
    public static IQueryable<Conference> Overdue(IQueryable<Conference> query, ConferencePolicy policy, DateOnly today)
    {
        var endedBefore = today.AddDays(-policy.SummaryDueDays);
        return query.Where(c => c.State == ConferenceState.Approved && c.SummarySubmittedUtc == null && c.EndDate < endedBefore);
    }

    public static int DaysOverdue(DateOnly due, DateOnly today) => Math.Max(0, today.DayNumber - due.DayNumber);

    /// <summary>The latest reminder point on or before <paramref name="today"/>: the due date, then every 7 days.</summary>
    public static DateOnly? LatestReminder(DateOnly due, DateOnly today)
    {
        if (today < due)
        {
            return null;
        }
        var weeks = (today.DayNumber - due.DayNumber) / 7;
        return due.AddDays(weeks * 7);
    }
}
