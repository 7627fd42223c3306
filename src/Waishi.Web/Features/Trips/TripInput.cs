using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Trips;

/// <summary>What the trip form and the API post. Blank rows are ignored.</summary>
public sealed class TripInput
{
    public Guid? ApplicantId { get; set; }
    public TripType Type { get; set; }
    public string? Title { get; set; }
    public string? Purpose { get; set; }
    public string? Tasks { get; set; }
    public string? InvitingOrganisation { get; set; }
    public DateOnly? DepartureDate { get; set; }
    public DateOnly? ReturnDate { get; set; }
    public string? FundingSource { get; set; }
    /// <summary>The line of the unit's annual outbound plan the trip carries out.</summary>
    public Guid? PlanItemId { get; set; }
    public string? LateJustification { get; set; }
    public long Version { get; set; }
    public List<MemberRow> Members { get; set; } = [];
    public List<DestinationRow> Destinations { get; set; } = [];
    public List<DayRow> Itinerary { get; set; } = [];
    public List<BudgetRow> Budget { get; set; } = [];

    public sealed class MemberRow
    {
        public Guid? StaffMemberId { get; set; }
        public DelegationRole Role { get; set; } = DelegationRole.Member;
    }

    public sealed class DestinationRow
    {
        public string? CountryCode { get; set; }
        public string? City { get; set; }
    }

    public sealed class DayRow
    {
        public DateOnly? Date { get; set; }
        public string? City { get; set; }
        public string? Activity { get; set; }
    }

    public sealed class BudgetRow
    {
        public BudgetCategory Category { get; set; }
        public decimal? Amount { get; set; }
        public string? Note { get; set; }
    }

    public static TripInput From(Trip t) => new()
    {
        ApplicantId = t.ApplicantId, Type = t.Type, Title = t.Title, Purpose = t.Purpose, Tasks = t.Tasks,
        InvitingOrganisation = t.InvitingOrganisation, DepartureDate = t.DepartureDate, ReturnDate = t.ReturnDate,
        FundingSource = t.FundingSource, PlanItemId = t.PlanItemId, LateJustification = t.LateJustification, Version = t.Version,
        Members = [.. t.Members.OrderBy(m => m.SortOrder).Select(m => new MemberRow { StaffMemberId = m.StaffMemberId, Role = m.Role })],
        Destinations = [.. t.Destinations.OrderBy(d => d.SortOrder).Select(d => new DestinationRow { CountryCode = d.CountryCode, City = d.City })],
        Itinerary = [.. t.Itinerary.OrderBy(d => d.SortOrder).Select(d => new DayRow { Date = d.Date, City = d.City, Activity = d.Activity })],
        Budget = [.. t.Budget.OrderBy(l => l.SortOrder).Select(l => new BudgetRow { Category = l.Category, Amount = l.Amount, Note = l.Note })],
    };

    /// <summary>Copies the fields onto <paramref name="trip"/> and replaces its rows with the non-blank
    /// ones here; returns what cannot be copied (an itinerary day without a date).</summary>
    public List<FieldError> ApplyTo(Trip trip)
    {
        trip.ApplicantId = ApplicantId ?? Guid.Empty;
        trip.Type = Type;
        trip.Title = Title?.Trim() ?? "";
        trip.Purpose = TextFields.Optional(Purpose);
        trip.Tasks = TextFields.Optional(Tasks);
        trip.InvitingOrganisation = TextFields.Optional(InvitingOrganisation);
        trip.DepartureDate = DepartureDate;
        trip.ReturnDate = ReturnDate;
        trip.FundingSource = TextFields.Optional(FundingSource);
        trip.PlanItemId = PlanItemId;
        trip.LateJustification = TextFields.Optional(LateJustification);

        // Blank rows are dropped before numbering, so that error fields match the rows kept here.
        Members = [.. Members.Where(m => m.StaffMemberId is not null)];
        Destinations = [.. Destinations.Where(d => TextFields.Optional(d.CountryCode) is not null || TextFields.Optional(d.City) is not null)];
        Itinerary = [.. Itinerary.Where(d => d.Date is not null || TextFields.Optional(d.City) is not null || TextFields.Optional(d.Activity) is not null)];
        Budget = [.. Budget.Where(l => l.Amount is not null || TextFields.Optional(l.Note) is not null)];

        trip.Members.Clear();
        trip.Members.AddRange(Members.Select((m, i) => new TripMember { StaffMemberId = m.StaffMemberId!.Value, Role = m.Role, SortOrder = i }));
        trip.Destinations.Clear();
        trip.Destinations.AddRange(Destinations.Select((d, i) => new TripDestination
        {
            CountryCode = d.CountryCode?.Trim().ToUpperInvariant() ?? "", City = d.City?.Trim() ?? "", SortOrder = i,
        }));
        trip.Itinerary.Clear();
        trip.Itinerary.AddRange(Itinerary.Select((d, i) => new TripItineraryDay
        {
            // A row without a date sorts before the trip and is reported as outside it.
            Date = d.Date ?? DateOnly.MinValue, City = d.City?.Trim() ?? "", Activity = d.Activity?.Trim() ?? "", SortOrder = i,
        }));
        trip.Budget.Clear();
        trip.Budget.AddRange(Budget.Select((l, i) => new TripBudgetLine { Category = l.Category, Amount = l.Amount ?? 0m, Note = TextFields.Optional(l.Note), SortOrder = i }));
        foreach (var child in trip.Members.Cast<TenantEntity>().Concat(trip.Destinations).Concat(trip.Itinerary).Concat(trip.Budget))
        {
            child.TenantId = trip.TenantId;
        }
        return [.. Itinerary.Select((d, i) => (d, i)).Where(x => x.d.Date is null)
            .Select(x => new FieldError($"Itinerary[{x.i}].Date", "Itinerary day {0}: enter the date.", x.i + 1))];
    }

}
