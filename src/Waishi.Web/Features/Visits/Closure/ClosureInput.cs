using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Visits.Closure;

/// <summary>Whether a member of the delegation came.</summary>
public sealed class MemberCame
{
    public Guid MemberId { get; set; }
    public bool Came { get; set; }
}

/// <summary>What the host records at closure (销签), from the page or the API, and the summary for the notice page.</summary>
public sealed class ClosureInput
{
    public DateOnly? ActualArrivalDate { get; set; }
    public DateOnly? ActualDepartureDate { get; set; }
    public List<MemberCame> Members { get; set; } = [];
    public string? ActualMembersNote { get; set; }
    public string? Report { get; set; }
    public string? SummaryTitle { get; set; }
    public string? SummaryText { get; set; }
    public long Version { get; set; }

    public List<FieldError> Validate(Visit visit)
    {
        var errors = new List<FieldError>();
        if (ActualArrivalDate is null)
        {
            errors.Add(new(nameof(ActualArrivalDate), "Enter the date the visitors actually arrived."));
        }
        if (ActualDepartureDate is null)
        {
            errors.Add(new(nameof(ActualDepartureDate), "Enter the date the visitors actually left."));
        }
        else if (ActualArrivalDate is { } from && ActualDepartureDate < from)
        {
            errors.Add(new(nameof(ActualDepartureDate), "The departure cannot be before the arrival."));
        }
        if (string.IsNullOrWhiteSpace(Report))
        {
            errors.Add(new(nameof(Report), "Describe what happened during the visit."));
        }
        else if (Report.Length > 8000)
        {
            errors.Add(new(nameof(Report), "Shorten the report to at most {0} characters.", 8000));
        }
        if (ActualMembersNote?.Length > 2000)
        {
            errors.Add(new(nameof(ActualMembersNote), "Shorten the note to at most {0} characters.", 2000));
        }
        if (Members.Any(m => visit.Members.All(x => x.Id != m.MemberId)))
        {
            errors.Add(new(nameof(Members), "A member who came is not a member of this delegation."));
        }
        if (!Members.Any(m => m.Came) && string.IsNullOrWhiteSpace(ActualMembersNote))
        {
            errors.Add(new(nameof(Members), "Tick the members who came, or say in the note who came instead."));
        }
        if (!string.IsNullOrWhiteSpace(SummaryText) && string.IsNullOrWhiteSpace(SummaryTitle))
        {
            errors.Add(new(nameof(SummaryTitle), "Give the summary a title."));
        }
        if (SummaryTitle?.Length > 200)
        {
            errors.Add(new(nameof(SummaryTitle), "Shorten the title to at most {0} characters.", 200));
        }
        if (SummaryText?.Length > 8000)
        {
            errors.Add(new(nameof(SummaryText), "Shorten the summary to at most {0} characters.", 8000));
        }
        return errors;
    }

    /// <summary>Writes the closure onto the visit (with its members loaded) and closes it. A changed
    /// summary is taken off the notice page until it is published again.</summary>
    public void Apply(Visit visit, Guid userId, DateTime now)
    {
        visit.ActualArrivalDate = ActualArrivalDate;
        visit.ActualDepartureDate = ActualDepartureDate;
        visit.ActualMembersNote = Blank(ActualMembersNote);
        visit.ClosureReport = Report!.Trim();
        foreach (var member in visit.Members)
        {
            member.Came = Members.Any(m => m.MemberId == member.Id && m.Came);
        }
        var title = Blank(SummaryTitle);
        var text = Blank(SummaryText);
        if (title != visit.SummaryTitle || text != visit.SummaryText)
        {
            visit.SummaryPublished = false;
            visit.SummaryPublishedUtc = null;
        }
        visit.SummaryTitle = title;
        visit.SummaryText = text;
        if (visit.State != VisitState.Closed)
        {
            visit.State = VisitState.Closed;
            visit.ClosedUtc = now;
            visit.ClosedByUserId = userId;
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
