using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Ewp;

namespace Waishi.Web.Features.Agreements.Mobilities;

/// <summary>A mobility entered by hand, on the form and in the API body.</summary>
public sealed class MobilityInput
{
    public Guid? PartnerId { get; set; }
    public MobilityDirection? Direction { get; set; }
    public MobilityKind? Kind { get; set; }
    /// <summary>The start year of the academic year (2026 for 2026/2027).</summary>
    public int? Year { get; set; }
    public string? PersonName { get; set; }
    public DateOnly? StartOn { get; set; }
    public DateOnly? EndOn { get; set; }
    public string? Notes { get; set; }

    /// <summary>Checks the input against the agreement (tracked, with its parties); each error names the field and the fix.</summary>
    public List<FieldError> Validate(Agreement agreement)
    {
        var errors = new List<FieldError>();
        PersonName = PersonName?.Trim();
        Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim();
        if (!agreement.IsInForce)
        {
            errors.Add(new FieldError("", "Mobilities can be recorded only under an agreement in force (active or expiring)."));
        }
        if (PartnerId is null)
        {
            errors.Add(new FieldError(nameof(PartnerId), "Choose the partner the mobility goes to or comes from."));
        }
        else if (!agreement.Parties.Any(p => p.PartnerId == PartnerId))
        {
            errors.Add(new FieldError(nameof(PartnerId), "The partner must be one of the agreement's parties."));
        }
        if (Direction is null || !Enum.IsDefined(Direction.Value))
        {
            errors.Add(new FieldError(nameof(Direction), "Choose the direction: outgoing or incoming."));
        }
        if (Kind is null || !Enum.IsDefined(Kind.Value))
        {
            errors.Add(new FieldError(nameof(Kind), "Choose the kind of mobility."));
        }
        if (Year is null || Year < 2000 || Year > 2100)
        {
            errors.Add(new FieldError(nameof(Year), "Enter the academic year as its start year, from 2000 to 2100 (2026 for 2026/2027)."));
        }
        if (string.IsNullOrEmpty(PersonName))
        {
            errors.Add(new FieldError(nameof(PersonName), "Enter the name of the person who goes or comes."));
        }
        else if (PersonName.Length > 200)
        {
            errors.Add(new FieldError(nameof(PersonName), "The name can have at most 200 characters."));
        }
        if (StartOn is { } start && EndOn is { } end && end < start)
        {
            errors.Add(new FieldError(nameof(EndOn), "The end date cannot be before the start date."));
        }
        if (Notes?.Length > 1000)
        {
            errors.Add(new FieldError(nameof(Notes), "The notes can have at most 1000 characters."));
        }
        return errors;
    }

    /// <summary>The new mobility; a recent one also clears the agreement's dormant flag at once.</summary>
    public AgreementMobility Create(Agreement agreement, AgreementPolicy policy, DateOnly today, DateTime nowUtc, Guid userId)
    {
        var mobility = new AgreementMobility
        {
            AgreementId = agreement.Id, PartnerId = PartnerId!.Value, Direction = Direction!.Value, Kind = Kind!.Value, Year = Year!.Value,
            PersonName = PersonName!, StartOn = StartOn, EndOn = EndOn, Notes = Notes, RecordedUtc = nowUtc, RecordedByUserId = userId,
        };
        if (agreement.Dormant && (StartOn ?? today) >= AgreementLifecycle.DormantCutoff(policy, today))
        {
            agreement.Dormant = false;
        }
        return mobility;
    }

    /// <summary>The agreement with its parties, tracked, for recording a mobility under it.</summary>
    public static Task<Agreement?> LoadAgreementAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        db.Set<Agreement>().Include(a => a.Parties).SingleOrDefaultAsync(a => a.Id == id, ct);
}
