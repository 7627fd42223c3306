using System.Text.Json;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Trips;

public enum AmendmentState
{
    InReview,
    Returned,
    Approved,
    Rejected,
}

/// <summary>The parts of an approved trip an amendment may change, as one value.</summary>
public sealed record TripTerms(DateOnly? DepartureDate, DateOnly? ReturnDate, IReadOnlyList<TripTerms.Place> Destinations,
    IReadOnlyList<TripTerms.Person> Members)
{
    public sealed record Place(string CountryCode, string City);
    public sealed record Person(Guid StaffMemberId, DelegationRole Role);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static TripTerms Of(Trip trip) => new(trip.DepartureDate, trip.ReturnDate,
        [.. trip.Destinations.OrderBy(d => d.SortOrder).Select(d => new Place(d.CountryCode, d.City))],
        [.. trip.Members.OrderBy(m => m.SortOrder).Select(m => new Person(m.StaffMemberId, m.Role))]);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static TripTerms FromJson(string json) => JsonSerializer.Deserialize<TripTerms>(json, Json)!;

    public bool SameAs(TripTerms other) =>
        DepartureDate == other.DepartureDate && ReturnDate == other.ReturnDate
        && Destinations.SequenceEqual(other.Destinations) && Members.SequenceEqual(other.Members);

    /// <summary>Replaces the trip's dates, destinations and members with these (new rows are added to
    /// <paramref name="db"/> explicitly, since they carry their keys already).</summary>
    public void ApplyTo(Trip trip, AppDbContext db)
    {
        trip.DepartureDate = DepartureDate;
        trip.ReturnDate = ReturnDate;
        db.RemoveRange(trip.Destinations);
        db.RemoveRange(trip.Members);
        trip.Destinations = [.. Destinations.Select((d, i) => new TripDestination
        {
            TenantId = trip.TenantId, TripId = trip.Id, CountryCode = d.CountryCode, City = d.City, SortOrder = i,
        })];
        trip.Members = [.. Members.Select((m, i) => new TripMember
        {
            TenantId = trip.TenantId, TripId = trip.Id, StaffMemberId = m.StaffMemberId, Role = m.Role, SortOrder = i,
        })];
        db.AddRange(trip.Destinations);
        db.AddRange(trip.Members);
    }
}

/// <summary>
/// A change of dates, destinations or members of an approved trip. It goes through its own
/// approval chain; the trip keeps its approved terms until the amendment is approved, and both
/// versions stay readable (<see cref="Before"/> and <see cref="After"/>).
/// </summary>
public sealed class TripAmendment : TenantEntity
{
    public Guid TripId { get; set; }
    /// <summary>1 for the trip's first amendment, and so on.</summary>
    public int Sequence { get; set; }
    public AmendmentState State { get; set; }
    public string Reason { get; set; } = "";
    public Guid? CaseId { get; set; }
    public Guid RequestedByUserId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? DecidedUtc { get; set; }
    /// <summary>The trip's terms when the amendment was filed (JSON of <see cref="TripTerms"/>).</summary>
    public string Before { get; set; } = "";
    /// <summary>The terms asked for.</summary>
    public string After { get; set; } = "";

    public bool IsOpen => State is AmendmentState.InReview or AmendmentState.Returned;
}
