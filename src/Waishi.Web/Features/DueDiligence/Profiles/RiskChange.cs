using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.DueDiligence.Profiles;

/// <summary>
/// A reviewer's setting of a profile's risk level: it needs a one-line rationale and a source (one
/// of the profile's or a new one). The save is audited like every save; the caller moves the stamp.
/// </summary>
public sealed class RiskChange
{
    public RiskLevel? Level { get; set; }
    public string? Rationale { get; set; }
    /// <summary>An existing source of the profile.</summary>
    public Guid? SourceId { get; set; }
    public string? NewSourceTitle { get; set; }
    public string? NewSourceUrl { get; set; }
    public DateOnly? NewSourcePublishedOn { get; set; }
    public long Version { get; set; }

    public List<FieldError> Validate(InstitutionProfile profile)
    {
        var errors = new List<FieldError>();
        if (Level is null)
        {
            errors.Add(new(nameof(Level), "Choose a risk level."));
        }
        var rationale = Rationale?.Trim() ?? "";
        if (rationale.Length == 0)
        {
            errors.Add(new(nameof(Rationale), "Give the rationale of the risk level in one line."));
        }
        else if (rationale.Length > 500 || rationale.Contains('\n'))
        {
            errors.Add(new(nameof(Rationale), "Keep the rationale to one line of at most 500 characters."));
        }
        var hasNew = !string.IsNullOrWhiteSpace(NewSourceTitle) || !string.IsNullOrWhiteSpace(NewSourceUrl);
        if (SourceId is { } id && profile.Sources.All(s => s.Id != id))
        {
            errors.Add(new(nameof(SourceId), "Choose one of the profile's sources."));
        }
        else if (SourceId is null && !hasNew)
        {
            errors.Add(new(nameof(SourceId), "Name the source of the risk level: choose one of the profile's sources or add a new one."));
        }
        if (SourceId is null && hasNew)
        {
            if (string.IsNullOrWhiteSpace(NewSourceTitle))
            {
                errors.Add(new(nameof(NewSourceTitle), "Give the new source a title."));
            }
            if (!string.IsNullOrWhiteSpace(NewSourceUrl) && !Uri.TryCreate(NewSourceUrl.Trim(), UriKind.Absolute, out _))
            {
                errors.Add(new(nameof(NewSourceUrl), "Enter the source's address as a full URL (https://…)."));
            }
        }
        return errors;
    }

    /// <summary>Applies a validated change; returns the source that backs it.</summary>
    public ProfileSource ApplyTo(InstitutionProfile profile, string reviewer, DateOnly today)
    {
        var source = SourceId is { } id ? profile.Sources.Single(s => s.Id == id) : null;
        if (source is null)
        {
            source = new ProfileSource
            {
                TenantId = profile.TenantId, ProfileId = profile.Id, Title = NewSourceTitle!.Trim(), Url = NewSourceUrl?.Trim() is { Length: > 0 } url ? url : null,
                PublishedOn = NewSourcePublishedOn, SortOrder = profile.Sources.Count,
            };
            profile.Sources.Add(source);
        }
        profile.RiskLevel = Level!.Value;
        profile.RiskRationale = Rationale!.Trim();
        profile.RiskSourceId = source.Id;
        profile.LastReviewedOn = today;
        profile.ReviewerName = reviewer;
        return source;
    }
}
