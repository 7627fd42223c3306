using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Agreements;

/// <summary>
/// The seam of due diligence: a screening of an agreement's partners. A hit brings the security
/// officer's step of the agreement chains into the review; an open hit of a party stops the final
/// approval and the signing. None is registered until the due diligence module adds one.
/// </summary>
public interface IAgreementScreening
{
    /// <summary>Whether the security step applies: a party has an open or a true-match hit.</summary>
    Task<bool> HitAsync(Agreement agreement, CancellationToken ct);

    /// <summary>The first open hit of a party (<see cref="Agreement.Parties"/> loaded), or null.</summary>
    Task<OpenPartyHit?> OpenHitAsync(Agreement agreement, CancellationToken ct);
}

/// <summary>A party's hit that nobody decided yet, with where to decide it.</summary>
public sealed record OpenPartyHit(Guid PartnerId, string PartnerName, string ReviewLink);

/// <summary>What became of an action: done, refused with field errors, refused because the
/// agreement is not in a state for it (or was changed meanwhile), or not found.</summary>
public sealed record AgreementOutcome(AgreementOutcome.Kinds Kind, IReadOnlyList<FieldError> Errors, Guid? Id = null)
{
    public enum Kinds { Done, Invalid, Conflict, Stale, NotFound, Forbidden }

    public bool Done => Kind == Kinds.Done;
    public string? Message => Errors.FirstOrDefault()?.Message;

    public static AgreementOutcome Ok(Guid id) => new(Kinds.Done, [], id);
    public static AgreementOutcome Invalid(List<FieldError> errors) => new(Kinds.Invalid, errors);
    public static AgreementOutcome Conflict(string message, params object[] arguments) => new(Kinds.Conflict, [new FieldError("", message, arguments)]);
    public static readonly AgreementOutcome Stale = new(Kinds.Stale, [StaleEdit.Error]);
    public static readonly AgreementOutcome NotFound = new(Kinds.NotFound, []);
}

public sealed record SigningInput(DateOnly? SignedOn, DateOnly? EffectiveOn, long Version);

public sealed record TerminationInput(DateOnly? TerminatedOn, string? Reason, long Version);
