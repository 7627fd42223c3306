using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Trips;

/// <summary>Kinds of outbound official trip; each has its own country and day limits in <see cref="TripPolicy"/>.</summary>
public enum TripType
{
    Conference,
    ResearchCooperation,
    Training,
    VisitingScholar,
    StudyVisit,
    HongKongMacao,
    Taiwan,
}

/// <summary>Where an application stands. <see cref="Submitted"/> is in review on its approval chain;
/// once the chain approves, the trip is in <see cref="Publicity"/> (公示) until the notice period
/// ends without objection, and only then <see cref="Approved"/>.</summary>
public enum TripState
{
    Draft,
    Submitted,
    Returned,
    Publicity,
    Approved,
    Rejected,
    Withdrawn,
}

public enum DelegationRole
{
    Leader,
    Member,
    Interpreter,
    Secretary,
}

public enum BudgetCategory
{
    InternationalTravel,
    Accommodation,
    Meals,
    LocalTransport,
    RegistrationFees,
    VisaFees,
    Insurance,
    Other,
}

/// <summary>
/// An application for an outbound official trip (因公出国(境)). The applicant is a staff member; the
/// filing user may be someone else (a unit secretary files for members of her unit). The unit is
/// the applicant's unit at filing time and decides who reviews the trip.
/// </summary>
public sealed class Trip : TenantEntity
{
    public Guid ApplicantId { get; set; }
    public Guid FiledByUserId { get; set; }
    public Guid UnitId { get; set; }
    public TripType Type { get; set; }
    public TripState State { get; set; }
    public string Title { get; set; } = "";
    public string? Purpose { get; set; }
    public string? Tasks { get; set; }
    public string? InvitingOrganisation { get; set; }
    /// <summary>The partner institution behind the inviting organisation, once partners exist.</summary>
    public Guid? PartnerId { get; set; }
    public DateOnly? DepartureDate { get; set; }
    public DateOnly? ReturnDate { get; set; }
    public string? FundingSource { get; set; }
    public string? LateJustification { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? SubmittedUtc { get; set; }
    /// <summary>The approval case of the application (the latest, after a withdrawal and new filing).</summary>
    public Guid? CaseId { get; set; }
    /// <summary>Filing number within the tenant and year ("2026-0042"), given at first submission.</summary>
    public string? Number { get; set; }
    /// <summary>Last day of the public notice period, inclusive; set when the chain approves.</summary>
    public DateOnly? PublicityEndsOn { get; set; }
    public DateTime? ApprovedUtc { get; set; }
    /// <summary>Why the trip was withdrawn (an objection during publicity, a cancelled trip).</summary>
    public string? WithdrawnReason { get; set; }
    public Guid? PlanItemId { get; set; }

    public List<TripMember> Members { get; set; } = [];
    public List<TripDestination> Destinations { get; set; } = [];
    public List<TripItineraryDay> Itinerary { get; set; } = [];
    public List<TripBudgetLine> Budget { get; set; } = [];

    /// <summary>States in which the trip counts as going ahead (limits per person, documents, reports).</summary>
    public static readonly TripState[] Live = [TripState.Submitted, TripState.Returned, TripState.Publicity, TripState.Approved];

    /// <summary>Days abroad, counting the departure and the return day.</summary>
    public int? Days => DepartureDate is { } d && ReturnDate is { } r ? r.DayNumber - d.DayNumber + 1 : null;
}

public sealed class TripMember : TenantEntity
{
    public Guid TripId { get; set; }
    public Guid StaffMemberId { get; set; }
    public DelegationRole Role { get; set; }
    public int SortOrder { get; set; }
}

public sealed class TripDestination : TenantEntity
{
    public Guid TripId { get; set; }
    /// <summary>ISO 3166-1 alpha-2 code; HK, MO and TW for the regions.</summary>
    public string CountryCode { get; set; } = "";
    public string City { get; set; } = "";
    public int SortOrder { get; set; }
}

public sealed class TripItineraryDay : TenantEntity
{
    public Guid TripId { get; set; }
    public DateOnly Date { get; set; }
    public string City { get; set; } = "";
    public string Activity { get; set; } = "";
    public int SortOrder { get; set; }
}

public sealed class TripBudgetLine : TenantEntity
{
    public Guid TripId { get; set; }
    public BudgetCategory Category { get; set; }
    /// <summary>Amount in CNY.</summary>
    public decimal Amount { get; set; }
    public string? Note { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>The invitation letter of a trip: at most one, kept in the database with its bytes.</summary>
public sealed class TripLetter : TenantEntity
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public static readonly IReadOnlyDictionary<string, string> AllowedTypes = new Dictionary<string, string>
    {
        ["application/pdf"] = ".pdf", ["image/jpeg"] = ".jpg", ["image/png"] = ".png",
    };

    public Guid TripId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public byte[] Content { get; set; } = [];
    public DateTime UploadedUtc { get; set; }
}
